package ai.llmd.prism.charts.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale-independent number formatting: coordinates with at most two decimals (fast, scaled long
 * arithmetic, no trailing zeros) and tick labels from exact decimals.
 */
final class Num {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final String[] SUFFIXES = {"", "k", "M", "G", "T"};
  // the labels written in scientific notation: at and above 1000T, below 0.000001
  private static final BigDecimal HUGE = BigDecimal.ONE.scaleByPowerOfTen(15);
  private static final BigDecimal TINY = BigDecimal.ONE.scaleByPowerOfTen(-6);

  private Num() {}

  /** Appends {@code v} rounded to 0.01, without trailing zeros; -0 prints as 0. */
  static void appendCoord(StringBuilder sb, double v) {
    if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
      throw new IllegalArgumentException("not a drawable coordinate: " + v);
    }
    long scaled = Math.round(v * 100);
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    long whole = scaled / 100;
    int frac = (int) (scaled % 100);
    sb.append(whole);
    if (frac != 0) {
      sb.append('.');
      sb.append((char) ('0' + frac / 10));
      if (frac % 10 != 0) {
        sb.append((char) ('0' + frac % 10));
      }
    }
  }

  static String coord(double v) {
    StringBuilder sb = new StringBuilder(12);
    appendCoord(sb, v);
    return sb.toString();
  }

  /**
   * The power of 1000 to divide every label of an axis by: none below 10,000 (so 2000 stays 2000),
   * then the largest that leaves at least 1 (45000 is 45k, 2000000 is 2M).
   */
  static int thousands(double maxAbs) {
    if (!(maxAbs >= 10_000)) {
      return 0;
    }
    int n = 0;
    while (maxAbs >= 1000 && n < SUFFIXES.length - 1) {
      maxAbs /= 1000;
      n++;
    }
    return n;
  }

  /**
   * A tick label: {@code v} divided by 1000^{@code thousands}, with the suffix, and exactly as many
   * decimals as {@code decimalsOf} needs (so an axis stepping by 0.5 reads 0.0, 0.5, 1.0).
   */
  static String label(BigDecimal v, int thousands, BigDecimal decimalsOf) {
    if (v.signum() == 0 && (thousands > 0 || outsidePlain(decimalsOf))) {
      return "0"; // not "0k", nor 0.000… to the 300th place
    }
    if (outsidePlain(v)) {
      return scientific(v);
    }
    BigDecimal scaled = v.divide(THOUSAND.pow(thousands));
    int decimals =
        Math.max(0, decimalsOf.divide(THOUSAND.pow(thousands)).stripTrailingZeros().scale());
    String s = scaled.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    if (s.startsWith("-") && scaled.signum() == 0) {
      s = s.substring(1);
    }
    return s + SUFFIXES[thousands];
  }

  /** A label for a single value, e.g. a log tick: 0.02, 500, 2000, 20k, 1M, 1e-300. */
  static String label(BigDecimal v) {
    return label(v, thousands(Math.abs(v.doubleValue())), v);
  }

  private static boolean outsidePlain(BigDecimal v) {
    return v.signum() != 0 && (v.abs().compareTo(HUGE) >= 0 || v.abs().compareTo(TINY) < 0);
  }

  /**
   * {@code 1.5e300}: beyond the suffixes, or below a millionth, plain digits would run to hundreds
   * of characters. The mantissa keeps every digit of {@code v} (ticks are exact decimals, with
   * few).
   */
  static String scientific(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    int exp = s.precision() - s.scale() - 1;
    return s.movePointLeft(exp).toPlainString() + "e" + exp;
  }
}
