package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Report.OUT;
import static ai.llmd.prism.report.Report.OUT_PER_CHIP;
import static ai.llmd.prism.report.Report.TPOT;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.spi.ChartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * The static charts: throughput and latency views and cost per pricing model, drawn for up to
 * {@value #MAX_POINTS} points (every point is an element with a tooltip in every chart; beyond that
 * the explorer draws them, which keeps a 10,000-point page small).
 */
final class ChartsSection {

  static final int MAX_POINTS = 2_000;

  private ChartsSection() {}

  static void write(Report r) {
    if (r.points.size() > MAX_POINTS) {
      r.omitted(
          "charts",
          "Charts",
          r.points.size()
              + " points: static charts are drawn for up to "
              + MAX_POINTS
              + " points. Explore above draws every one, and prism chart writes any view as a"
              + " file.");
      return;
    }
    List<ChartSpec> specs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    add(
        specs,
        PointCharts.xy(
            r.labels,
            "Output throughput per chip vs TPOT (mean), Pareto frontier dashed",
            TPOT,
            OUT_PER_CHIP,
            "TPOT mean (ms/token)",
            "output tokens/s per chip"),
        () -> notes.add("throughput per chip vs TPOT: no point has both"));
    Statistic ttftStat =
        r.points.stream().anyMatch(p -> p.metrics().get(Metric.TTFT, Statistic.P90).isPresent())
            ? Statistic.P90
            : Statistic.MEAN;
    add(
        specs,
        PointCharts.xy(
            r.labels,
            "TTFT (" + ttftStat.key() + ") vs output throughput",
            OUT,
            Measure.of(Metric.TTFT, ttftStat),
            "output throughput (tokens/s)",
            "TTFT " + ttftStat.key() + " (ms)"),
        () -> notes.add("TTFT vs throughput: no point has both"));
    add(
        specs,
        concurrency(r, "TPOT (mean) vs concurrency", TPOT, "TPOT mean (ms/token)"),
        () -> notes.add("latency vs concurrency: no concurrency stated"));
    add(
        specs,
        concurrency(r, "Output throughput vs concurrency", OUT, "output throughput (tokens/s)"),
        () -> {});
    CostEstimator costs = r.options.costs();
    for (PricingModel model : PricingModel.values()) {
      cost(r, costs, model).ifPresent(specs::add);
    }
    if (specs.isEmpty()) {
      r.omitted("charts", "Charts", "No charts: no point has the values they plot.");
      return;
    }
    List<String> drawn = new ArrayList<>();
    for (ChartSpec s : specs) {
      r.chart(s).ifPresent(drawn::add);
    }
    if (drawn.isEmpty()) {
      r.omitted("charts", "Charts", "No charts: " + r.noRenderer() + ".");
      return;
    }
    r.open("charts", "Charts");
    r.sb.append("<div class=\"charts\">\n");
    for (String s : drawn) {
      r.sb.append("<figure class=\"chart\">").append(s).append("</figure>\n");
    }
    r.sb.append("</div>\n");
    for (String n : notes) {
      r.sb.append("<p class=\"note\">Not drawn: ").append(esc(n)).append(".</p>\n");
    }
    r.close();
  }

  private static void add(List<ChartSpec> specs, ChartSpec spec, Runnable otherwise) {
    if (PointCharts.hasPoints(spec)) {
      specs.add(spec);
    } else {
      otherwise.run();
    }
  }

  private static ChartSpec concurrency(Report r, String title, Measure y, String yLabel) {
    return PointCharts.vsConcurrency(
        r.labels, title, y, "concurrency (requests in flight, log scale)", yLabel);
  }

  /** USD per 1M output tokens against throughput per chip, stated and estimated apart. */
  private static Optional<ChartSpec> cost(Report r, CostEstimator costs, PricingModel model) {
    List<BenchmarkPoint> plotted = new ArrayList<>();
    List<double[]> xyv = new ArrayList<>();
    List<Boolean> estimated = new ArrayList<>();
    for (BenchmarkPoint p : r.points) {
      OptionalDouble x = OUT_PER_CHIP.valueOf(p);
      Optional<CostEstimate> c = costs.estimate(p, model);
      if (x.isPresent()
          && c.isPresent()
          && c.get().perMillion(CostEstimate.Tokens.OUTPUT).isPresent()) {
        plotted.add(p);
        xyv.add(
            new double[] {
              x.getAsDouble(), c.get().perMillion(CostEstimate.Tokens.OUTPUT).getAsDouble()
            });
        estimated.add(c.get().estimated());
      }
    }
    if (plotted.isEmpty()) {
      return Optional.empty();
    }
    double[][] cols = new double[2][plotted.size()];
    for (int i = 0; i < plotted.size(); i++) {
      cols[0][i] = xyv.get(i)[0];
      cols[1][i] = xyv.get(i)[1];
    }
    Set<BenchmarkPoint> on = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i :
        Pareto.frontierIndices(cols, Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)) {
      on.add(plotted.get(i));
    }
    Map<BenchmarkPoint, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < plotted.size(); i++) {
      index.put(plotted.get(i), i);
    }
    List<ChartSpec.Series> out = new ArrayList<>();
    String xLabel = "output tokens/s per chip";
    String yLabel = "USD per 1M output tokens";
    for (Series s : r.series) {
      Map<Boolean, List<ChartSpec.Point>> byKind = new TreeMap<>();
      for (BenchmarkPoint p : s.points()) {
        Integer i = index.get(p);
        if (i != null) {
          double[] v = xyv.get(i);
          byKind
              .computeIfAbsent(estimated.get(i), k -> new ArrayList<>())
              .add(
                  new ChartSpec.Point(
                      v[0], v[1], r.labels.tooltip(p, xLabel, v[0], yLabel, v[1]), on.contains(p)));
        }
      }
      String label = r.labels.label(s.points().get(0));
      byKind.forEach(
          (est, ps) ->
              out.add(
                  new ChartSpec.Series(
                      label + (est ? " (estimated)" : " (stated)"), ps, true, label)));
    }
    return Optional.of(
        PointCharts.spec(
            "Cost vs throughput, " + model.key() + " (estimates are labelled)",
            xLabel,
            yLabel,
            out,
            ChartSpec.Scale.LINEAR));
  }
}
