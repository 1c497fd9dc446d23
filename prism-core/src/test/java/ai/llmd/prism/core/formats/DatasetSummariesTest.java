package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.internal.BytesSourceFile;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset token-length summaries: the performance-dashboard's summary CSVs read as they are. The
 * expected numbers were computed from the same files with Python's csv module.
 */
class DatasetSummariesTest {

  @Test
  void everyDashboardSummaryIsReadWithoutProblems() {
    for (String dir : List.of("perfdash/datasets/summaries", "perfdash/mlperf-data/summaries")) {
      DatasetSummaries.Result r = DatasetSummaries.read(Fixtures.require(dir));
      assertThat(r.problems()).as(dir).isEmpty();
      assertThat(r.summaries()).as(dir).hasSizeGreaterThanOrEqualTo(4);
    }
    DatasetSummaries.Result datasets =
        DatasetSummaries.read(Fixtures.require("perfdash/datasets/summaries"));
    assertThat(datasets.summaries())
        .extracting(DatasetSummary::name)
        .containsExactly("deepseek-r1", "gpt-oss", "sharegpt-vicuna", "swebench-lite");
  }

  @Test
  void inputOnlySummaryHasNoOutputLengths() {
    DatasetSummary s =
        single(
            DatasetSummaries.read(
                Fixtures.require("perfdash/datasets/summaries/swebench-lite.csv")));
    assertThat(s.output()).isEmpty();
    TokenLengths in = s.input();
    assertThat(in.count()).isEqualTo(300);
    assertThat(in.min()).isEqualTo(49);
    assertThat(in.max()).isEqualTo(9138);
    assertThat(in.mean()).isCloseTo(540.94, within(1e-9));
    assertThat(in.percentile(50)).isEqualTo(332);
    assertThat(in.percentile(90)).isEqualTo(1081);
    assertThat(in.percentile(99)).isEqualTo(2951);
    assertThat(in.histogram(50)).extracting(TokenLengths.Bin::count).startsWith(101, 76, 44, 34);
  }

  @Test
  void inputAndOutputLengthsOfAWindowsLineEndedFile() {
    DatasetSummary s =
        single(
            DatasetSummaries.read(
                Fixtures.require("perfdash/mlperf-data/summaries/llama3-1-8b-datacenter.csv")));
    assertThat(s.name()).isEqualTo("llama3-1-8b-datacenter");
    TokenLengths out = s.output().orElseThrow();
    assertThat(out.count()).isEqualTo(13368);
    assertThat(out.min()).isEqualTo(13);
    assertThat(out.max()).isEqualTo(2135);
    assertThat(out.distribution().get(Statistic.P50)).hasValue(74);
    assertThat(out.distribution().get(Statistic.P90)).hasValue(123);
    assertThat(out.distribution().get(Statistic.P99)).hasValue(181);
    assertThat(out.mean()).isCloseTo(81.63270496708557, within(1e-9));
    assertThat(s.input().distribution().get(Statistic.P50)).hasValue(784);
    assertThat(s.input().distribution().get(Statistic.MAX)).hasValue(2540);
  }

  @Test
  void histogramCountsEverySampleOnceOverTheWholeRange() {
    DatasetSummary s =
        single(
            DatasetSummaries.read(
                Fixtures.require("perfdash/datasets/summaries/sharegpt-vicuna.csv")));
    TokenLengths out = s.output().orElseThrow();
    List<TokenLengths.Bin> bins = out.histogram(50);
    assertThat(bins).hasSize(50);
    assertThat(bins.stream().mapToInt(TokenLengths.Bin::count).sum()).isEqualTo(81494);
    assertThat(bins.get(0).lower()).isEqualTo(0);
    assertThat(bins.get(49).upper()).isEqualTo(3334);
    assertThat(bins).extracting(TokenLengths.Bin::count).startsWith(2311, 2285, 2587, 3286);
    assertThat(bins.get(49).count()).isEqualTo(3);
    for (int i = 1; i < bins.size(); i++) {
      assertThat(bins.get(i).lower()).isEqualTo(bins.get(i - 1).upper());
    }
  }

  @Test
  void aBadCellIsAProblemAtItsRowAndTheRestLoads() {
    DatasetSummaries.Result r =
        read("input_length,output_length\n10,20\nabc,30\n40,-5\n50\n60,70\n");
    DatasetSummary s = single(r);
    assertThat(s.input().sortedSamples()).containsExactly(10, 40, 60);
    assertThat(s.output().orElseThrow().sortedSamples()).containsExactly(20, 30, 70);
    assertThat(r.problems())
        .extracting(Problem::location)
        .containsExactly("row 2, column input_length", "row 3, column output_length", "row 4");
    assertThat(r.problems()).allMatch(p -> p.severity() == Problem.Severity.ERROR);
    assertThat(r.problems().get(0).message()).contains("'abc'");
  }

  @Test
  void aFileWithoutAnInputColumnIsAnErrorNotASummary() {
    DatasetSummaries.Result r = read("model,ttft\nllama,12\n");
    assertThat(r.summaries()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.file()).isEqualTo("lengths.csv");
              assertThat(p.message()).contains("input_length");
            });
  }

  @Test
  void aHeaderWithoutSamplesIsAnError() {
    DatasetSummaries.Result r = read("input_length\n");
    assertThat(r.summaries()).isEmpty();
    assertThat(r.problems())
        .extracting(Problem::message)
        .containsExactly("no input length in the file; not read");
  }

  @Test
  void otherColumnsAreNamedAsNotKept() {
    DatasetSummaries.Result r = read("id,input_tokens\na,5\nb,7\n");
    assertThat(single(r).input().mean()).isEqualTo(6.0);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(p.location()).isEqualTo("row 0, column id");
            });
  }

  @Test
  void aDirectoryIsReadFileByFileAndABadFileDoesNotLoseTheOthers(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("b.csv"), "input_length\n3\n1\n2\n");
    Files.writeString(dir.resolve("a.csv"), "nothing useful\n");
    Files.writeString(dir.resolve("notes.txt"), "input_length\n9\n");
    DatasetSummaries.Result r = DatasetSummaries.read(dir);
    assertThat(r.summaries()).extracting(DatasetSummary::name).containsExactly("b");
    assertThat(r.summaries().get(0).input().percentile(50)).isEqualTo(2);
    assertThat(r.problems()).extracting(Problem::file).containsExactly("a.csv");
  }

  @Test
  void aMissingPathIsAProblem(@TempDir Path dir) {
    DatasetSummaries.Result r = DatasetSummaries.read(dir.resolve("absent.csv"));
    assertThat(r.summaries()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("absent.csv");
              assertThat(p.message()).startsWith("cannot read the file");
            });
  }

  @Test
  void nearestRankPercentilesAreSampleValues() {
    TokenLengths t = new TokenLengths(new int[] {15, 20, 35, 40, 50});
    assertThat(t.percentile(5)).isEqualTo(15);
    assertThat(t.percentile(30)).isEqualTo(20);
    assertThat(t.percentile(40)).isEqualTo(20);
    assertThat(t.percentile(50)).isEqualTo(35);
    assertThat(t.percentile(100)).isEqualTo(50);
    assertThat(t.histogram(1))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.lower()).isEqualTo(15);
              assertThat(b.upper()).isEqualTo(51);
              assertThat(b.count()).isEqualTo(5);
            });
  }

  @Test
  void readsFilesUpToTheLoadersDefaultBound() {
    assertThat(DatasetSummaries.MAX_FILE_BYTES).isEqualTo(LoadOptions.DEFAULT_MAX_FILE_BYTES);
  }

  private static DatasetSummaries.Result read(String csv) {
    return DatasetSummaries.read(
        new BytesSourceFile(
            URI.create("memory:/lengths.csv"),
            "lengths.csv",
            csv.getBytes(StandardCharsets.UTF_8)));
  }

  private static DatasetSummary single(DatasetSummaries.Result r) {
    assertThat(r.summaries()).hasSize(1);
    return r.summaries().get(0);
  }
}
