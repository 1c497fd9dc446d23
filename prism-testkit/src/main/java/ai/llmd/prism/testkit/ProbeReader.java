package ai.llmd.prism.testkit;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A format only tests know: {@code {"probe": 1, "model": "m", "outputTokensPerSecond": 12.5}}, one
 * point per file, so that a connector's tests depend on no real format. Register it explicitly
 * ({@code Plugins.builder().reader(new ProbeReader())}); it has no service entry.
 */
public final class ProbeReader implements FormatReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The content of a probe file for {@code model} at {@code outputTokensPerSecond}. */
  public static byte[] file(String model, double outputTokensPerSecond) {
    return ("{\"probe\": 1, \"model\": \""
            + model
            + "\", \"outputTokensPerSecond\": "
            + outputTokensPerSecond
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String id() {
    return "connector-probe";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "a test-only format for the connector tests";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return sniff.topLevel().containsKey("probe") ? Detection.CERTAIN : Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    JsonNode root = JSON.readTree(file.bytes());
    JsonNode tps = root.path("outputTokensPerSecond");
    if (!tps.isNumber()) {
      sink.problem(Problem.error(file.name(), "/outputTokensPerSecond", "missing"));
      return;
    }
    sink.point(
        new BenchmarkPoint(
            new Scenario(
                ModelRef.unresolved(root.path("model").asText()),
                Deployment.unknown(),
                Workload.unknown()),
            Metrics.builder()
                .put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, tps.doubleValue()))
                .build(),
            new Provenance(file.uri(), id(), "1", "")));
  }
}
