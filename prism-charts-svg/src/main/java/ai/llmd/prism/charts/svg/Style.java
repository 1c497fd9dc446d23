package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartSpec.Theme;

/**
 * Colours and CSS. Everything visual is a class, so a page embedding the SVG can restyle it; the
 * palette is Okabe and Ito's, distinguishable with the common colour-vision deficiencies (ordered
 * so that yellow, weak on white, comes last), and marker shapes repeat the distinction.
 */
final class Style {

  static final String[] PALETTE = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"
  };

  static final String FONT_FAMILY = "Helvetica, Arial, sans-serif";

  private Style() {}

  static String css(Theme theme) {
    StringBuilder sb = new StringBuilder(1600);
    sb.append('\n');
    switch (theme) {
      case LIGHT -> themed(sb, Colours.LIGHT);
      case DARK -> themed(sb, Colours.DARK);
      case AUTO -> {
        themed(sb, Colours.LIGHT);
        sb.append("@media (prefers-color-scheme: dark) {\n");
        themed(sb, Colours.DARK);
        sb.append("}\n");
      }
    }
    for (int i = 0; i < PALETTE.length; i++) {
      sb.append(".c")
          .append(i)
          .append("{fill:")
          .append(PALETTE[i])
          .append(";stroke:")
          .append(PALETTE[i])
          .append("}\n");
    }
    sb.append(".title{font-size:16px;font-weight:bold}\n")
        .append(".tick,.legend,.end-label,.note,.category{font-size:12px}\n")
        .append(".axis-title{font-size:13px}\n")
        .append(".line{fill:none;stroke-width:2;stroke-linejoin:round}\n")
        .append(".marks{stroke-width:0.75}\n")
        .append(".frontier{fill:none;stroke-width:2;stroke-dasharray:6 4}\n")
        .append(".frontier-ring{fill:none;stroke-width:1.5;pointer-events:none}\n")
        .append(".bar{stroke:none}\n")
        .append(".end-label{stroke:none}\n")
        .append(".leader{fill:none;stroke-width:1;stroke-opacity:0.5}\n");
    return sb.toString();
  }

  private static void themed(StringBuilder sb, Colours c) {
    sb.append(".bg{fill:").append(c.bg).append("}\n");
    sb.append(".title,.axis-title,.legend{fill:").append(c.fg).append("}\n");
    sb.append(".tick,.note,.category{fill:").append(c.muted).append("}\n");
    sb.append(".axis line,.axis path{stroke:").append(c.axis).append("}\n");
    sb.append(".grid line{stroke:").append(c.grid).append("}\n");
    sb.append(".marks{stroke:").append(c.bg).append("}\n");
    sb.append(".frontier,.frontier-ring{stroke:").append(c.fg).append("}\n");
  }

  private enum Colours {
    LIGHT("#ffffff", "#1a1a1a", "#555555", "#888888", "#e5e5e5"),
    DARK("#16181d", "#e8e8e8", "#b4b4b4", "#8a8a8a", "#2f333b");

    final String bg;
    final String fg;
    final String muted;
    final String axis;
    final String grid;

    Colours(String bg, String fg, String muted, String axis, String grid) {
      this.bg = bg;
      this.fg = fg;
      this.muted = muted;
      this.axis = axis;
      this.grid = grid;
    }
  }
}
