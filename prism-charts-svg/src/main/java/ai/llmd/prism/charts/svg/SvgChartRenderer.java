package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.PluginApi;
import java.io.IOException;

/**
 * Draws a {@link ChartSpec} as a standalone SVG document: scatter and line charts with the Pareto
 * frontier overlaid, and grouped bars; linear and log axes; a tooltip on every point; light, dark
 * or automatic themes through CSS classes. Deterministic: the same spec gives the same bytes on any
 * machine, because nothing depends on fonts, locale, time or hash order.
 */
public final class SvgChartRenderer implements ChartRenderer {

  /** For {@link java.util.ServiceLoader}. */
  public SvgChartRenderer() {}

  @Override
  public String format() {
    return "svg";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "Standalone SVG: scatter, lines and grouped bars, with Pareto frontier and tooltips";
  }

  @Override
  public void render(ChartSpec spec, Appendable out) throws IOException {
    out.append(toSvg(spec));
  }

  /** The chart as an SVG document. */
  public String toSvg(ChartSpec spec) {
    Chart chart =
        switch (spec.kind()) {
          case XY -> new XyChart(spec);
          case BARS -> new BarChart(spec);
        };
    return chart.render();
  }
}
