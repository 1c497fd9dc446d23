package ai.llmd.prism.charts.svg;

import static ai.llmd.prism.charts.svg.Html.esc;
import static ai.llmd.prism.charts.svg.Html.num;
import static ai.llmd.prism.charts.svg.Html.numCell;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Comparisons;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One self-contained HTML file about a set of benchmark points: sources and problems, charts
 * (inline SVG), a sortable table of every point with its provenance, the Pareto and SLO winners,
 * cost per pricing model, prefill/decode against aggregated serving, and a regression against a
 * baseline. Nothing is fetched: styles, charts and the small sorting script are inline, and the
 * page reads fully without the script. Same input and options, same bytes. A section with no data
 * is reduced to a one-line note saying why.
 *
 * <p>Baseline and current: when {@link Options#withBaseline a baseline} is given, points of files
 * that the baseline also loaded are left out of the current set, so {@code report examples/
 * --baseline examples/releases/0.3.0} compares 0.3.0 with the rest.
 *
 * <pre>{@code
 * HtmlReport.of(Prism.create().load("results/"), HtmlReport.Options.defaults()).write(out);
 * }</pre>
 */
public final class HtmlReport {

  /** The SLO applied unless the options say otherwise. */
  public static final String DEFAULT_SLO = "ttft.p90<=500ms,tpot.mean<=50ms";

  /** Section ids, in page order; each section is present, possibly as a one-line note. */
  public static final List<String> SECTION_IDS =
      List.of(
          "summary",
          "charts",
          "configurations",
          "winners",
          "costs",
          "pd-vs-aggregated",
          "regression");

  private static final Measure TPOT = Measure.of(Metric.TPOT);
  private static final Measure OUT = Measure.of(Metric.OUTPUT_THROUGHPUT);
  private static final Measure OUT_PER_CHIP = OUT.per(Views.Basis.ACCELERATOR);

  /** What the report shows beyond the points: SLO, prices, baseline, title, latency targets. */
  public static final class Options {
    private final String title;
    private final List<Constraint> slo;
    private final CostEstimator costs;
    private final LoadResult baseline;
    private final String generatedAt;
    private final double[] latencyTargets;

    private Options(
        String title,
        List<Constraint> slo,
        CostEstimator costs,
        LoadResult baseline,
        String generatedAt,
        double[] latencyTargets) {
      this.title = Objects.requireNonNull(title, "title");
      this.slo = List.copyOf(slo);
      this.costs = Objects.requireNonNull(costs, "costs");
      this.baseline = baseline;
      this.generatedAt = generatedAt;
      this.latencyTargets = latencyTargets.clone();
    }

    /**
     * Title "Prism report", SLO {@value #DEFAULT_SLO}, estimates from the built-in price catalog,
     * no baseline, no timestamp, TPOT targets 20, 25, 30, 40 and 50 ms/token for P/D comparison.
     */
    public static Options defaults() {
      return new Options(
          "Prism report",
          Constraint.parseAll(DEFAULT_SLO),
          CostEstimator.of(PricingCatalog.builtIn()),
          null,
          null,
          new double[] {20, 25, 30, 40, 50});
    }

    /** The page title. */
    public Options withTitle(String t) {
      return new Options(t, slo, costs, baseline, generatedAt, latencyTargets);
    }

    /** The SLO, e.g. {@code ttft.p90<=500ms,tpot.mean<=50ms} (see {@link Constraint#parseAll}). */
    public Options withSlo(String constraints) {
      return withSlo(Constraint.parseAll(constraints));
    }

    /** The SLO constraints. */
    public Options withSlo(List<Constraint> constraints) {
      return new Options(title, constraints, costs, baseline, generatedAt, latencyTargets);
    }

    /** How costs are estimated where the source states none. */
    public Options withCosts(CostEstimator c) {
      return new Options(title, slo, c, baseline, generatedAt, latencyTargets);
    }

    /** The baseline to judge regressions against; {@code null} for none. */
    public Options withBaseline(LoadResult b) {
      return new Options(title, slo, costs, b, generatedAt, latencyTargets);
    }

    /** A timestamp to print, as given; {@code null} (the default) prints none. */
    public Options withGeneratedAt(String g) {
      return new Options(title, slo, costs, baseline, g, latencyTargets);
    }

    /** TPOT targets (ms/token) at which prefill/decode and aggregated serving are compared. */
    public Options withLatencyTargets(double... targets) {
      return new Options(title, slo, costs, baseline, generatedAt, targets);
    }
  }

  private final LoadResult result;
  private final Options options;
  private final List<BenchmarkPoint> points;
  private final int droppedAsBaseline;
  private final PointLabels labels;
  private final List<Series> series;
  private final StringBuilder sb = new StringBuilder(1 << 16);
  private final SvgChartRenderer svg = new SvgChartRenderer();

  private HtmlReport(LoadResult result, Options options) {
    this.result = Objects.requireNonNull(result, "result");
    this.options = Objects.requireNonNull(options, "options");
    List<BenchmarkPoint> current = result.points();
    int dropped = 0;
    if (options.baseline != null) {
      Set<URI> baseFiles = new HashSet<>();
      for (BenchmarkPoint p : options.baseline.points()) {
        baseFiles.add(p.provenance().source());
      }
      List<BenchmarkPoint> kept = new ArrayList<>();
      for (BenchmarkPoint p : current) {
        if (baseFiles.contains(p.provenance().source())) {
          dropped++;
        } else {
          kept.add(p);
        }
      }
      current = kept;
    }
    this.points = current;
    this.droppedAsBaseline = dropped;
    this.labels =
        new PointLabels(points, options.baseline == null ? List.of() : options.baseline.points());
    this.series = labels.series;
  }

  /** A report of {@code result} with {@code options}. */
  public static HtmlReport of(LoadResult result, Options options) {
    return new HtmlReport(result, options);
  }

  /** Writes the page. */
  public void write(Appendable out) throws IOException {
    out.append(toHtml());
  }

  /** The page as a string. */
  public String toHtml() {
    sb.setLength(0);
    head();
    summary();
    charts();
    table();
    winners();
    costSection();
    pdVsAggregated();
    regression();
    sb.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  // ---------------------------------------------------------------- page frame

  private void head() {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>")
        .append(esc(options.title))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(esc(options.title))
        .append("</h1>\n<p class=\"lede\">")
        .append(points.size())
        .append(points.size() == 1 ? " point" : " points")
        .append(" in ")
        .append(series.size())
        .append(series.size() == 1 ? " configuration" : " configurations")
        .append(" from ")
        .append(fileCount(points))
        .append(" files");
    if (options.baseline != null) {
      sb.append("; baseline: ")
          .append(options.baseline.points().size())
          .append(" points from ")
          .append(fileCount(options.baseline.points()))
          .append(" files");
    }
    if (options.generatedAt != null) {
      sb.append(" · generated ").append(esc(options.generatedAt));
    }
    sb.append(".</p>\n<nav>");
    String[] names = {
      "Sources", "Charts", "Configurations", "Winners", "Costs", "P/D vs aggregated", "Regression"
    };
    for (int i = 0; i < names.length; i++) {
      sb.append("<a href=\"#")
          .append(SECTION_IDS.get(i))
          .append("\">")
          .append(esc(names[i]))
          .append("</a>");
    }
    sb.append("</nav>\n</header>\n<main>\n");
  }

  private void open(String id, String heading) {
    sb.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(esc(heading))
        .append("</h2>\n");
  }

  private void omitted(String id, String heading, String why) {
    sb.append("<section id=\"")
        .append(id)
        .append("\" class=\"omitted\">\n<h2>")
        .append(esc(heading))
        .append("</h2>\n<p class=\"note\">")
        .append(esc(why))
        .append("</p>\n</section>\n");
  }

  private void close() {
    sb.append("</section>\n");
  }

  // ---------------------------------------------------------------- summary

  private void summary() {
    open("summary", "Sources and problems");
    Map<String, Set<URI>> files = new TreeMap<>();
    Map<String, Integer> pts = new TreeMap<>();
    for (BenchmarkPoint p : result.points()) {
      String f = p.provenance().format();
      files.computeIfAbsent(f, k -> new HashSet<>()).add(p.provenance().source());
      pts.merge(f, 1, Integer::sum);
    }
    if (files.isEmpty()) {
      sb.append("<p class=\"note\">No benchmark points were read.</p>\n");
    } else {
      sb.append("<table class=\"sortable\">\n<thead><tr><th>Format</th><th>Files</th>")
          .append("<th>Points</th></tr></thead>\n<tbody>\n");
      for (Map.Entry<String, Set<URI>> e : files.entrySet()) {
        sb.append("<tr><td>")
            .append(esc(e.getKey()))
            .append("</td>")
            .append(numCell(e.getValue().size()))
            .append(numCell(pts.get(e.getKey())))
            .append("</tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
    if (droppedAsBaseline > 0) {
      sb.append("<p class=\"note\">")
          .append(droppedAsBaseline)
          .append(" points of files the baseline also loaded are counted as baseline only.</p>\n");
    }
    List<Problem> serious = new ArrayList<>();
    List<Problem> info = new ArrayList<>();
    List<Problem> all = new ArrayList<>(result.problems());
    if (options.baseline != null) {
      all.addAll(options.baseline.problems());
    }
    for (Problem p : all) {
      (p.severity() == Problem.Severity.INFO ? info : serious).add(p);
    }
    if (serious.isEmpty()) {
      sb.append("<p class=\"note\">No errors or warnings.</p>\n");
    } else {
      sb.append("<h3>Errors and warnings (")
          .append(serious.size())
          .append(")</h3>\n<ul class=\"problems\">\n");
      for (Problem p : serious) {
        sb.append("<li class=\"")
            .append(p.severity().name().toLowerCase(Locale.ROOT))
            .append("\"><span class=\"sev\">")
            .append(p.severity().name())
            .append("</span> <code>")
            .append(esc(p.toString()))
            .append("</code></li>\n");
      }
      sb.append("</ul>\n");
    }
    if (!info.isEmpty()) {
      sb.append("<details><summary>")
          .append(info.size())
          .append(" informational notes</summary>\n<ul class=\"problems\">\n");
      for (Problem p : info) {
        sb.append("<li><code>").append(esc(p.toString())).append("</code></li>\n");
      }
      sb.append("</ul>\n</details>\n");
    }
    close();
  }

  // ---------------------------------------------------------------- charts

  private void charts() {
    List<String> svgs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    xy(
            "Output throughput per chip vs TPOT (mean), Pareto frontier dashed",
            TPOT,
            OUT_PER_CHIP,
            "TPOT mean (ms/token)",
            "output tokens/s per chip",
            true)
        .ifPresentOrElse(
            svgs::add, () -> notes.add("throughput per chip vs TPOT: no point has both"));
    Statistic ttftStat =
        points.stream().anyMatch(p -> p.metrics().get(Metric.TTFT, Statistic.P90).isPresent())
            ? Statistic.P90
            : Statistic.MEAN;
    Measure ttft = Measure.of(Metric.TTFT, ttftStat);
    xy(
            "TTFT (" + ttftStat.key() + ") vs output throughput",
            OUT,
            ttft,
            "output throughput (tokens/s)",
            "TTFT " + ttftStat.key() + " (ms)",
            true)
        .ifPresentOrElse(svgs::add, () -> notes.add("TTFT vs throughput: no point has both"));
    concurrencyChart("TPOT (mean) vs concurrency", TPOT, "TPOT mean (ms/token)")
        .ifPresentOrElse(
            svgs::add, () -> notes.add("latency vs concurrency: no concurrency stated"));
    concurrencyChart("Output throughput vs concurrency", OUT, "output throughput (tokens/s)")
        .ifPresent(svgs::add);
    for (PricingModel model : PricingModel.values()) {
      costChart(model).ifPresent(svgs::add);
    }
    if (svgs.isEmpty()) {
      omitted("charts", "Charts", "No charts: no point has the values they plot.");
      return;
    }
    open("charts", "Charts");
    sb.append("<div class=\"charts\">\n");
    for (String s : svgs) {
      sb.append("<figure class=\"chart\">").append(s).append("</figure>\n");
    }
    sb.append("</div>\n");
    for (String n : notes) {
      sb.append("<p class=\"note\">Not drawn: ").append(esc(n)).append(".</p>\n");
    }
    close();
  }

  private java.util.Optional<String> xy(
      String title, Measure x, Measure y, String xLabel, String yLabel, boolean frontier) {
    ChartSpec spec = PointCharts.xy(labels, title, x, y, xLabel, yLabel);
    return PointCharts.hasPoints(spec)
        ? java.util.Optional.of(svg(spec))
        : java.util.Optional.empty();
  }

  private java.util.Optional<String> concurrencyChart(String title, Measure y, String yLabel) {
    ChartSpec spec =
        PointCharts.vsConcurrency(
            labels, title, y, "concurrency (requests in flight, log scale)", yLabel);
    return PointCharts.hasPoints(spec)
        ? java.util.Optional.of(svg(spec))
        : java.util.Optional.empty();
  }

  private String svg(ChartSpec spec) {
    return svg.toSvg(spec.withTheme(ChartSpec.Theme.AUTO));
  }

  private java.util.Optional<String> costChart(PricingModel model) {
    List<BenchmarkPoint> plotted = new ArrayList<>();
    List<double[]> xyv = new ArrayList<>();
    List<Boolean> estimated = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      OptionalDouble x = OUT_PER_CHIP.valueOf(p);
      java.util.Optional<CostEstimate> c = options.costs.estimate(p, model);
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
      return java.util.Optional.empty();
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
    for (Series s : series) {
      Map<Boolean, List<ChartSpec.Point>> byKind = new TreeMap<>();
      for (BenchmarkPoint p : s.points()) {
        Integer i = index.get(p);
        if (i != null) {
          double[] v = xyv.get(i);
          byKind
              .computeIfAbsent(estimated.get(i), k -> new ArrayList<>())
              .add(
                  new ChartSpec.Point(
                      v[0], v[1], labels.tooltip(p, xLabel, v[0], yLabel, v[1]), on.contains(p)));
        }
      }
      byKind.forEach(
          (est, ps) ->
              out.add(
                  new ChartSpec.Series(
                      labels.label(s.points().get(0)) + (est ? " (estimated)" : " (stated)"),
                      ps,
                      true,
                      labels.label(s.points().get(0)))));
    }
    return java.util.Optional.of(
        svg(
            PointCharts.spec(
                "Cost vs throughput, " + model.key() + " (estimates are labelled)",
                xLabel,
                yLabel,
                out,
                ChartSpec.Scale.LINEAR)));
  }

  // ---------------------------------------------------------------- table

  private void table() {
    if (points.isEmpty()) {
      omitted("configurations", "Configurations", "No configurations: no point was read.");
      return;
    }
    open("configurations", "Configurations");
    sb.append("<p class=\"hint\">One row per point, grouped by configuration in load order; ")
        .append("click a heading to sort. Values marked * are derived.</p>\n")
        .append("<div class=\"scroll\"><table class=\"sortable data\">\n<thead><tr>")
        .append("<th>Configuration</th><th>Model</th><th>Accelerator</th><th>Architecture</th>")
        .append("<th>Engine</th><th>ISL (tokens)</th><th>OSL (tokens)</th><th>Concurrency</th>")
        .append("<th>Output (tokens/s)</th><th>Output per chip (tokens/s)</th>")
        .append("<th>Requests (req/s)</th><th>TTFT mean (ms)</th><th>TTFT p90 (ms)</th>")
        .append("<th>TPOT mean (ms/token)</th><th>ITL mean (ms/token)</th><th>Source</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Series s : series) {
      for (BenchmarkPoint p : s.points()) {
        sb.append("<tr><td>")
            .append(esc(labels.label(p)))
            .append("</td><td>")
            .append(esc(p.model().id()))
            .append("</td><td>")
            .append(esc(accelerator(p)))
            .append("</td><td>")
            .append(esc(architecture(p)))
            .append("</td><td>")
            .append(esc(engine(p)))
            .append("</td>")
            .append(numCell(lengthMean(p.workload().inputLength())))
            .append(numCell(lengthMean(p.workload().outputLength())))
            .append(
                numCell(
                    p.workload().concurrency() == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(p.workload().concurrency())));
        metricCell(p, OUT);
        metricCell(p, OUT_PER_CHIP);
        metricCell(p, Measure.of(Metric.REQUEST_RATE));
        metricCell(p, Measure.of(Metric.TTFT));
        metricCell(p, Measure.of(Metric.TTFT, Statistic.P90));
        metricCell(p, TPOT);
        metricCell(p, Measure.of(Metric.ITL));
        sb.append("<td class=\"src\">").append(esc(provenance(p))).append("</td></tr>\n");
      }
    }
    sb.append("</tbody>\n</table></div>\n");
    close();
  }

  private void metricCell(BenchmarkPoint p, Measure m) {
    OptionalDouble v = m.valueOf(p);
    boolean derived =
        v.isPresent() && p.metrics().get(m.metric()).map(x -> x.isDerived()).orElse(false);
    String cell = numCell(v);
    if (derived) {
      cell = cell.replace("</td>", "*</td>");
    }
    sb.append(cell);
  }

  private static OptionalDouble lengthMean(ai.llmd.prism.api.Distribution d) {
    return d == null ? OptionalDouble.empty() : d.mean();
  }

  // ---------------------------------------------------------------- winners

  private void winners() {
    Optimum.Result slo = Optimum.best(OUT_PER_CHIP).subjectTo(options.slo).over(points);
    ParetoResult front = Pareto.frontier(points, TPOT, OUT_PER_CHIP);
    if (slo.ranked().isEmpty() && slo.infeasible().isEmpty() && front.frontier().isEmpty()) {
      omitted(
          "winners",
          "Pareto and SLO winners",
          "No winners: no point has output throughput per chip with the SLO's values or TPOT.");
      return;
    }
    open("winners", "Pareto and SLO winners");
    sb.append("<h3>Best output throughput per chip under the SLO</h3>\n<p>SLO: ");
    if (options.slo.isEmpty()) {
      sb.append("none (every point qualifies)");
    } else {
      List<String> cs = new ArrayList<>();
      for (Constraint c : options.slo) {
        cs.add("<code>" + esc(c.text()) + "</code>");
      }
      sb.append(String.join(" and ", cs));
    }
    sb.append(
        ". Each configuration is represented by its best point that meets every constraint.</p>\n");
    if (slo.ranked().isEmpty()) {
      sb.append("<p class=\"note\">No configuration meets the SLO.</p>\n");
    } else {
      Optimum.Candidate w = slo.winner().orElseThrow();
      sb.append("<p class=\"winner\">Winner: <strong>")
          .append(esc(label(w.configuration())))
          .append("</strong> at ")
          .append(esc(w.loadLevel()))
          .append(": ")
          .append(num(w.objective()))
          .append(" output tokens/s per chip.</p>\n");
      candidates(slo.ranked(), "Output per chip (tokens/s)");
    }
    if (!slo.infeasible().isEmpty()) {
      sb.append("<details><summary>")
          .append(slo.infeasible().size())
          .append(" configurations never meet the SLO</summary>\n<ul>\n");
      slo.infeasible()
          .forEach(
              (k, why) ->
                  sb.append("<li>")
                      .append(esc(label(k)))
                      .append(": ")
                      .append(esc(why))
                      .append("</li>\n"));
      sb.append("</ul>\n</details>\n");
    }
    excludedList(slo.unchecked(), "points could not be checked against the SLO");
    sb.append("<h3>Pareto frontier: output throughput per chip vs TPOT mean</h3>\n");
    if (front.frontier().isEmpty()) {
      sb.append("<p class=\"note\">No point has both TPOT and output throughput per chip.</p>\n");
    } else {
      front
          .knee()
          .ifPresent(
              k ->
                  sb.append("<p class=\"winner\">Knee (best balance): <strong>")
                      .append(esc(labels.label(k.point())))
                      .append("</strong> at ")
                      .append(esc(loadText(k.point())))
                      .append(": TPOT ")
                      .append(num(k.values().get(0)))
                      .append(" ms/token, ")
                      .append(num(k.values().get(1)))
                      .append(" output tokens/s per chip.</p>\n"));
      sb.append("<table class=\"sortable\">\n<thead><tr><th>Configuration</th><th>Load</th>")
          .append("<th>TPOT mean (ms/token)</th><th>Output per chip (tokens/s)</th>")
          .append("<th>Source</th></tr></thead>\n<tbody>\n");
      for (ParetoResult.Entry e : front.frontier()) {
        sb.append("<tr><td>")
            .append(esc(labels.label(e.point())))
            .append("</td><td>")
            .append(esc(loadText(e.point())))
            .append("</td>")
            .append(numCell(e.values().get(0)))
            .append(numCell(e.values().get(1)))
            .append("<td class=\"src\">")
            .append(esc(provenance(e.point())))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
      excludedList(front.excluded(), "points are not on the chart (a value is missing)");
    }
    close();
  }

  private void candidates(List<Optimum.Candidate> ranked, String objectiveHeader) {
    sb.append("<table class=\"sortable\">\n<thead><tr><th>Rank</th><th>Configuration</th>")
        .append("<th>Best load</th><th>")
        .append(esc(objectiveHeader))
        .append("</th><th>Source</th></tr></thead>\n<tbody>\n");
    int rank = 1;
    for (Optimum.Candidate c : ranked) {
      sb.append("<tr>")
          .append(numCell(rank++))
          .append("<td>")
          .append(esc(label(c.configuration())))
          .append("</td><td>")
          .append(esc(c.loadLevel()))
          .append("</td>")
          .append(numCell(c.objective()))
          .append("<td class=\"src\">")
          .append(esc(provenance(c.point())))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private void excludedList(List<ParetoResult.Excluded> excluded, String what) {
    if (excluded.isEmpty()) {
      return;
    }
    sb.append("<details><summary>")
        .append(excluded.size())
        .append(' ')
        .append(esc(what))
        .append("</summary>\n<ul>\n");
    for (ParetoResult.Excluded e : excluded) {
      sb.append("<li><code>")
          .append(esc(provenance(e.point())))
          .append("</code>: ")
          .append(esc(e.reason()))
          .append("</li>\n");
    }
    sb.append("</ul>\n</details>\n");
  }

  // ---------------------------------------------------------------- costs

  private void costSection() {
    Map<PricingModel, Optimum.Result> byModel = new LinkedHashMap<>();
    Map<String, Integer> noPrice = new TreeMap<>();
    for (PricingModel m : PricingModel.values()) {
      Optimum.Result r =
          Optimum.cheapest(options.costs, m, CostEstimate.Tokens.OUTPUT).over(points);
      if (!r.ranked().isEmpty()) {
        byModel.put(m, r);
      }
      for (ParetoResult.Excluded e : r.unchecked()) {
        noPrice.merge(m.key() + ": " + e.reason(), 1, Integer::sum);
      }
    }
    if (byModel.isEmpty()) {
      omitted(
          "costs",
          "Cost per pricing model",
          "No costs: no source states one and the price catalog gives no single price for these"
              + " accelerators (narrow it by provider and region).");
      return;
    }
    open("costs", "Cost per pricing model");
    sb.append("<p class=\"hint\">USD per million output tokens at each configuration's cheapest ")
        .append("load. “stated” is the source's own figure; “estimated” is the hourly catalog ")
        .append("price divided by the measured throughput.</p>\n");
    for (Map.Entry<PricingModel, Optimum.Result> e : byModel.entrySet()) {
      PricingModel m = e.getKey();
      sb.append("<h3>").append(esc(m.key())).append("</h3>\n");
      Optimum.Result cheapestUnderSlo =
          Optimum.cheapest(options.costs, m, CostEstimate.Tokens.OUTPUT)
              .subjectTo(options.slo)
              .over(points);
      cheapestUnderSlo
          .winner()
          .ifPresentOrElse(
              w ->
                  sb.append("<p class=\"winner\">Cheapest under the SLO: <strong>")
                      .append(esc(label(w.configuration())))
                      .append("</strong> at ")
                      .append(esc(w.loadLevel()))
                      .append(": ")
                      .append(num(w.objective()))
                      .append(" USD per 1M output tokens")
                      .append(
                          options.costs.estimate(w.point(), m).map(c -> c.estimated()).orElse(false)
                              ? " (estimated)"
                              : " (stated)")
                      .append(".</p>\n"),
              () -> sb.append("<p class=\"note\">No priced configuration meets the SLO.</p>\n"));
      sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
          .append("<th>Configuration</th><th>Load</th>")
          .append("<th>USD / 1M output tokens</th><th>USD / 1M input tokens</th><th>Kind</th>")
          .append("<th>Basis</th><th>Source</th></tr></thead>\n<tbody>\n");
      for (Optimum.Candidate c : e.getValue().ranked()) {
        CostEstimate est = options.costs.estimate(c.point(), m).orElseThrow();
        sb.append("<tr><td>")
            .append(esc(label(c.configuration())))
            .append("</td><td>")
            .append(esc(c.loadLevel()))
            .append("</td>")
            .append(numCell(c.objective()))
            .append(numCell(est.perMillion(CostEstimate.Tokens.INPUT)))
            .append("<td>")
            .append(est.estimated() ? "estimated" : "stated")
            .append("</td><td class=\"basis\" title=\"")
            .append(esc(est.basis()))
            .append("\">")
            .append(esc(shortBasis(est)))
            .append("</td><td class=\"src\">")
            .append(esc(provenance(c.point())))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table></div>\n");
    }
    if (!noPrice.isEmpty()) {
      sb.append("<details><summary>Why some points have no price</summary>\n<ul>\n");
      noPrice.forEach(
          (why, n) ->
              sb.append("<li>")
                  .append(n)
                  .append(n == 1 ? " point, " : " points, ")
                  .append(esc(why))
                  .append("</li>\n"));
      sb.append("</ul>\n</details>\n");
    }
    close();
  }

  // ---------------------------------------------------------------- P/D

  private void pdVsAggregated() {
    String heading = "Prefill/decode disaggregated vs aggregated";
    if (options.latencyTargets.length == 0) {
      omitted("pd-vs-aggregated", heading, "No comparison: no latency targets were given.");
      return;
    }
    ArchitectureComparison cmp =
        Comparisons.aggregatedVsDisaggregated(points, OUT_PER_CHIP, TPOT, options.latencyTargets);
    Set<String> withAgg = new HashSet<>();
    Set<String> withDis = new HashSet<>();
    for (BenchmarkPoint p : points) {
      String k = matchKey(p);
      if (p.deployment().architecture() == Architecture.AGGREGATED) {
        withAgg.add(k);
      } else if (p.deployment().architecture() == Architecture.DISAGGREGATED) {
        withDis.add(k);
      }
    }
    List<ArchitectureComparison.Row> rows = new ArrayList<>();
    Set<String> workloads = new LinkedHashSet<>();
    for (ArchitectureComparison.Row r : cmp.rows()) {
      BenchmarkPoint any =
          r.aggregated() != null
              ? r.aggregated().point()
              : r.disaggregated() == null ? null : r.disaggregated().point();
      if (any != null && withAgg.contains(matchKey(any)) && withDis.contains(matchKey(any))) {
        rows.add(r);
        workloads.add(r.workload().key());
      }
    }
    if (rows.isEmpty()) {
      omitted(
          "pd-vs-aggregated",
          heading,
          "No comparison: no model, accelerator and ISL/OSL has both aggregated and disaggregated"
              + " points meeting a TPOT target.");
      return;
    }
    open("pd-vs-aggregated", heading);
    sb.append("<p class=\"hint\">For each matched model, accelerator and ISL/OSL bucket: the best ")
        .append("output throughput per chip each architecture reaches with TPOT mean at most the ")
        .append("target.</p>\n");
    for (String workload : workloads) {
      List<ArchitectureComparison.Row> mine =
          rows.stream().filter(r -> r.workload().key().equals(workload)).toList();
      sb.append("<h3>").append(esc(workload)).append("</h3>\n");
      List<String> categories = new ArrayList<>();
      List<ChartSpec.Point> agg = new ArrayList<>();
      List<ChartSpec.Point> dis = new ArrayList<>();
      for (ArchitectureComparison.Row r : mine) {
        int i = categories.size();
        categories.add("≤" + num(r.latencyTarget()));
        if (r.aggregated() != null) {
          agg.add(
              new ChartSpec.Point(
                  i, r.aggregated().objective(), candidateTip(r.aggregated()), false));
        }
        if (r.disaggregated() != null) {
          dis.add(
              new ChartSpec.Point(
                  i, r.disaggregated().objective(), candidateTip(r.disaggregated()), false));
        }
      }
      ChartSpec bars =
          ChartSpec.bars(
              "Best output throughput per chip meeting a TPOT target",
              "TPOT mean target (ms/token)",
              new ChartSpec.Axis("output tokens/s per chip", ChartSpec.Scale.LINEAR),
              categories,
              List.of(
                  new ChartSpec.Series("aggregated", agg, false),
                  new ChartSpec.Series("P/D disaggregated", dis, false)));
      sb.append("<div class=\"pd\"><figure class=\"chart\">")
          .append(svg(bars))
          .append("</figure>\n<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
          .append("<th>TPOT target (ms/token)</th><th>Best aggregated</th>")
          .append("<th>Aggregated (tokens/s per chip)</th><th>Best disaggregated</th>")
          .append("<th>Disaggregated (tokens/s per chip)</th><th>Winner</th>")
          .append("<th>Advantage</th></tr></thead>\n<tbody>\n");
      for (ArchitectureComparison.Row r : mine) {
        sb.append("<tr>")
            .append(numCell(r.latencyTarget()))
            .append("<td>")
            .append(r.aggregated() == null ? "none meets it" : esc(candidateText(r.aggregated())))
            .append("</td>")
            .append(numCell(r.aggregated() == null ? Double.NaN : r.aggregated().objective()))
            .append("<td>")
            .append(
                r.disaggregated() == null ? "none meets it" : esc(candidateText(r.disaggregated())))
            .append("</td>")
            .append(numCell(r.disaggregated() == null ? Double.NaN : r.disaggregated().objective()))
            .append("<td>")
            .append(
                r.winner()
                    .map(w -> w == Architecture.DISAGGREGATED ? "P/D" : "aggregated")
                    .orElse("tie"))
            .append("</td><td class=\"num\">")
            .append(r.advantagePercent().map(v -> Html.percent(v)).orElse("–"))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table></div></div>\n");
    }
    excludedList(cmp.excluded(), "points not compared");
    close();
  }

  /** The catalog row in a few words (the full basis is the cell's tooltip). */
  private static String shortBasis(CostEstimate est) {
    return est.catalogRow()
        .map(
            r ->
                r.provider()
                    + " "
                    + r.machineType()
                    + " ("
                    + r.region()
                    + ") "
                    + num(r.usdPerMachineHour())
                    + " USD/h, "
                    + r.source())
        .orElse(est.basis());
  }

  private String candidateText(Optimum.Candidate c) {
    return label(c.configuration()) + ", " + c.loadLevel();
  }

  private String candidateTip(Optimum.Candidate c) {
    return candidateText(c)
        + "\n"
        + num(c.objective())
        + " tokens/s per chip\n"
        + provenance(c.point());
  }

  /** Model, accelerator and ISL/OSL bucket: what the architecture comparison matches on. */
  private static String matchKey(BenchmarkPoint p) {
    return Facet.MODEL.valueOf(p)
        + "|"
        + Facet.ACCELERATOR.valueOf(p)
        + "|"
        + Facet.ISL_BUCKET.valueOf(p)
        + "|"
        + Facet.OSL_BUCKET.valueOf(p);
  }

  // ---------------------------------------------------------------- regression

  private void regression() {
    String heading = "Regression against the baseline";
    if (options.baseline == null) {
      omitted("regression", heading, "No regression: no baseline was given (--baseline).");
      return;
    }
    List<Measure> measures =
        List.of(OUT, Measure.of(Metric.TTFT), Measure.of(Metric.TTFT, Statistic.P90), TPOT);
    RegressionReport rr = Comparisons.regression(options.baseline.points(), points, measures);
    List<RegressionReport.Change> changes =
        rr.changes().stream().filter(c -> c.verdict() != RegressionReport.Verdict.NO_DATA).toList();
    if (changes.isEmpty()) {
      omitted(
          "regression",
          heading,
          "No regression: no configuration of the baseline matches one of the current points"
              + " at a common load level.");
      return;
    }
    open("regression", heading);
    sb.append("<p class=\"hint\">Matched on every scenario dimension but the engine version; ")
        .append("geometric means over the common load levels; changes within ±")
        .append(num(rr.bandPercent()))
        .append(" % count as unchanged.</p>\n")
        .append("<p>")
        .append(rr.withVerdict(RegressionReport.Verdict.REGRESSED).size())
        .append(" regressed, ")
        .append(rr.withVerdict(RegressionReport.Verdict.IMPROVED).size())
        .append(" improved, ")
        .append(rr.withVerdict(RegressionReport.Verdict.UNCHANGED).size())
        .append(" unchanged.</p>\n");
    sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th>Configuration</th>")
        .append("<th>Measure</th><th>Unit</th><th>Baseline</th><th>Current</th><th>Change</th>")
        .append("<th>Verdict</th><th>Loads</th></tr></thead>\n<tbody>\n");
    for (RegressionReport.Change c : changes) {
      String verdict = c.verdict().name().toLowerCase(Locale.ROOT);
      sb.append("<tr class=\"")
          .append(verdict)
          .append("\"><td class=\"key\">")
          .append(esc(c.configuration().key()))
          .append("</td><td>")
          .append(esc(c.measure().toString()))
          .append("</td><td>")
          .append(esc(c.measure().metric().unit().symbol()))
          .append("</td>")
          .append(numCell(c.baseline()))
          .append(numCell(c.candidate()))
          .append("<td class=\"num\" data-v=\"")
          .append(Double.toString(c.percentChange()))
          .append("\">")
          .append(Html.percent(c.percentChange()))
          .append("</td><td class=\"verdict\">")
          .append(verdict)
          .append("</td><td>")
          .append(c.loads().size())
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n");
    List<String> unmatched = new ArrayList<>();
    rr.onlyInBaseline().forEach(k -> unmatched.add("baseline only: " + k));
    rr.onlyInCandidate().forEach(k -> unmatched.add("current only: " + k));
    rr.unmatchedLoads()
        .forEach(
            u ->
                unmatched.add(
                    u.configuration()
                        + " @ "
                        + u.load()
                        + (u.inBaseline() ? " (baseline only)" : " (candidate only)")));
    if (!unmatched.isEmpty()) {
      sb.append("<details><summary>")
          .append(unmatched.size())
          .append(" configurations or load levels without a match</summary>\n<ul>\n");
      for (String u : unmatched) {
        sb.append("<li>").append(esc(u)).append("</li>\n");
      }
      sb.append("</ul>\n</details>\n");
    }
    close();
  }

  // ---------------------------------------------------------------- labels

  private String label(ai.llmd.prism.core.analysis.Configuration configuration) {
    return labels.label(configuration);
  }

  private String provenance(BenchmarkPoint p) {
    return labels.provenance(p);
  }

  private static String accelerator(BenchmarkPoint p) {
    return PointLabels.accelerator(p);
  }

  private static String architecture(BenchmarkPoint p) {
    return PointLabels.architecture(p);
  }

  private static String engine(BenchmarkPoint p) {
    return PointLabels.engine(p);
  }

  private static String loadText(BenchmarkPoint p) {
    return PointLabels.loadText(p);
  }

  private static int fileCount(List<BenchmarkPoint> ps) {
    Set<URI> s = new HashSet<>();
    for (BenchmarkPoint p : ps) {
      s.add(p.provenance().source());
    }
    return s.size();
  }

  // ---------------------------------------------------------------- assets

  private static final String CSS =
      """

      :root{--bg:#ffffff;--fg:#1a1a1a;--muted:#555;--line:#e2e2e2;--head:#f4f5f7;--accent:#0072B2;\
      --good:#1b7f3b;--bad:#b3261e;--code:#f4f5f7}
      @media (prefers-color-scheme: dark){:root{--bg:#16181d;--fg:#e8e8e8;--muted:#b4b4b4;\
      --line:#2f333b;--head:#20232a;--accent:#56B4E9;--good:#5cc98a;--bad:#f28b82;--code:#20232a}}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--fg);\
      font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
      header{padding:20px 32px 8px;border-bottom:1px solid var(--line)}
      h1{margin:0 0 4px;font-size:24px}
      h2{font-size:19px;margin:28px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
      h3{font-size:15px;margin:18px 0 6px}
      main{padding:0 32px 40px;max-width:1700px}
      nav a{color:var(--accent);margin-right:14px;text-decoration:none}
      nav a:hover{text-decoration:underline}
      .lede{color:var(--muted);margin:0 0 8px}
      .note,.hint{color:var(--muted)}
      section.omitted h2{font-size:16px}
      .winner{font-size:15px}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px}
      figure.chart{margin:0}
      figure.chart svg{width:100%;height:auto;max-width:800px;display:block}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
      th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
      th{background:var(--head);font-weight:600;white-space:nowrap}
      table.sortable th{cursor:pointer}
      th[aria-sort=ascending]::after{content:" \\25B2"}
      th[aria-sort=descending]::after{content:" \\25BC"}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.src,td.key,td.basis{color:var(--muted);font-size:12px}
      td.src{white-space:nowrap}
      td{white-space:nowrap}
      td.key,td.basis{white-space:normal;min-width:240px}
      .pd{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
      .pd figure.chart{flex:0 1 560px}
      tr.regressed td.verdict{color:var(--bad);font-weight:600}
      tr.improved td.verdict{color:var(--good);font-weight:600}
      code{background:var(--code);padding:0 3px;border-radius:3px;font-size:12px}
      ul.problems{padding-left:20px}
      li.error .sev{color:var(--bad);font-weight:600}
      li.warning .sev{color:#b06000;font-weight:600}
      details{margin:6px 0}
      summary{cursor:pointer;color:var(--muted)}
      """;

  private static final String SCRIPT =
      """

      (function(){
      function val(c){var v=c.getAttribute('data-v');return v===null?null:parseFloat(v);}
      document.querySelectorAll('table.sortable').forEach(function(t){
      var hs=t.tHead?t.tHead.rows[0].cells:[];
      Array.prototype.forEach.call(hs,function(th,i){
      th.tabIndex=0;
      function sort(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(hs,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
      rows.sort(function(x,y){
      var a=val(x.cells[i]),c=val(y.cells[i]),r;
      if(a!==null||c!==null){if(a===null)return 1;if(c===null)return -1;r=a-c;}
      else{r=x.cells[i].textContent.localeCompare(y.cells[i].textContent);}
      return asc?r:-r;});
      rows.forEach(function(r){b.appendChild(r);});}
      th.addEventListener('click',sort);
      th.addEventListener('keydown',function(e){if(e.key==='Enter'){sort();}});
      });});
      document.documentElement.setAttribute('data-sortable','ready');
      })();
      """;
}
