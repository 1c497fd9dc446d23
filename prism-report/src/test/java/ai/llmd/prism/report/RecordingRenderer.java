package ai.llmd.prism.report;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;

/**
 * A third-party renderer for {@code svg}, registered in this module's test META-INF/services: it
 * draws a marked, minimal SVG naming the chart and its point count, so a test sees it was used.
 */
public final class RecordingRenderer implements ChartRenderer {

  /** The mark every chart it draws carries. */
  static final String MARK = "data-renderer=\"recording\"";

  @Override
  public String format() {
    return "svg";
  }

  @Override
  public String description() {
    return "test renderer that marks what it draws";
  }

  @Override
  public void render(ChartSpec spec, Appendable out) throws IOException {
    int points = spec.series().stream().mapToInt(s -> s.points().size()).sum();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" ")
        .append(MARK)
        .append(" data-points=\"")
        .append(Integer.toString(points))
        .append("\"><style>text{font:12px sans-serif}</style><text x=\"4\" y=\"14\">")
        .append(Html.esc(spec.title()))
        .append("</text></svg>");
  }
}
