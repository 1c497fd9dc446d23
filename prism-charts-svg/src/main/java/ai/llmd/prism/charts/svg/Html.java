package ai.llmd.prism.charts.svg;

import java.util.Locale;
import java.util.OptionalDouble;

/** HTML text helpers: escaping (every string from data goes through it) and number formatting. */
final class Html {

  private Html() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> c < 0x20 && c != '\n' && c != '\t' ? "\uFFFD" : null;
          };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A value for people: three significant figures or whole numbers, locale-independent. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    double a = Math.abs(v);
    String s;
    if (v == Math.rint(v) && a < 1e15) {
      s = Long.toString((long) v);
    } else if (a >= 100) {
      s = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else {
      s = String.format(Locale.ROOT, "%.3g", v);
    }
    return "-0".equals(s) ? "0" : s;
  }

  static String num(OptionalDouble v) {
    return v.isPresent() ? num(v.getAsDouble()) : "–";
  }

  /** A sortable numeric cell: the exact value for sorting, the rounded one for reading. */
  static String numCell(OptionalDouble v) {
    if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
      return "<td class=\"num\">–</td>";
    }
    return "<td class=\"num\" data-v=\""
        + Double.toString(v.getAsDouble())
        + "\">"
        + num(v.getAsDouble())
        + "</td>";
  }

  static String numCell(double v) {
    return numCell(Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v));
  }

  /** A percentage with its sign, e.g. {@code +7.9 %}. */
  static String percent(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return (v > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", v) + " %";
  }
}
