package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.spi.FormatWriter;
import ai.llmd.prism.spi.PluginApi;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one point as an llm-d-benchmark Benchmark Report v0.2, the format {@link
 * BenchmarkReportReader} reads (docs/publish.md says what goes where). A report is one load level,
 * so one file holds one point: {@link #write} takes a list of exactly one.
 */
abstract class BenchmarkReportWriter implements FormatWriter {

  @Override
  public final String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  /** The serialization, YAML or JSON. */
  abstract ObjectWriter mapper();

  @Override
  public final void write(List<BenchmarkPoint> points, OutputStream out) throws IOException {
    if (points.size() != 1) {
      throw new IllegalArgumentException(
          "a benchmark report holds one point, given "
              + points.size()
              + "; write each point to its own report");
    }
    // the caller's stream stays open
    mapper()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, BrV02Writer.report(points.get(0)));
    out.flush();
  }
}
