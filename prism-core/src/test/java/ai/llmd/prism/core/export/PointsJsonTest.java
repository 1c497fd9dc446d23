package ai.llmd.prism.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointsJsonTest {

  static final BenchmarkPoint DISAGGREGATED =
      new BenchmarkPoint(
          new Scenario(
              ModelRef.unresolved("Qwen/Qwen3-32B"),
              new Deployment(
                  AcceleratorRef.unresolved("nvidia-h100-80gb"),
                  null,
                  "vLLM",
                  "0.10.1",
                  "llm-d",
                  List.of(),
                  List.of(
                      new Role(Role.Kind.PREFILL, 1, 4, null, null, null, 4),
                      new Role(Role.Kind.DECODE, 3, 4, null, null, null, 4)),
                  null),
              new Workload(
                  Distribution.ofMean(1000),
                  Distribution.ofMean(500),
                  "random",
                  "inference-perf",
                  null,
                  null,
                  Double.POSITIVE_INFINITY,
                  3)),
          Metrics.builder()
              .put(
                  MetricValue.measured(
                      Metric.TTFT,
                      Distribution.builder()
                          .put(Statistic.MEAN, 180)
                          .put(Statistic.P90, 250)
                          .build()))
              .put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, 3200))
              .put(
                  MetricValue.derived(
                      Metric.NTPOT, Distribution.ofMean(21.5), "ntpot = e2e / osl (means)"))
              .build(),
          List.of(),
          Map.of("run.uid", "r1"),
          new Provenance(URI.create("file:///r/stage_3.json"), "inference-perf", null, "stage 3"));

  static JsonNode write(Views.Basis basis, BenchmarkPoint... points) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PointsJson.write(List.of(points), basis, out);
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writesTheDocumentedShapeWithOnlyTheStatisticsTheSourceHad() throws Exception {
    JsonNode p = write(Views.Basis.TOTAL, DISAGGREGATED).get(0);

    assertThat(p.at("/model/id").asText()).isEqualTo("qwen/qwen3-32b");
    assertThat(p.at("/model/raw").asText()).isEqualTo("Qwen/Qwen3-32B");
    assertThat(p.at("/accelerator/count").asInt()).isEqualTo(16);
    assertThat(p.at("/architecture").asText()).isEqualTo("disaggregated");
    assertThat(p.at("/pdRatio").asText()).isEqualTo("1:3");
    assertThat(p.at("/workload/isl").asDouble()).isEqualTo(1000);
    assertThat(p.at("/workload/concurrency").asText()).isEqualTo("inf");
    assertThat(p.at("/workload/requestRate").isNull()).isTrue();
    JsonNode ttft = p.at("/metrics/ttft");
    assertThat(ttft.fieldNames()).toIterable().containsExactly("unit", "mean", "p90", "derived");
    assertThat(ttft.get("unit").asText()).isEqualTo("ms");
    assertThat(p.at("/metrics/ntpot/derived").asBoolean()).isTrue();
    assertThat(p.at("/metrics/ntpot/rule").asText()).isEqualTo("ntpot = e2e / osl (means)");
    assertThat(p.at("/provenance/location").asText()).isEqualTo("stage 3");
    assertThat(p.at("/labels/run.uid").asText()).isEqualTo("r1");
  }

  @Test
  void perChipChangesThroughputValuesButNeitherLatenciesNorTheShape() throws Exception {
    JsonNode total = write(Views.Basis.TOTAL, DISAGGREGATED).get(0);
    JsonNode perChip = write(Views.Basis.ACCELERATOR, DISAGGREGATED).get(0);

    assertThat(perChip.at("/metrics/output_throughput/mean").asDouble()).isEqualTo(200.0);
    assertThat(perChip.at("/metrics/output_throughput/derived").asBoolean()).isTrue();
    assertThat(perChip.at("/metrics/ttft")).isEqualTo(total.at("/metrics/ttft"));
    assertThat(perChip.fieldNames())
        .toIterable()
        .containsExactlyElementsOf(() -> total.fieldNames());
  }

  @Test
  void perChipWithoutAKnownChipCountIsNullRatherThanAGuess() throws Exception {
    BenchmarkPoint unknownHardware =
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved("m"), Deployment.unknown(), Workload.unknown()),
            Metrics.builder().put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, 10)).build(),
            DISAGGREGATED.provenance());

    JsonNode p = write(Views.Basis.ACCELERATOR, unknownHardware).get(0);

    assertThat(p.at("/metrics").has("output_throughput")).isTrue();
    assertThat(p.at("/metrics/output_throughput").isNull()).isTrue();
    assertThat(p.at("/accelerator/count").isNull()).isTrue();
    assertThat(p.at("/architecture").isNull()).isTrue();
  }
}
