package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Axis;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import ai.llmd.prism.spi.ChartSpec.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-written, illustrative charts (not measurements) covering every kind and theme. */
final class Samples {

  private Samples() {}

  /** Every sample by the name of its golden file. */
  static Map<String, ChartSpec> all() {
    Map<String, ChartSpec> all = new LinkedHashMap<>();
    all.put("throughput-vs-tpot", throughputVsTpot(Scale.LINEAR));
    all.put("throughput-vs-tpot-log-dark", throughputVsTpot(Scale.LOG).withTheme(Theme.DARK));
    all.put("cost-vs-throughput", costVsThroughput());
    all.put("latency-vs-concurrency", latencyVsConcurrency());
    all.put("pd-vs-aggregated-bars", pdBars());
    all.put("hostile-labels", hostile());
    all.put("empty", new ChartSpec("Nothing measured yet", axis("x"), axis("y"), List.of()));
    return all;
  }

  static Axis axis(String label) {
    return new Axis(label, Scale.LINEAR);
  }

  /** A concurrency sweep: TPOT grows with load while throughput saturates. */
  static List<double[]> sweep(double baseTpot, double tpotGrowth, double peakTput, double knee) {
    List<double[]> out = new ArrayList<>();
    for (int c : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256}) {
      double tpot = baseTpot * (1 + tpotGrowth * StrictMath.pow(c / knee, 1.3));
      double tput = peakTput * c / (c + knee) * (1 + 0.02 * StrictMath.sin(c));
      out.add(new double[] {c, tpot, tput});
    }
    return out;
  }

  static ChartSpec throughputVsTpot(Scale xScale) {
    record Config(
        String name, String group, double tpot, double growth, double peak, double knee) {}
    List<Config> configs =
        List.of(
            new Config("8×H100 TP8, aggregated", "H100", 7.5, 0.9, 2150, 40),
            new Config("8×H100 P/D 1:1 (TP4+TP4)", "H100", 8.5, 0.45, 2600, 70),
            new Config("8×H200 TP8, aggregated", "H200", 6.8, 0.8, 2500, 45),
            new Config("8×MI300X TP8, aggregated", "MI300X", 8.0, 0.7, 2300, 55));
    List<List<double[]>> sweeps = new ArrayList<>();
    for (Config c : configs) {
      sweeps.add(sweep(c.tpot, c.growth, c.peak, c.knee));
    }
    boolean[][] onFrontier = frontier(sweeps);
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      List<Point> points = new ArrayList<>();
      for (int j = 0; j < sweeps.get(i).size(); j++) {
        double[] p = sweeps.get(i).get(j);
        points.add(
            new Point(
                p[1],
                p[2],
                String.format(
                    Locale.ROOT,
                    "%s%nconcurrency %d%nTPOT %.1f ms/token%n%.0f output tokens/s per GPU",
                    configs.get(i).name,
                    (int) p[0],
                    p[1],
                    p[2]),
                onFrontier[i][j]));
      }
      series.add(new Series(configs.get(i).name, points, true, configs.get(i).group));
    }
    return new ChartSpec(
        "Llama-3.1-70B, 1000 in / 1000 out: throughput vs TPOT (illustrative)",
        new Axis("TPOT, mean (ms/token)", xScale),
        new Axis("Output throughput per GPU (tokens/s)", Scale.LINEAR),
        series);
  }

  /** Marks the points no other point beats with lower-or-equal x and higher-or-equal y. */
  static boolean[][] frontier(List<List<double[]>> sweeps) {
    boolean[][] on = new boolean[sweeps.size()][];
    for (int i = 0; i < sweeps.size(); i++) {
      on[i] = new boolean[sweeps.get(i).size()];
      for (int j = 0; j < on[i].length; j++) {
        double[] p = sweeps.get(i).get(j);
        boolean dominated = false;
        for (List<double[]> other : sweeps) {
          for (double[] q : other) {
            boolean noWorse = q[1] <= p[1] && q[2] >= p[2];
            boolean better = q[1] < p[1] || q[2] > p[2];
            dominated |= noWorse && better;
          }
        }
        on[i][j] = !dominated;
      }
    }
    return on;
  }

  static ChartSpec costVsThroughput() {
    double[][] a = {{400, 3.10}, {900, 1.62}, {1600, 0.98}, {2100, 0.81}, {2300, 0.78}};
    double[][] b = {{350, 2.60}, {800, 1.35}, {1500, 0.92}, {2500, 0.71}, {2900, 0.74}};
    List<Series> series = new ArrayList<>();
    // cheapest for at least this throughput: nothing cheaper serves more
    series.add(costSeries("vLLM 0.10, 8×H100", a, Map.of()));
    series.add(costSeries("SGLang 0.5, 8×H100", b, Map.of(3, true, 4, true)));
    return new ChartSpec(
        "Cost per million output tokens vs throughput (illustrative)",
        new Axis("Output throughput (tokens/s)", Scale.LINEAR),
        new Axis("Cost (USD per 1M output tokens)", Scale.LOG),
        series);
  }

  private static Series costSeries(String name, double[][] pts, Map<Integer, Boolean> frontier) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < pts.length; i++) {
      points.add(
          new Point(
              pts[i][0],
              pts[i][1],
              String.format(Locale.ROOT, "%s: %.0f tok/s, $%.2f", name, pts[i][0], pts[i][1]),
              frontier.getOrDefault(i, false)));
    }
    return new Series(name, points, false);
  }

  static ChartSpec latencyVsConcurrency() {
    List<Series> series = new ArrayList<>();
    String[] names = {"TTFT p50", "TTFT p90", "TTFT p99", "ITL p99"};
    double[] base = {45, 60, 80, 12};
    double[] growth = {1.0, 1.6, 2.6, 0.5};
    for (int s = 0; s < names.length; s++) {
      List<Point> points = new ArrayList<>();
      for (int c : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512}) {
        double ms = base[s] * (1 + growth[s] * StrictMath.pow(c / 64.0, 1.5));
        points.add(
            new Point(
                c, ms, String.format(Locale.ROOT, "%s at %d: %.1f ms", names[s], c, ms), false));
      }
      series.add(new Series(names[s], points, true));
    }
    return new ChartSpec(
        "Latency vs concurrency (illustrative)",
        new Axis("Concurrent requests", Scale.LOG),
        new Axis("Latency (ms)", Scale.LINEAR),
        series);
  }

  static ChartSpec pdBars() {
    List<String> categories = List.of("ISL 1k / OSL 1k", "ISL 8k / OSL 1k", "ISL 32k / OSL 256");
    double[][] values = {{2150, 1480, 610}, {2600, 2050, 1120}, {2450, 1900, 940}};
    String[] names = {"Aggregated TP8", "P/D 1:1", "P/D 2:1"};
    List<Series> series = new ArrayList<>();
    for (int s = 0; s < names.length; s++) {
      List<Point> points = new ArrayList<>();
      for (int c = 0; c < categories.size(); c++) {
        points.add(
            new Point(
                c,
                values[s][c],
                String.format(
                    Locale.ROOT, "%s, %s: %.0f tok/s", names[s], categories.get(c), values[s][c]),
                false));
      }
      series.add(new Series(names[s], points, false));
    }
    return ChartSpec.bars(
        "P/D disaggregation vs aggregated serving (illustrative)",
        "Workload",
        axis("Output throughput per GPU (tokens/s)"),
        categories,
        series);
  }

  static final String HOSTILE = "<script>alert(\"x\")</script> & 'quotes' \u0001 ]]> \uD800";

  static ChartSpec hostile() {
    List<Point> points =
        List.of(
            new Point(1, 2, HOSTILE, true),
            new Point(2, 3, "a\"b&c<d>", true),
            new Point(Double.NaN, 1, "not finite", false));
    return new ChartSpec(
        HOSTILE,
        axis("x " + HOSTILE),
        axis("y " + HOSTILE),
        List.of(new Series(HOSTILE, points, true, "\"><g")));
  }

  /** Awkward inputs for layout and well-formedness checks; not golden. */
  static Map<String, ChartSpec> awkward() {
    Map<String, ChartSpec> all = new LinkedHashMap<>();
    all.put("huge values", xy(Scale.LINEAR, Scale.LINEAR, 3, 12, 1e12, 7.3e12, true));
    all.put("tiny values", xy(Scale.LINEAR, Scale.LINEAR, 3, 12, 1e-6, 7.3e-6, false));
    all.put("log-log wide", xy(Scale.LOG, Scale.LOG, 5, 40, 1e-3, 1e8, true));
    all.put("log narrow", xy(Scale.LOG, Scale.LOG, 2, 20, 31, 37, false));
    all.put("negative", xy(Scale.LINEAR, Scale.LINEAR, 3, 8, -5000, 12000, true));
    all.put("many lines", xy(Scale.LINEAR, Scale.LOG, 30, 6, 1, 900, true));
    List<Series> longNames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      longNames.add(
          new Series(
              "A very long series name that goes on and on, number " + i,
              List.of(new Point(i, i * i + 1, "p" + i, i % 3 == 0)),
              true,
              "group " + (i % 4)));
    }
    all.put(
        "long names",
        new ChartSpec(
            "A title far too long to fit: ".repeat(6),
            new Axis(
                "An x label far too long to fit on the axis of the chart ".repeat(3), Scale.LINEAR),
            new Axis(
                "A y label far too long to fit on the axis of the chart ".repeat(3), Scale.LINEAR),
            longNames));
    List<Series> bars = new ArrayList<>();
    List<String> cats = new ArrayList<>();
    for (int c = 0; c < 14; c++) {
      cats.add("category number " + c);
    }
    for (int s = 0; s < 9; s++) {
      List<Point> points = new ArrayList<>();
      for (int c = 0; c < cats.size(); c++) {
        points.add(new Point(c, (s - 3) * 1000.5 + c, "bar " + s + "/" + c, false));
      }
      points.add(new Point(99, 1, "no such category", false));
      bars.add(new Series("series " + s, points, false));
    }
    all.put("crowded bars", ChartSpec.bars("Crowded", "Category", axis("Value"), cats, bars));
    all.put(
        "single point",
        new ChartSpec(
            "One",
            axis("x"),
            axis("y"),
            List.of(new Series("only", List.of(new Point(3, 3, "the one", true)), true))));
    all.put("auto theme", latencyVsConcurrency().withTheme(Theme.AUTO));
    return all;
  }

  /** {@code series} series of {@code points} points each, spread over [lo, hi] on both axes. */
  static ChartSpec xy(
      Scale xs, Scale ys, int series, int points, double lo, double hi, boolean connect) {
    List<Series> out = new ArrayList<>();
    for (int s = 0; s < series; s++) {
      List<Point> pts = new ArrayList<>();
      for (int i = 0; i < points; i++) {
        double t = (i + 0.5 * s / series) / points;
        double x = xs == Scale.LOG ? lo * StrictMath.pow(hi / lo, t) : lo + (hi - lo) * t;
        double u = (t * t + 0.1 * s / series) / 1.1;
        double y = ys == Scale.LOG ? lo * StrictMath.pow(hi / lo, u) : lo + (hi - lo) * u;
        pts.add(new Point(x, y, "s" + s + " p" + i, i == points - 1));
      }
      out.add(new Series("series " + s, pts, connect));
    }
    return new ChartSpec("Awkward", new Axis("x (unit)", xs), new Axis("y (unit)", ys), out);
  }
}
