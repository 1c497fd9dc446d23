package com.example.prism;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.testkit.SourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpsCsvReaderTest {

  static final String FILE =
      TpsCsvReader.MAGIC
          + "\n"
          + "meta-llama/Llama-3.1-8B-Instruct,H100,1,8,1500.5,0.120\n"
          + "meta-llama/Llama-3.1-8B-Instruct,H100,1,oops,1600,0.150\n"
          + "meta-llama/Llama-3.1-8B-Instruct,H100,1,32,2400,0.300\n";

  @Test
  void readsEveryGoodRowAndReportsTheBadOneAtItsRow() throws Exception {
    List<BenchmarkPoint> points = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    new TpsCsvReader()
        .read(
            SourceFiles.named("runs/a.csv").content(FILE).build(),
            new ReadSink() {
              @Override
              public void point(BenchmarkPoint point) {
                points.add(point);
              }

              @Override
              public void problem(Problem problem) {
                problems.add(problem);
              }
            });

    assertThat(points).hasSize(2);
    // declared in seconds by the format, canonical in milliseconds
    assertThat(points.get(0).metrics().get(Metric.TTFT, Statistic.P90)).hasValue(120.0);
    assertThat(points.get(1).provenance().location()).isEqualTo("row 4");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("row 3");
              assertThat(p.message()).contains("concurrency", "'oops'");
            });
  }

  @Test
  void prismDiscoversTheReaderAndNormalizesWhatItRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("run.csv"), FILE);

    LoadResult result = Prism.create().load(dir);

    assertThat(result.points()).hasSize(2);
    BenchmarkPoint first = result.points().get(0);
    assertThat(first.provenance().format()).isEqualTo("tps-csv");
    // the registry resolved the spelling the file used, and knows the chip's memory
    assertThat(first.deployment().accelerator().resolved()).isTrue();
    assertThat(first.deployment().accelerator().memoryGiB()).isEqualTo(80.0);
    assertThat(first.model().resolved()).isTrue();
    assertThat(result.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .singleElement()
        .extracting(Problem::location)
        .isEqualTo("row 3");
  }
}
