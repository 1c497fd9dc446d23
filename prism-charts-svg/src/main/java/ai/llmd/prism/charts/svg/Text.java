package ai.llmd.prism.charts.svg;

/**
 * Text size without fonts: a width estimate from the character count at a fixed factor, generous
 * enough for common sans-serif faces, so that layout never depends on the machine's fonts.
 */
final class Text {

  /** Average advance of a character, in ems; sans-serif digits and lower case run 0.5 to 0.56. */
  static final double EM_PER_CHAR = 0.6;

  private Text() {}

  static double width(String s, double fontPx) {
    return s.codePointCount(0, s.length()) * EM_PER_CHAR * fontPx;
  }

  /** {@code s}, cut with an ellipsis so that it fits {@code maxPx}. */
  static String fit(String s, double fontPx, double maxPx) {
    int max = (int) Math.floor(maxPx / (EM_PER_CHAR * fontPx));
    int count = s.codePointCount(0, s.length());
    if (count <= max) {
      return s;
    }
    if (max <= 1) {
      return max == 1 ? "\u2026" : "";
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /**
   * {@code s}, cut in the middle so that it fits {@code maxPx}: series names that differ only at
   * the end ("… replica 3") or only at the start stay distinguishable.
   */
  static String fitMiddle(String s, double fontPx, double maxPx) {
    int max = (int) Math.floor(maxPx / (EM_PER_CHAR * fontPx));
    int count = s.codePointCount(0, s.length());
    if (count <= max || max < 5) {
      return fit(s, fontPx, maxPx);
    }
    int head = (max - 1) * 3 / 5;
    int tail = max - 1 - head;
    return s.substring(0, s.offsetByCodePoints(0, head))
        + "\u2026"
        + s.substring(s.offsetByCodePoints(0, count - tail));
  }
}
