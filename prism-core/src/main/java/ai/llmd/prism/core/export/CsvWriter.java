package ai.llmd.prism.core.export;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.spi.FormatWriter;
import ai.llmd.prism.spi.PluginApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One flat CSV row per point, units in the column names (see {@link PointsCsv}). */
public final class CsvWriter implements FormatWriter {

  @Override
  public String id() {
    return "prism-csv";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "CSV, one row per point, units in the column names";
  }

  @Override
  public String fileExtension() {
    return "csv";
  }

  @Override
  public void write(List<BenchmarkPoint> points, OutputStream out) throws IOException {
    PointsCsv.write(points, Views.Basis.TOTAL, new KeepOpen(out));
  }
}
