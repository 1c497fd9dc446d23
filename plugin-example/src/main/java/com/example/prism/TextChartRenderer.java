package com.example.prism;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.PluginApi;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Draws a chart as plain text, one line per point: for terminals and logs. Numbers are written
 * with {@link BigDecimal} so that the output is the same under every locale.
 */
public final class TextChartRenderer implements ChartRenderer {

  @Override
  public String format() {
    return "txt";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "a chart as plain text lines (an example plugin)";
  }

  @Override
  public void render(ChartSpec spec, Appendable out) throws IOException {
    out.append(clean(spec.title())).append('\n');
    out.append("x: ").append(clean(spec.x().label())).append(", y: ");
    out.append(clean(spec.y().label())).append('\n');
    for (ChartSpec.Series s : spec.series()) {
      for (ChartSpec.Point p : s.points()) {
        out.append(clean(s.name())).append('\t').append(number(p.x())).append('\t');
        out.append(number(p.y())).append(p.onFrontier() ? "\t*" : "").append('\n');
      }
    }
  }

  private static String number(double v) {
    return Double.isFinite(v) ? new BigDecimal(v).round(java.math.MathContext.DECIMAL64)
        .stripTrailingZeros().toString() : "-";
  }

  /** No control characters reach a terminal; a lone surrogate becomes U+FFFD. */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(' ');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
