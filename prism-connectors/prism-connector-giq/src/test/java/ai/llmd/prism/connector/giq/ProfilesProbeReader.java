package ai.llmd.prism.connector.giq;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
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
import java.util.Map;

/**
 * Stands in for the real GIQ reader (written elsewhere): a point per performance stat of every
 * {@code profile}, with its output throughput and its pricing model as a label.
 */
final class ProfilesProbeReader implements FormatReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "giq-probe";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "test stand-in for the GIQ profiles reader";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return "[]".equals(sniff.topLevel().get("profile")) ? Detection.CERTAIN : Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    JsonNode profiles = JSON.readTree(file.bytes()).path("profile");
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode p = profiles.get(i);
      JsonNode stats = p.path("performanceStats");
      for (int j = 0; j < stats.size(); j++) {
        JsonNode s = stats.get(j);
        sink.point(
            new BenchmarkPoint(
                new Scenario(
                    ModelRef.unresolved(p.path("modelServerInfo").path("model").asText()),
                    Deployment.unknown(),
                    Workload.unknown()),
                Metrics.builder()
                    .put(
                        MetricValue.measured(
                            Metric.OUTPUT_THROUGHPUT, s.path("outputTokensPerSecond").asDouble()))
                    .build(),
                java.util.List.of(),
                Map.of("pricingModel", s.path("cost").path(0).path("pricingModel").asText()),
                new Provenance(
                    file.uri(), id(), "v1", "/profile/" + i + "/performanceStats/" + j)));
      }
    }
  }
}
