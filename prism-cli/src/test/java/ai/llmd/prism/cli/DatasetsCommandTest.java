package ai.llmd.prism.cli;

import static ai.llmd.prism.cli.ReportAndChartCommandTest.prism;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prism datasets} through the real command line, on self-written and real summaries. */
class DatasetsCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Ten samples: inputs 10..100, outputs 1..10, so every statistic is known by hand. */
  static Path tenSamples(Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("input_length,output_length\n");
    for (int i = 1; i <= 10; i++) {
      csv.append(10 * i).append(',').append(i).append('\n');
    }
    return Files.writeString(dir.resolve("ten.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void aTableOfTheLengthsInTokens(@TempDir Path tmp) throws IOException {
    tenSamples(tmp);
    ReportAndChartCommandTest.Run r = prism("datasets", tmp.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly(
            "DATASET", "FILE", "SAMPLES", "ISL", "MEAN", "ISL", "P50", "ISL", "P90", "ISL", "P99",
            "ISL", "MAX", "OSL", "MEAN", "OSL", "P50", "OSL", "P90", "OSL", "P99", "OSL", "MAX");
    // mean 55 and 5.5; nearest-rank p50 is the 5th sample, p90 the 9th, p99 the 10th
    assertThat(lines.get(1).split("\\s+"))
        .containsExactly(
            "ten", "ten.csv", "10", "55", "50", "90", "100", "100", "5.50", "5", "9", "10", "10");
  }

  @Test
  void jsonWithTheSamplesStatisticsAndEveryProblem(@TempDir Path tmp) throws Exception {
    tenSamples(tmp);
    Files.writeString(tmp.resolve("bad.csv"), "input_length\n12\nlots\n", StandardCharsets.UTF_8);
    ReportAndChartCommandTest.Run r = prism("datasets", tmp.toString(), "--json");

    // a bad cell is an error on standard error and exit code 1; the rest is still summarised
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bad.csv:row 2, column input_length:").contains("'lots'");
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("schema").asText()).isEqualTo("prism-datasets");
    assertThat(n.get("unit").asText()).isEqualTo("tokens");
    assertThat(n.get("datasets")).hasSize(2);
    JsonNode bad = n.get("datasets").get(0);
    assertThat(bad.get("name").asText()).isEqualTo("bad");
    assertThat(bad.at("/input/samples").asInt()).isEqualTo(1);
    assertThat(bad.get("output").isNull()).isTrue();
    JsonNode ten = n.get("datasets").get(1);
    assertThat(ten.at("/input/mean").asDouble()).isEqualTo(55.0);
    assertThat(ten.at("/input/p95").asInt()).isEqualTo(100);
    assertThat(ten.at("/output/p50").asInt()).isEqualTo(5);
    assertThat(ten.at("/output/min").asInt()).isEqualTo(1);
    assertThat(n.get("problems").get(0).get("severity").asText()).isEqualTo("error");
  }

  @Test
  void theDashboardsRealSummaries() throws Exception {
    Path dir = Fixtures.require("perfdash/datasets/summaries");
    ReportAndChartCommandTest.Run r = prism("datasets", dir.toString(), "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = JSON.readTree(r.out());
    List<String> names = n.findValuesAsText("name");
    assertThat(names).containsExactly("deepseek-r1", "gpt-oss", "sharegpt-vicuna", "swebench-lite");
    // checked against the file itself: sample count is its line count minus the header
    for (JsonNode d : n.get("datasets")) {
      long rows;
      try (var lines = Files.lines(dir.resolve(d.get("file").asText()))) {
        rows = lines.filter(l -> !l.isBlank()).count() - 1;
      }
      assertThat(d.at("/input/samples").asLong()).as(d.get("name").asText()).isEqualTo(rows);
      assertThat(d.at("/input/min").asInt()).isLessThanOrEqualTo(d.at("/input/p50").asInt());
      assertThat(d.at("/input/p50").asInt()).isLessThanOrEqualTo(d.at("/input/max").asInt());
    }
    assertThat(Arrays.asList(prism("datasets", "--help").out().split("\n")))
        .anyMatch(l -> l.contains("nearest-rank"));
  }

  @Test
  void aRemoteSourceIsAUsageErrorInOneLine() {
    ReportAndChartCommandTest.Run r = prism("datasets", "gs://bucket/summaries/");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("prism datasets: gs://bucket/summaries/: ");
  }
}
