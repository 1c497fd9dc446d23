package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.FormatWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every point Prism reads from the public fixtures and the project's examples, written as a BR v0.2
 * report (YAML and JSON) and read back, is the same point: scenario, metrics with their statistics
 * and derived flags, costs and labels; only its provenance changes, and says where it came from.
 */
class BenchmarkReportWriterTest {

  private static final Plugins PLUGINS = Plugins.builder().discover().build();
  private static final Prism PRISM = Prism.create();

  private static List<BenchmarkPoint> load(Path dir) {
    LoadResult r = PRISM.load(dir.toString());
    assertThat(r.points()).as("points under %s", dir).isNotEmpty();
    return r.points();
  }

  private static byte[] write(String writer, BenchmarkPoint p) throws IOException {
    FormatWriter w = PLUGINS.writer(writer).orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(List.of(p), out);
    return out.toByteArray();
  }

  /**
   * Reads {@code report} back exactly as a load would, normalized: no error, and nothing said of
   * the extension (a source's own contradictions are said again, as when it was first read).
   */
  private static BenchmarkPoint readBack(String name, byte[] report) {
    LoadResult r = PRISM.read(name, new ByteArrayInputStream(report));
    assertThat(r.problems())
        .as(
            "problems reading back %s: %s%n%s",
            name, r.problems(), new String(report, StandardCharsets.UTF_8))
        .noneMatch(
            pr ->
                pr.severity() == Problem.Severity.ERROR
                    || pr.location().startsWith(BrExtension.AT));
    assertThat(r.points()).hasSize(1);
    assertThat(r.points().get(0).provenance().format()).isEqualTo("llmd-br");
    return r.points().get(0);
  }

  private static void assertRoundTrip(List<BenchmarkPoint> points) throws IOException {
    for (String writer : List.of("llmd-br-yaml", "llmd-br-json")) {
      for (BenchmarkPoint p : points) {
        String what = p.provenance().source() + " " + p.provenance().location() + " " + writer;
        BenchmarkPoint back = readBack("report", write(writer, p));
        assertThat(back.scenario()).as("scenario of %s", what).isEqualTo(p.scenario());
        assertThat(back.metrics()).as("metrics of %s", what).isEqualTo(p.metrics());
        assertThat(back.costs()).as("costs of %s", what).isEqualTo(p.costs());
        Map<String, String> labels = new TreeMap<>(back.labels());
        assertThat(labels.remove("republished.source"))
            .isEqualTo(p.provenance().source().toString());
        assertThat(labels.remove("republished.format")).isEqualTo(p.provenance().format());
        assertThat(labels.remove("republished.format_version"))
            .isEqualTo(p.provenance().formatVersion());
        String location = labels.remove("republished.location");
        assertThat(location == null ? "" : location).isEqualTo(p.provenance().location());
        if (!p.labels().containsKey("run.uid")) {
          labels.remove("run.uid"); // the writer names the report: the schema requires a uid
        }
        assertThat(labels).as("labels of %s", what).isEqualTo(p.labels());
      }
    }
  }

  @Test
  void everyPointOfTheExamplesSurvivesTheRoundTrip() throws IOException {
    Path ex = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(ex), "the project's examples/ directory is absent: " + ex);
    assertRoundTrip(load(ex));
  }

  @Test
  void everyPointOfThePublicFixturesSurvivesTheRoundTrip() throws IOException {
    List<BenchmarkPoint> all = new ArrayList<>();
    for (String dir :
        List.of("llm-d-benchmark", "inference-perf", "guidellm", "prism", "perfdash")) {
      all.addAll(load(Fixtures.require(dir)));
    }
    assertThat(
            all.stream()
                .anyMatch(p -> p.metrics().values().stream().anyMatch(MetricValue::isDerived)))
        .as("derived values are among the points")
        .isTrue();
    assertRoundTrip(all);
  }

  @Test
  void standardFieldsCarryWhatTheSchemaHasRoomFor() throws IOException {
    BenchmarkPoint p =
        load(Fixtures.require(
                "llm-d-benchmark/llmdbenchmark/analysis/benchmark_report/br_v0_2_example.yaml"))
            .get(0);
    JsonNode report = LenientTrees.parse(write("llmd-br-yaml", p));
    assertThat(report.path("version").asText()).isEqualTo("0.2");
    assertThat(report.at("/run/uid").asText()).isEqualTo(p.labels().get("run.uid"));
    JsonNode engine = report.at("/scenario/stack/0/standardized");
    assertThat(engine.path("model").path("name").asText()).isEqualTo(p.model().raw());
    assertThat(engine.at("/accelerator/model").asText())
        .isEqualTo(p.deployment().accelerator().raw());
    JsonNode ttft = report.at("/results/request_performance/aggregate/latency/time_to_first_token");
    assertThat(ttft.path("units").asText()).isEqualTo("ms");
    assertThat(ttft.path("mean").asDouble()).isEqualTo(p.metrics().mean(Metric.TTFT).getAsDouble());
    // derived values are never passed off as measured in a standard field
    for (MetricValue v : p.metrics().values()) {
      if (v.isDerived()) {
        JsonNode ext = report.at(BrExtension.AT + "/metrics/" + v.metric().key());
        assertThat(ext.path("derivation").asText()).isEqualTo(v.derivation());
      }
    }
    // without the extension the standard part alone still gives the measured latencies
    ((ObjectNode) report.at("/results/observability")).remove(BrV02Writer.EXTENSION);
    BenchmarkPoint plain = readBack("plain", new ObjectMapper().writeValueAsBytes(report));
    assertThat(plain.metrics().get(Metric.TTFT)).isEqualTo(p.metrics().get(Metric.TTFT));
    assertThat(plain.model().id()).isEqualTo(p.model().id());
    assertThat(plain.deployment().roles()).isEqualTo(p.deployment().roles());
  }

  @Test
  void aReportHoldsOnePoint() {
    FormatWriter w = PLUGINS.writer("llmd-br-json").orElseThrow();
    assertThatThrownBy(() -> w.write(List.of(), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one point");
  }

  @Test
  void aMalformedExtensionIsAnErrorAndTheStandardFieldsStand() throws IOException {
    BenchmarkPoint p =
        load(Fixtures.require(
                "llm-d-benchmark/llmdbenchmark/analysis/benchmark_report/br_v0_2_example.yaml"))
            .get(0);
    ObjectNode report = (ObjectNode) new ObjectMapper().readTree(write("llmd-br-json", p));
    ObjectNode ext = (ObjectNode) report.at(BrExtension.AT);
    ext.putObject("metrics").putObject("ttft").put("units", "furlongs").put("mean", 3);
    LoadResult r =
        PRISM.read("bad", new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(report)));
    assertThat(r.problems())
        .anyMatch(
            pr ->
                pr.severity() == Problem.Severity.ERROR
                    && pr.location().equals(BrExtension.AT + "/metrics/ttft/units"));
    assertThat(r.points().get(0).metrics().get(Metric.TTFT))
        .isEqualTo(p.metrics().get(Metric.TTFT));
  }
}
