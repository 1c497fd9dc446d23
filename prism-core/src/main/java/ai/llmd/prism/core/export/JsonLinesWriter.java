package ai.llmd.prism.core.export;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.spi.FormatWriter;
import ai.llmd.prism.spi.PluginApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** JSON Lines of Prism's documented point shape (docs/json-format.md), one point per line. */
public final class JsonLinesWriter implements FormatWriter {

  @Override
  public String id() {
    return "prism-jsonl";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "JSON Lines, one point per line in Prism's documented point shape";
  }

  @Override
  public String fileExtension() {
    return "jsonl";
  }

  @Override
  public void write(List<BenchmarkPoint> points, OutputStream out) throws IOException {
    PointsJson.writeLines(points, Views.Basis.TOTAL, new KeepOpen(out));
  }
}
