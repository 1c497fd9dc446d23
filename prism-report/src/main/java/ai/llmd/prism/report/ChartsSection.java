package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Report.OUT;
import static ai.llmd.prism.report.Report.OUT_PER_CHIP;
import static ai.llmd.prism.report.Report.TPOT;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.CostRankings;
import ai.llmd.prism.core.findings.Costs;
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
            r.findings,
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
            r.findings,
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
    CostRankings rankings = r.findings.costRankings();
    for (Costs.ForModel model : r.findings.costs().byModel().values()) {
      cost(r, model, rankings).ifPresent(specs::add);
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

  /**
   * USD per 1M output tokens against the cost frontier's throughput (per chip unless the findings
   * say otherwise), stated and estimated apart, the findings' cost frontier marked.
   */
  private static Optional<ChartSpec> cost(Report r, Costs.ForModel costs, CostRankings rankings) {
    PricingModel model = costs.model();
    Measure throughput = rankings.throughput();
    Map<BenchmarkPoint, CostEstimate> priced = new IdentityHashMap<>();
    for (Costs.PointCost pc : costs.points()) {
      pc.cost()
          .filter(c -> c.perMillion(CostEstimate.Tokens.OUTPUT).isPresent())
          .ifPresent(c -> priced.put(pc.point(), c));
    }
    Set<BenchmarkPoint> on = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CostRanking.FrontierPoint f : rankings.byModel().get(model).frontier()) {
      on.add(f.point());
    }
    List<ChartSpec.Series> out = new ArrayList<>();
    String xLabel = Report.unit(throughput);
    String yLabel = "USD per 1M output tokens";
    for (Series s : r.series) {
      Map<Boolean, List<ChartSpec.Point>> byKind = new TreeMap<>();
      for (BenchmarkPoint p : s.points()) {
        CostEstimate c = priced.get(p);
        OptionalDouble x = throughput.valueOf(p);
        if (c != null && x.isPresent()) {
          double vx = x.getAsDouble();
          double vy = c.perMillion(CostEstimate.Tokens.OUTPUT).getAsDouble();
          byKind
              .computeIfAbsent(c.estimated(), k -> new ArrayList<>())
              .add(
                  new ChartSpec.Point(
                      vx, vy, r.labels.tooltip(p, xLabel, vx, yLabel, vy), on.contains(p)));
        }
      }
      String label = r.labels.label(s.points().get(0));
      byKind.forEach(
          (est, ps) ->
              out.add(
                  new ChartSpec.Series(
                      label + (est ? " (estimated)" : " (stated)"), ps, true, label)));
    }
    if (out.isEmpty()) {
      return Optional.empty();
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
