package ai.llmd.prism.core;

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
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A reader that is not part of the project: registered only through this test's own
 * META-INF/services entry. Reads lines of {@code third-party model=<name> tps=<tokens/s>}.
 */
public final class ThirdPartyReader implements FormatReader {

  @Override
  public String id() {
    return "third-party";
  }

  @Override
  public String description() {
    return "a format known only to a test";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return new String(sniff.head(), StandardCharsets.UTF_8).startsWith("third-party ")
        ? Detection.CERTAIN
        : Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String model = null;
      double tps = Double.NaN;
      for (String part : lines[i].split(" ")) {
        if (part.startsWith("model=")) {
          model = part.substring(6);
        } else if (part.startsWith("tps=")) {
          tps = Double.parseDouble(part.substring(4));
        }
      }
      if (model == null || !(tps >= 0)) {
        sink.problem(
            ai.llmd.prism.api.Problem.error(
                file.name(), "line " + (i + 1), "needs model= and tps="));
        continue;
      }
      sink.point(
          new BenchmarkPoint(
              new Scenario(ModelRef.unresolved(model), Deployment.unknown(), Workload.unknown()),
              Metrics.builder().put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, tps)).build(),
              new Provenance(file.uri(), id(), "1", "line " + (i + 1))));
    }
  }
}
