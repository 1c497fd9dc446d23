package ai.llmd.prism.report;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.formats.DatasetSummaries;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One self-contained HTML file about a set of benchmark points: an interactive explorer (facet
 * filters with counts, measure pickers, per-group Pareto frontiers, pricing models, a filterable
 * table, the view in the URL fragment), then static sections that read without JavaScript: sources
 * and problems, charts, every point with its provenance, the Pareto and SLO winners, cost per
 * pricing model, prefill/decode against aggregated serving, and a regression against a baseline;
 * then rankings, the MLPerf views and dataset token-length distributions ({@link
 * Options#withDatasets}), drawn by the script from findings embedded as data. Nothing is fetched;
 * the Content-Security-Policy allows the inline script and styles by their SHA-256 hashes only.
 * Charts are drawn by the {@link ai.llmd.prism.spi.ChartRenderer} that {@link Plugins} has for
 * {@link Options#withChartFormat the chart format} ({@code svg}). Same input and options, same
 * bytes. A section with no data is reduced to a one-line note saying why.
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
          "explore",
          "summary",
          "charts",
          "configurations",
          "winners",
          "costs",
          "pd-vs-aggregated",
          "regression",
          DashboardViews.PD,
          DashboardViews.RANKINGS,
          DashboardViews.QUALITY,
          DashboardViews.MLPERF,
          DashboardViews.DATASETS);

  /** What the report shows beyond the points: SLO, prices, baseline, title, latency targets. */
  public static final class Options {
    String title = "Prism report";
    List<Constraint> slo = Constraint.parseAll(DEFAULT_SLO);
    CostEstimator costs;
    LoadResult baseline;
    String generatedAt;
    double[] latencyTargets = {20, 25, 30, 40, 50};
    Plugins plugins;
    String chartFormat = "svg";
    DatasetSummaries.Result datasets;
    ArenaScores arena;

    private Options() {}

    private Options copy() {
      Options o = new Options();
      o.title = title;
      o.slo = slo;
      o.costs = costs;
      o.baseline = baseline;
      o.generatedAt = generatedAt;
      o.latencyTargets = latencyTargets;
      o.plugins = plugins;
      o.chartFormat = chartFormat;
      o.datasets = datasets;
      o.arena = arena;
      return o;
    }

    /**
     * Title "Prism report", SLO {@value #DEFAULT_SLO}, estimates from the built-in price catalog,
     * no baseline, no timestamp, TPOT targets 20, 25, 30, 40 and 50 ms/token for P/D comparison,
     * charts in {@code svg} by the renderers discovered on the class path.
     */
    public static Options defaults() {
      return new Options();
    }

    /** The page title. */
    public Options withTitle(String t) {
      Options o = copy();
      o.title = Objects.requireNonNull(t, "title");
      return o;
    }

    /** The SLO, e.g. {@code ttft.p90<=500ms,tpot.mean<=50ms} (see {@link Constraint#parseAll}). */
    public Options withSlo(String constraints) {
      return withSlo(Constraint.parseAll(constraints));
    }

    /** The SLO constraints. */
    public Options withSlo(List<Constraint> constraints) {
      Options o = copy();
      o.slo = List.copyOf(constraints);
      return o;
    }

    /** How costs are estimated where the source states none. */
    public Options withCosts(CostEstimator c) {
      Options o = copy();
      o.costs = Objects.requireNonNull(c, "costs");
      return o;
    }

    /** The baseline to judge regressions against; {@code null} for none. */
    public Options withBaseline(LoadResult b) {
      Options o = copy();
      o.baseline = b;
      return o;
    }

    /** A timestamp to print, as given; {@code null} (the default) prints none. */
    public Options withGeneratedAt(String g) {
      Options o = copy();
      o.generatedAt = g;
      return o;
    }

    /** TPOT targets (ms/token) at which prefill/decode and aggregated serving are compared. */
    public Options withLatencyTargets(double... targets) {
      Options o = copy();
      o.latencyTargets = targets.clone();
      return o;
    }

    /**
     * The plugins whose chart renderer draws the charts (default: discovered on the class path).
     */
    public Options withPlugins(Plugins p) {
      Options o = copy();
      o.plugins = Objects.requireNonNull(p, "plugins");
      return o;
    }

    /** The format id of the renderer that draws the charts, inlined into the page (default svg). */
    public Options withChartFormat(String format) {
      Options o = copy();
      o.chartFormat = Objects.requireNonNull(format, "format");
      return o;
    }

    /** Dataset summaries whose token-length distributions the Datasets view shows. */
    public Options withDatasets(DatasetSummaries.Result read) {
      Options o = copy();
      o.datasets = Objects.requireNonNull(read, "datasets");
      return o;
    }

    /** Arena scores whose models the Quality view joins to the benchmarked ones. */
    public Options withArena(ArenaScores scores) {
      Options o = copy();
      o.arena = Objects.requireNonNull(scores, "arena");
      return o;
    }

    CostEstimator costs() {
      return costs != null ? costs : CostEstimator.of(PricingCatalog.builtIn());
    }

    Plugins plugins() {
      return plugins != null ? plugins : Plugins.builder().discover().build();
    }
  }

  private final LoadResult result;
  private final Options options;

  private HtmlReport(LoadResult result, Options options) {
    this.result = Objects.requireNonNull(result, "result");
    this.options = Objects.requireNonNull(options, "options");
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
    Report r = new Report(result, options);
    Explorer.write(r);
    SummarySection.write(r);
    ChartsSection.write(r);
    ConfigurationsSection.write(r);
    WinnersSection.write(r);
    CostsSection.write(r);
    PdSection.write(r);
    RegressionSection.write(r);
    DashboardViews.write(r);
    return Frame.page(r);
  }
}
