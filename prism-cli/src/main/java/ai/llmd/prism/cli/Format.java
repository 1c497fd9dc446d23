package ai.llmd.prism.cli;

import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers for people: few significant digits, no locale surprises. */
final class Format {

  private Format() {}

  static String number(OptionalDouble v) {
    return v == null || v.isEmpty() ? "-" : number(v.getAsDouble());
  }

  static String number(Double v) {
    return v == null ? "-" : number(v.doubleValue());
  }

  static String number(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    double a = Math.abs(v);
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
