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
    // Exact decimals throughout: max - min may overflow a double (-1e308..1e308) or vanish
    // (subnormals), and half of 5e-324 is 0.
    // Rounded outwards to 25 digits: a subnormal is exactly 750 digits long, and dividing that by
    // a step of 1e300 costs seconds; a double never needs more than 17 digits, a multiple of a
    // step within maxSteps of it no more than 20, so no tick moves.
    BigDecimal lo = new BigDecimal(min).round(new MathContext(25, RoundingMode.FLOOR));
    BigDecimal hi = new BigDecimal(max).round(new MathContext(25, RoundingMode.CEILING));
    if (min == max) {
      BigDecimal pad = min == 0 ? BigDecimal.ONE : lo.abs().divide(BigDecimal.valueOf(2));
      lo = min == 0 ? lo : lo.subtract(pad);
      hi = hi.add(pad);
    }
    maxSteps = Math.max(1, maxSteps);
    BigDecimal perStep =
        hi.subtract(lo).divide(BigDecimal.valueOf(maxSteps), MathContext.DECIMAL64);
    int exp = perStep.precision() - perStep.scale() - 1; // floor(log10(perStep))
    while (true) {
      for (int m : NICE) {
        BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(exp);
        BigDecimal first = multiple(lo, step, RoundingMode.FLOOR);
        BigDecimal last = multiple(hi, step, RoundingMode.CEILING);
        long steps = last.subtract(first).divide(step).longValueExact();
        if (steps <= maxSteps) {
          return linearTicks(first, last, step, steps, min, max);
        }
      }
      exp++;
    }
  }

  private static BigDecimal multiple(BigDecimal v, BigDecimal step, RoundingMode mode) {
    return v.divide(step, 0, mode).multiply(step);
  }

  /**
   * The ticks from {@code lo} to {@code hi}; an end beyond the largest double stays at the data's
   * own end, without the ticks past it.
   */
  private static Ticks linearTicks(
      BigDecimal lo, BigDecimal hi, BigDecimal step, long steps, double min, double max) {
    double from = Double.isFinite(lo.doubleValue()) ? lo.doubleValue() : min;
    double to = Double.isFinite(hi.doubleValue()) ? hi.doubleValue() : max;
    int thousands = Num.thousands(Math.max(Math.abs(from), Math.abs(to)));
    List<Tick> ticks = new ArrayList<>();
    for (long i = 0; i <= steps; i++) {
      BigDecimal v = lo.add(step.multiply(BigDecimal.valueOf(i)));
      double d = v.doubleValue();
      boolean repeat = !ticks.isEmpty() && ticks.get(ticks.size() - 1).value() == d;
      if (d >= from && d <= to && !repeat) { // subnormal steps round onto each other
        ticks.add(new Tick(d, Num.label(v, thousands, step)));
      }
    }
    if (from == to) {
      to = Math.nextUp(from); // both ends in one double (a subnormal pad rounds away)
    }
    return new Ticks(from, to, ticks);
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
    double widest = widestLabel(firstExp, lastExp, labelRoom);
    boolean labelMinors = pxPerDecade * StrictMath.log10(2) >= widest;
    int decadeStride = decadeStride(pxPerDecade, widest, lastExp - firstExp + 1);

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

  /**
   * The fewest decades between labels that leave each label its room; computed, not searched, since
   * 600 decades (1e-300..1e300) on a short axis need a stride of dozens.
   */
  private static int decadeStride(double pxPerDecade, double widest, int decades) {
    double guess = Math.ceil(widest / pxPerDecade);
    int stride = (int) Math.max(1, Math.min(decades, Double.isFinite(guess) ? guess : decades));
    while (stride > 1 && pxPerDecade * (stride - 1) >= widest) {
      stride--;
    }
    while (stride < decades && pxPerDecade * stride < widest) {
      stride++;
    }
    return stride;
  }

  /** The room the widest label of the range needs. */
  private static double widestLabel(int firstExp, int lastExp, LabelRoom room) {
    double widest = 0;
    for (int e = firstExp; e <= lastExp; e++) {
      double v = 5 * StrictMath.pow(10, e);
      if (v > 0 && Double.isFinite(v)) {
        widest = Math.max(widest, room.px(v));
      }
    }
    return widest;
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
