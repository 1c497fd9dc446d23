package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Axis;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The axis code is total over the finite doubles: any data range, from subnormals to 1e308 and
 * across zero, gets ticks, short labels and a drawing, in bounded time.
 */
class AxisProperties {

  /** Every finite double is as likely as any bit pattern, plus the edges that break arithmetic. */
  @Provide
  Arbitrary<Double> finite() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.of(
            0.0,
            -0.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            1e-300,
            1e300,
            1e150,
            -1e150,
            1.0,
            973.0));
  }

  @Provide
  Arbitrary<Double> positive() {
    return finite().map(Math::abs).filter(v -> v > 0);
  }

  @Property(tries = 2000)
  void linearTicksSpanTheRangeAscendingWithShortLabels(
      @ForAll("finite") double a,
      @ForAll("finite") double b,
      @ForAll @IntRange(min = 1, max = 20) int maxSteps) {
    double min = Math.min(a, b);
    double max = Math.max(a, b);

    Ticks t = Ticks.linear(min, max, maxSteps);

    assertThat(t.min()).isFinite().isLessThanOrEqualTo(min);
    assertThat(t.max()).isFinite().isGreaterThanOrEqualTo(max).isGreaterThan(t.min());
    assertThat(t.ticks()).isNotEmpty().hasSizeLessThanOrEqualTo(maxSteps + 1);
    assertAscendingInside(t);
  }

  @Property(tries = 2000)
  void logTicksStayInsideAPositiveRangeWithShortLabels(
      @ForAll("positive") double a,
      @ForAll("positive") double b,
      @ForAll @IntRange(min = 100, max = 1000) int lengthPx) {
    double min = Math.min(a, b);
    double max = Math.max(a, b);
    if (min == max) {
      max = Math.nextUp(max);
      if (max == Double.POSITIVE_INFINITY) {
        min = Math.nextDown(min);
        max = Double.MAX_VALUE;
      }
    }

    Ticks t = Ticks.log(min, max, lengthPx, Ticks.horizontalRoom(12));

    assertThat(t.min()).isEqualTo(min);
    assertThat(t.max()).isEqualTo(max);
    assertAscendingInside(t);
  }

  @Property(tries = 2000)
  void aLogDomainOfPositiveDataIsPositiveFiniteAndHoldsTheData(
      @ForAll("positive") double a, @ForAll("positive") double b) {
    double[] r = {Math.min(a, b), Math.max(a, b)};

    double[] d = Chart.logDomain(r);

    assertThat(d[0]).isPositive().isLessThanOrEqualTo(r[0]);
    assertThat(d[1]).isFinite().isGreaterThanOrEqualTo(r[1]).isGreaterThan(d[0]);
  }

  @Property(tries = 100)
  void anXyChartOfAnyFiniteValuesDrawsEveryPoint(
      @ForAll("finite") double x1,
      @ForAll("finite") double y1,
      @ForAll("finite") double x2,
      @ForAll("finite") double y2) {
    String svg = new SvgChartRenderer().toSvg(chart(Scale.LINEAR, Scale.LINEAR, x1, y1, x2, y2));

    assertThat(Svg.marks(Svg.parse(svg))).hasSize(2);
  }

  @Property(tries = 100)
  void aLogLogChartOfAnyPositiveValuesDrawsEveryPoint(
      @ForAll("positive") double x1,
      @ForAll("positive") double y1,
      @ForAll("positive") double x2,
      @ForAll("positive") double y2) {
    String svg = new SvgChartRenderer().toSvg(chart(Scale.LOG, Scale.LOG, x1, y1, x2, y2));

    assertThat(Svg.marks(Svg.parse(svg))).hasSize(2);
  }

  @Example
  void aLogAxisFrom1eMinus300To1e300LabelsItsDecadesInScientificNotation() {
    String svg = new SvgChartRenderer().toSvg(chart(Scale.LOG, Scale.LINEAR, 1e-300, 1, 1e300, 2));

    assertThat(Svg.marks(Svg.parse(svg))).hasSize(2);
    assertThat(svg).containsPattern(">1e-\\d+<").containsPattern(">1e\\d+<");
  }

  @Example
  void aSubnormalLatencyGetsALinearAxis() {
    Ticks t = Ticks.linear(0, Double.MIN_VALUE, 5);

    assertThat(t.max()).isGreaterThanOrEqualTo(Double.MIN_VALUE);
    assertThat(t.ticks())
        .extracting(Ticks.Tick::label)
        .contains("0")
        .allMatch(l -> l.length() < 12);
  }

  @Example
  void labelsBeyondTheSuffixesAreScientific() {
    assertThat(Num.label(new BigDecimal("1e150"))).isEqualTo("1e150");
    assertThat(Num.label(new BigDecimal("2.5e-7"))).isEqualTo("2.5e-7");
    assertThat(Num.label(new BigDecimal("20000"))).isEqualTo("20k");
    assertThat(Num.label(new BigDecimal("0.02"))).isEqualTo("0.02");
  }

  private static ChartSpec chart(
      Scale xScale, Scale yScale, double x1, double y1, double x2, double y2) {
    List<Point> points = List.of(new Point(x1, y1, "a", true), new Point(x2, y2, "b", false));
    return new ChartSpec(
        "extreme",
        new Axis("x", xScale),
        new Axis("y", yScale),
        List.of(new Series("s", points, true)));
  }

  private static void assertAscendingInside(Ticks t) {
    double previous = Double.NEGATIVE_INFINITY;
    for (Ticks.Tick tick : t.ticks()) {
      assertThat(tick.value()).isGreaterThan(previous).isBetween(t.min(), t.max());
      assertThat(tick.label().length()).as(tick.label()).isLessThanOrEqualTo(30);
      previous = tick.value();
    }
  }
}
