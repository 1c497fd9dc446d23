package ai.llmd.prism.benchmarks;

import ai.llmd.prism.charts.svg.SvgChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Axis;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering a 10,000-point scatter (10 series, log x, every point with a tooltip) with its Pareto
 * frontier overlaid, to SVG. Target: at most 50 ms per chart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SvgChartBenchmark {

  @Param({"10000"})
  int points;

  private ChartSpec spec;
  private final SvgChartRenderer renderer = new SvgChartRenderer();

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    int seriesCount = 10;
    double[][] xy = new double[points][];
    List<List<Point>> series = new ArrayList<>();
    for (int s = 0; s < seriesCount; s++) {
      series.add(new ArrayList<>());
    }
    for (int i = 0; i < points; i++) {
      double tpot = 5 + random.nextDouble() * 95;
      double tput = 3000 * (1 - Math.exp(-tpot / 25)) * (0.6 + 0.4 * random.nextDouble());
      xy[i] = new double[] {tpot, tput};
    }
    boolean[] frontier = frontier(xy);
    for (int i = 0; i < points; i++) {
      series
          .get(i % seriesCount)
          .add(
              new Point(
                  xy[i][0],
                  xy[i][1],
                  String.format(
                      Locale.ROOT, "run %d%nTPOT %.2f ms%n%.0f tokens/s", i, xy[i][0], xy[i][1]),
                  frontier[i]));
    }
    List<Series> list = new ArrayList<>();
    for (int s = 0; s < seriesCount; s++) {
      list.add(new Series("configuration " + s, series.get(s), false));
    }
    spec =
        new ChartSpec(
            "Throughput vs TPOT",
            new Axis("TPOT (ms/token)", Scale.LOG),
            new Axis("Output throughput (tokens/s)", Scale.LINEAR),
            list);
  }

  /** Lower x and higher y is better: a point is on the frontier if it beats all to its left. */
  private static boolean[] frontier(double[][] xy) {
    Integer[] order = new Integer[xy.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(xy[a][0], xy[b][0]));
    boolean[] on = new boolean[xy.length];
    double best = Double.NEGATIVE_INFINITY;
    for (int i : order) {
      if (xy[i][1] > best) {
        on[i] = true;
        best = xy[i][1];
      }
    }
    return on;
  }

  @Benchmark
  public String scatterWithFrontier() {
    return renderer.toSvg(spec);
  }
}
