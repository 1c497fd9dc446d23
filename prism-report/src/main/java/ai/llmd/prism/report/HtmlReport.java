package ai.llmd.prism.report;

import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.findings.Findings;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One self-contained HTML file rendering one {@link Findings}: an interactive explorer (facet
 * filters with counts, measure pickers, per-group Pareto frontiers, pricing models, a filterable
 * table, the view in the URL fragment), then static sections that read without JavaScript: sources
 * and problems, charts, every point with its provenance, the Pareto and SLO winners, cost per
 * pricing model, the cost ranking at the SLO, prefill/decode against aggregated serving, and a
 * regression against a baseline. The report computes nothing: every answer (SLO, prices, baseline,
 * latency targets and their defaults) is the findings', so it says what {@code prism best}, {@code
 * pareto}, {@code cost} and {@code compare} say. Nothing is fetched; the Content-Security-Policy
 * allows the inline script and styles by their SHA-256 hashes only. Charts are drawn by the {@link
 * ai.llmd.prism.spi.ChartRenderer} that {@link Plugins} has for {@link Options#withChartFormat the
 * chart format} ({@code svg}). Same findings and options, same bytes. A section with no data is
 * reduced to a one-line note saying why.
 *
 * <pre>{@code
 * LoadResult loaded = Prism.create().load("results/");
 * HtmlReport.of(Findings.builder(loaded).slo("ttft.p90<=1s").build(), HtmlReport.Options.defaults())
 *     .write(out);
 * }</pre>
 */
public final class HtmlReport {

  /** Section ids, in page order; each section is present, possibly as a one-line note. */
  public static final List<String> SECTION_IDS =
      List.of(
          "explore",
          "summary",
          "charts",
          "configurations",
          "winners",
          "costs",
          "cost-ranking",
          "pd-vs-aggregated",
          "regression");

  /** How the page looks: title, timestamp, and which renderer draws the charts. */
  public static final class Options {
    String title = "Prism report";
    String generatedAt;
    Plugins plugins;
    String chartFormat = "svg";

    private Options() {}

    private Options copy() {
      Options o = new Options();
      o.title = title;
      o.generatedAt = generatedAt;
      o.plugins = plugins;
      o.chartFormat = chartFormat;
      return o;
    }

    /**
     * Title "Prism report", no timestamp, charts in {@code svg} by the renderers discovered on the
     * class path.
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

    /** A timestamp to print, as given; {@code null} (the default) prints none. */
    public Options withGeneratedAt(String g) {
      Options o = copy();
      o.generatedAt = g;
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

    Plugins plugins() {
      return plugins != null ? plugins : Plugins.builder().discover().build();
    }
  }

  private final Findings findings;
  private final Options options;

  private HtmlReport(Findings findings, Options options) {
    this.findings = Objects.requireNonNull(findings, "findings");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A report of {@code findings} with {@code options}. */
  public static HtmlReport of(Findings findings, Options options) {
    return new HtmlReport(findings, options);
  }

  /** Writes the page. */
  public void write(Appendable out) throws IOException {
    out.append(toHtml());
  }

  /** The page as a string. */
  public String toHtml() {
    Report r = new Report(findings, options);
    Explorer.write(r);
    SummarySection.write(r);
    ChartsSection.write(r);
    ConfigurationsSection.write(r);
    WinnersSection.write(r);
    CostsSection.write(r);
    CostRankingSection.write(r);
    PdSection.write(r);
    RegressionSection.write(r);
    return Frame.page(r);
  }
}
