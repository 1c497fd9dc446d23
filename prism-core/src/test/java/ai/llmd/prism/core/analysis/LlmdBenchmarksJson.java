package ai.llmd.prism.core.analysis;

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
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reading of Prism's {@code llm-d-benchmarks.json} (the real reader is written
 * elsewhere): "throughput" there is total tokens/s (prism.md §1.10); output and input rates are
 * request rate times the lengths.
 */
final class LlmdBenchmarksJson {

  private static final Pattern AGG = Pattern.compile("(\\d+) TP(\\d+)");

  private LlmdBenchmarksJson() {}

  /** The real fixture (skips the test when absent). */
  static List<BenchmarkPoint> load() {
    Path file = Fixtures.require("prism/llm-d-benchmarks.json");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toUri());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our own illustrative sample in the same shape. */
  static List<BenchmarkPoint> loadSample() {
    try (InputStream in = LlmdBenchmarksJson.class.getResourceAsStream("pd-sweep-sample.json")) {
      return read(in, URI.create("test:pd-sweep-sample.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<BenchmarkPoint> read(InputStream in, URI uri) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    List<BenchmarkPoint> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      out.add(point(root.get(i), uri, i));
    }
    return out;
  }

  private static BenchmarkPoint point(JsonNode r, URI uri, int i) {
    JsonNode m = r.get("metrics");
    JsonNode w = r.get("workload");
    double isl = w.get("input_tokens").asDouble();
    double osl = w.get("output_tokens").asDouble();
    double rate = m.get("request_rate").asDouble();
    Metrics metrics =
        Metrics.builder()
            .put(
                MetricValue.measured(
                    Metric.TOTAL_THROUGHPUT, Distribution.ofMean(m.get("throughput").asDouble())))
            .put(MetricValue.measured(Metric.REQUEST_RATE, Distribution.ofMean(rate)))
            .put(
                MetricValue.derived(
                    Metric.OUTPUT_THROUGHPUT, Distribution.ofMean(rate * osl), "test"))
            .put(
                MetricValue.derived(
                    Metric.INPUT_THROUGHPUT, Distribution.ofMean(rate * isl), "test"))
            .put(MetricValue.measured(Metric.TPOT, Distribution.ofMean(m.get("tpot").asDouble())))
            .put(MetricValue.measured(Metric.ITL, Distribution.ofMean(m.get("itl").asDouble())))
            .put(
                MetricValue.measured(
                    Metric.TTFT,
                    Distribution.builder()
                        .put(Statistic.MEAN, m.get("ttft").get("mean").asDouble())
                        .put(Statistic.P50, m.get("ttft").get("p50").asDouble())
                        .build()))
            .put(
                MetricValue.measured(
                    Metric.E2E_LATENCY,
                    Distribution.builder()
                        .put(Statistic.MEAN, m.get("latency").get("mean").asDouble())
                        .put(Statistic.P50, m.get("latency").get("p50").asDouble())
                        .build()))
            .build();
    List<Role> roles = new ArrayList<>();
    if ("disaggregated".equals(r.get("architecture").asText())) {
      int ptp = r.get("prefill_tp").asInt();
      int dtp = r.get("decode_tp").asInt();
      roles.add(
          new Role(
              Role.Kind.PREFILL, r.get("prefill_node_count").asInt(), ptp, null, null, null, ptp));
      roles.add(
          new Role(
              Role.Kind.DECODE, r.get("decode_node_count").asInt(), dtp, null, null, null, dtp));
    } else {
      Matcher a = AGG.matcher(r.get("configuration").asText());
      if (!a.matches()) {
        throw new IllegalStateException("unexpected configuration " + r.get("configuration"));
      }
      int tp = Integer.parseInt(a.group(2));
      roles.add(
          new Role(Role.Kind.AGGREGATED, Integer.parseInt(a.group(1)), tp, null, null, null, tp));
    }
    Deployment d =
        new Deployment(
            AcceleratorRef.unresolved(r.get("hardware").asText()),
            r.get("accelerator_count").asInt(),
            "vLLM",
            null,
            null,
            List.of(),
            roles,
            null);
    Workload wl =
        new Workload(
            Distribution.ofMean(isl),
            Distribution.ofMean(osl),
            null,
            null,
            null,
            null,
            w.get("concurrency").asDouble(),
            null);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(r.get("model").asText()), d, wl),
        metrics,
        List.of(),
        Map.of("configuration", r.get("configuration").asText()),
        new Provenance(uri, "prism-llmd-json", null, "/" + i));
  }
}
