package ai.llmd.prism.report;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * HTML text helpers: escaping (every string from data goes through it), shortening of long strings
 * for display, and number formatting.
 */
final class Html {

  /** Characters of a string shown in a cell, a label or a heading before it is shortened. */
  static final int SHOWN = 120;

  /** Characters of a string kept at most anywhere in the page (tooltips, embedded data). */
  static final int KEPT = 2_000;

  private Html() {}

  /**
   * {@code s} cut to {@code max} characters with the number left out said, so that a hostile
   * multi-megabyte name cannot make a huge page; never splits a surrogate pair.
   */
  static String shorten(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, cut) + "… (" + (s.length() - cut) + " more characters)";
  }

  /**
   * Escaped text for display, shortened to {@value #SHOWN} characters; where shortened, wrapped in
   * a span whose tooltip holds up to {@value #KEPT} characters of the value.
   */
  static String shown(String s) {
    if (s == null || s.length() <= SHOWN) {
      return esc(s);
    }
    return "<span title=\"" + esc(shorten(s, KEPT)) + "\">" + esc(shorten(s, SHOWN)) + "</span>";
  }

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
