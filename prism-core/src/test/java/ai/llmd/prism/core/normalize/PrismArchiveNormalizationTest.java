package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.formats.Trees;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Normalization on Prism's own archive of 114 real llm-d runs (Llama-3.1-70B on H100, ISL 9999, OSL
 * 1000). The points are built here from the file's fields, as minimal stand-ins for a reader.
 */
class PrismArchiveNormalizationTest {

  private static final String ARCHIVE = "prism/llm-d-benchmarks.json";

  @Test
  void derivedE2eMatchesTheMeasuredLatencyOnEveryRunAndNothingIsReported() throws Exception {
    JsonNode rows = Trees.jsonReader().readTree(Files.readAllBytes(Fixtures.require(ARCHIVE)));
    Normalizer.Result r = Normalizer.standard().normalize(points(rows, Metric.TOTAL_THROUGHPUT));

    assertThat(r.points()).hasSize(114);
    assertThat(r.problems()).isEmpty();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      BenchmarkPoint p = r.points().get(i);
      double rate = row.at("/metrics/request_rate").asDouble();
      assertThat(p.model().id()).isEqualTo("meta-llama/Llama-3.1-70B-Instruct");
      assertThat(p.deployment().accelerator().name()).isEqualTo("H100");
      assertThat(p.deployment().engine()).isEqualTo("vLLM");
      assertThat(p.metrics().mean(Metric.E2E_LATENCY).getAsDouble())
          .as("row %d", i)
          .isCloseTo(row.at("/metrics/latency/mean").asDouble(), within(1e-6));
      assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT).getAsDouble())
          .isCloseTo(rate * 1000, within(1e-9));
      assertThat(p.metrics().mean(Metric.INPUT_THROUGHPUT).getAsDouble())
          .isCloseTo(rate * 9999, within(1e-9));
      assertThat(Views.accelerators(p.deployment()))
          .as("row %d", i)
          .hasValue(row.get("accelerator_count").asInt());
    }
  }

  @Test
  void prismsOutputLabelOnTotalThroughputIsCaughtOnEveryRun() throws Exception {
    JsonNode rows = Trees.jsonReader().readTree(Files.readAllBytes(Fixtures.require(ARCHIVE)));
    Normalizer.Result r = Normalizer.standard().normalize(points(rows, Metric.OUTPUT_THROUGHPUT));

    assertThat(r.problems()).hasSize(114).allMatch(p -> p.severity() == Problem.Severity.WARNING);
    assertThat(r.problems().get(0).message())
        .startsWith("output_throughput 24275.7 tokens/s disagrees with request_rate × osl");
  }

  private static List<BenchmarkPoint> points(JsonNode rows, Metric throughputAs) {
    List<BenchmarkPoint> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      JsonNode m = row.get("metrics");
      List<Role> roles = new ArrayList<>();
      Integer stated = null;
      if (row.get("architecture").asText().equals("disaggregated")) {
        roles.add(role(Role.Kind.PREFILL, row, "prefill"));
        roles.add(role(Role.Kind.DECODE, row, "decode"));
      } else {
        int tp = row.at("/metadata/tensor_parallelism").asInt();
        stated = row.get("accelerator_count").asInt();
        roles.add(new Role(Role.Kind.AGGREGATED, stated / tp, tp, null, null, null, null));
      }
      Deployment d =
          new Deployment(
              AcceleratorRef.unresolved(row.get("hardware").asText()),
              stated,
              row.at("/metadata/backend").asText(),
              null,
              null,
              List.of(),
              roles,
              null);
      Workload w =
          new Workload(
              Distribution.ofMean(row.at("/workload/input_tokens").asDouble()),
              Distribution.ofMean(row.at("/workload/output_tokens").asDouble()),
              "random",
              null,
              null,
              null,
              row.at("/workload/concurrency").asDouble(),
              null);
      Metrics metrics =
          Metrics.builder()
              .put(
                  MetricValue.measured(
                      Metric.TTFT,
                      Distribution.builder()
                          .put(Statistic.MEAN, m.at("/ttft/mean").asDouble())
                          .put(Statistic.P50, m.at("/ttft/p50").asDouble())
                          .build()))
              .put(MetricValue.measured(Metric.TPOT, m.get("tpot").asDouble()))
              .put(MetricValue.measured(Metric.REQUEST_RATE, m.get("request_rate").asDouble()))
              .put(MetricValue.measured(throughputAs, m.get("throughput").asDouble()))
              .build();
      out.add(
          new BenchmarkPoint(
              new Scenario(ModelRef.unresolved(row.get("model").asText()), d, w),
              metrics,
              new Provenance(Path.of(ARCHIVE).toUri(), "test", null, "/" + i)));
    }
    return out;
  }

  private static Role role(Role.Kind kind, JsonNode row, String side) {
    return new Role(
        kind,
        row.get(side + "_node_count").asInt(),
        row.get(side + "_tp").asInt(),
        null,
        null,
        null,
        null);
  }
}
