package ai.llmd.prism.charts.svg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticks of one axis and the domain they span. Linear axes step by 1, 2 or 5 times a power of
 * ten and widen the domain to whole steps; log axes keep the domain and tick every decade, adding 2
 * and 5 within each decade, labelled where there is room.
 *
 * @param min the domain's lower end
 * @param max the domain's upper end
 * @param ticks the ticks, ascending
 */
record Ticks(double min, double max, List<Tick> ticks) {

  private static final int[] NICE = {1, 2, 5};
  private static final MathContext LABEL_DIGITS = new MathContext(3);

  Ticks {
    ticks = List.copyOf(ticks);
  }

  /**
   * One tick.
   *
   * @param value where it is
   * @param label its text, or empty for an unlabelled minor tick
   */
  record Tick(double value, String label) {
    boolean labelled() {
      return !label.isEmpty();
    }
  }

  /** The labelled values, for tests and gridlines. */
  List<Double> labelledValues() {
    List<Double> out = new ArrayList<>();
    for (Tick t : ticks) {
      if (t.labelled()) {
        out.add(t.value());
      }
    }
    return out;
  }

  /**
   * Linear ticks with the smallest 1-2-5 step that cuts [min, max] into at most {@code maxSteps}
   * intervals; the domain widens to the enclosing multiples of the step.
   */
  static Ticks linear(double min, double max, int maxSteps) {
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("bad range " + min + ".." + max);
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) / 2;
      min -= min == 0 ? 0 : pad;
      max += pad;
    }
    maxSteps = Math.max(1, maxSteps);
    int exp = (int) Math.floor(StrictMath.log10((max - min) / maxSteps));
    while (true) {
      for (int m : NICE) {
        BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(exp);
        BigDecimal lo = multiple(min, step, RoundingMode.FLOOR);
        BigDecimal hi = multiple(max, step, RoundingMode.CEILING);
        long steps = hi.subtract(lo).divide(step).longValueExact();
        if (steps <= maxSteps) {
          return linearTicks(lo, hi, step, steps);
        }
      }
      exp++;
    }
  }

  private static BigDecimal multiple(double v, BigDecimal step, RoundingMode mode) {
    return new BigDecimal(v).divide(step, 0, mode).multiply(step);
  }

  private static Ticks linearTicks(BigDecimal lo, BigDecimal hi, BigDecimal step, long steps) {
    int thousands = Num.thousands(Math.max(lo.abs().doubleValue(), hi.abs().doubleValue()));
    List<Tick> ticks = new ArrayList<>();
    for (long i = 0; i <= steps; i++) {
      BigDecimal v = lo.add(step.multiply(BigDecimal.valueOf(i)));
      ticks.add(new Tick(v.doubleValue(), Num.label(v, thousands, step)));
    }
    return new Ticks(lo.doubleValue(), hi.doubleValue(), ticks);
  }

  /**
   * Log ticks over [min, max] (both positive) along an axis {@code lengthPx} long, where each label
   * needs {@code labelRoomPx} of it (its width on a horizontal axis, a line on a vertical one; see
   * {@link #labelRoom}). Decades are labelled (every other one, or sparser, when crowded); 2 and 5
   * within each decade are labelled when there is room and otherwise drawn as minor ticks. A range
   * too narrow to show three labels this way takes linear steps instead, when they give more
   * labels.
   */
  static Ticks log(double min, double max, double lengthPx, LabelRoom labelRoom) {
    if (!(min > 0) || !(max > min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("bad log range " + min + ".." + max);
    }
    double lo = StrictMath.log10(min);
    double hi = StrictMath.log10(max);
    double pxPerDecade = lengthPx / (hi - lo);
    int firstExp = (int) Math.floor(lo);
    int lastExp = (int) Math.ceil(hi);

    // log10(2) is the narrowest gap between 1, 2, 5, 10
    boolean labelMinors = fits(firstExp, lastExp, pxPerDecade * StrictMath.log10(2), labelRoom);
    int decadeStride = 1;
    while (!fits(firstExp, lastExp, pxPerDecade * decadeStride, labelRoom)) {
      decadeStride++;
    }

    List<Tick> ticks = new ArrayList<>();
    int labelled = 0;
    for (int e = firstExp; e <= lastExp; e++) {
      for (int m : NICE) {
        BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(e);
        double d = v.doubleValue();
        if (d < min || d > max) {
          continue;
        }
        boolean label = m == 1 ? Math.floorMod(e, decadeStride) == 0 : labelMinors;
        if (m != 1 && decadeStride > 1) {
          continue; // crowded decades: no minor marks either
        }
        ticks.add(new Tick(d, label ? Num.label(v) : ""));
        labelled += label ? 1 : 0;
      }
    }
    if (labelled >= 3) {
      return new Ticks(min, max, ticks);
    }
    // Within a decade or so, 1-2-5 leaves two labels or fewer: linear steps on the log scale
    // read better, as many as keep their narrowest (top) gap wide enough.
    Ticks lin = linearOnLog(min, max, lengthPx, pxPerDecade, labelRoom);
    return lin.ticks().size() > labelled ? lin : new Ticks(min, max, ticks);
  }

  private static Ticks linearOnLog(
      double min, double max, double lengthPx, double pxPerDecade, LabelRoom room) {
    List<Tick> inside = new ArrayList<>();
    for (int maxSteps = (int) Math.max(1, lengthPx / room.px(max)); maxSteps >= 1; maxSteps--) {
      inside.clear();
      for (Tick t : linear(min, max, maxSteps).ticks()) {
        if (t.value() >= min && t.value() <= max) {
          inside.add(t);
        }
      }
      boolean fits = true;
      for (int i = 1; i < inside.size() && fits; i++) {
        double a = inside.get(i - 1).value();
        double b = inside.get(i).value();
        double gap = (StrictMath.log10(b) - StrictMath.log10(a)) * pxPerDecade;
        fits = gap >= Math.max(room.px(a), room.px(b));
      }
      if (fits) {
        break;
      }
    }
    return new Ticks(min, max, inside);
  }

  /** Whether labels {@code gapPx} apart have room, judged by the widest label of the range. */
  private static boolean fits(int firstExp, int lastExp, double gapPx, LabelRoom room) {
    double widest = 0;
    for (int e = firstExp; e <= lastExp; e++) {
      widest = Math.max(widest, room.px(5 * StrictMath.pow(10, e)));
    }
    return gapPx >= widest;
  }

  /** How much of an axis a label of this value needs, gap included. */
  @FunctionalInterface
  interface LabelRoom {
    double px(double value);
  }

  /** Room for labels on a horizontal axis: the estimated label width plus a gap. */
  static LabelRoom horizontalRoom(double fontPx) {
    return v -> Text.width(Num.label(BigDecimal.valueOf(v).round(LABEL_DIGITS)), fontPx) + fontPx;
  }

  /** Room for labels on a vertical axis: one line plus a gap. */
  static LabelRoom verticalRoom(double fontPx) {
    return v -> fontPx * 1.6;
  }
}
