package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One rendering of the page: the findings shown (the current set, without the baseline's files),
 * their labels, the renderer that draws charts, and the body being written. Sections append to it;
 * they read the findings and compute nothing.
 */
final class Report {

  static final Measure TPOT = Measure.of(Metric.TPOT);
  static final Measure OUT = Measure.of(Metric.OUTPUT_THROUGHPUT);
  static final Measure OUT_PER_CHIP = OUT.per(Views.Basis.ACCELERATOR);

  final Findings findings;
  final HtmlReport.Options options;
  final List<BenchmarkPoint> points;
  final PointLabels labels;
  final List<Series> series;
  final StringBuilder sb = new StringBuilder(1 << 16);
  private final Optional<ChartRenderer> renderer;

  Report(Findings findings, HtmlReport.Options options) {
    this.findings = findings;
    this.options = options;
    this.points = findings.points();
    this.series = findings.configurations();
    this.labels = new PointLabels(series, findings.labels(), findings.baselinePoints());
    this.renderer = options.plugins().renderer(options.chartFormat);
  }

  // ---------------------------------------------------------------- words for measures

  /**
   * A measure in words, e.g. {@code output throughput per chip}, {@code TPOT mean}, {@code ttft
   * p90}: latencies always name their statistic, other measures only when it is not the mean.
   */
  static String phrase(Measure m) {
    boolean latency = m.metric().unit().symbol().startsWith("ms");
    String stat = latency || m.statistic() != Statistic.MEAN ? " " + m.statistic().key() : "";
    return metricName(m) + stat + basis(m);
  }

  /** The metric's name in words: {@code TPOT}, {@code output throughput}. */
  static String metricName(Measure m) {
    String key = m.metric().key();
    return key.contains("_") ? key.replace('_', ' ') : key.toUpperCase(Locale.ROOT);
  }

  /** The unit a value of {@code m} is read in: {@code output tokens/s per chip}, {@code ms}. */
  static String unit(Measure m) {
    String u = Labels.unit(m);
    return m.metric() == Metric.OUTPUT_THROUGHPUT ? "output " + u : u;
  }

  /** A column heading: {@code Output per chip (tokens/s)}, {@code TPOT mean (ms/token)}. */
  static String heading(Measure m) {
    if (m.metric() == Metric.OUTPUT_THROUGHPUT && m.statistic() == Statistic.MEAN) {
      String b = basis(m);
      return "Output" + (b.isEmpty() ? "" : b) + " (" + m.metric().unit().symbol() + ")";
    }
    String p = phrase(m);
    return Character.toUpperCase(p.charAt(0))
        + p.substring(1)
        + " ("
        + m.metric().unit().symbol()
        + ")";
  }

  /** A value in words: {@code TPOT 20 ms/token}, {@code 48.8 output tokens/s per chip}. */
  static String value(Measure m, double v) {
    if (m.metric() == Metric.OUTPUT_THROUGHPUT) {
      return Html.num(v) + " " + unit(m);
    }
    return metricName(m) + " " + Html.num(v) + " " + unit(m);
  }

  private static String basis(Measure m) {
    if (!m.metric().scalesWithAccelerators()) {
      return "";
    }
    return switch (m.basis()) {
      case TOTAL -> "";
      case ACCELERATOR -> " per chip";
      case REPLICA -> " per replica";
      case NODE -> " per node";
    };
  }

  /** The chart drawn by the configured renderer, or empty when none is installed. */
  Optional<String> chart(ChartSpec spec) {
    if (renderer.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(8192);
    try {
      renderer.get().render(spec.withTheme(ChartSpec.Theme.AUTO), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toString());
  }

  /** Why charts are missing when no renderer is installed for the format. */
  String noRenderer() {
    return "no chart renderer is installed for '"
        + options.chartFormat
        + "' (add prism-charts-svg or a plugin for it)";
  }

  // ---------------------------------------------------------------- page pieces

  void open(String id, String heading) {
    sb.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(esc(heading))
        .append("</h2>\n");
  }

  void omitted(String id, String heading, String why) {
    sb.append("<section id=\"")
        .append(id)
        .append("\" class=\"omitted\">\n<h2>")
        .append(esc(heading))
        .append("</h2>\n<p class=\"note\">")
        .append(esc(why))
        .append("</p>\n</section>\n");
  }

  void close() {
    sb.append("</section>\n");
  }

  /** Items listed at most in a collapsed list; the rest are counted. */
  static final int LISTED = 50;

  /** A collapsed list of escaped items under a summary line, at most {@value #LISTED}. */
  void details(String summary, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    sb.append("<details><summary>").append(esc(summary)).append("</summary>\n<ul>\n");
    for (String item : items.subList(0, Math.min(LISTED, items.size()))) {
      sb.append("<li>").append(Html.shown(item)).append("</li>\n");
    }
    more(items.size());
    sb.append("</ul>\n</details>\n");
  }

  private void more(int size) {
    if (size > LISTED) {
      sb.append("<li class=\"more\">and ").append(size - LISTED).append(" more</li>\n");
    }
  }

  /** Points not considered by an analysis, each with its provenance and the reason. */
  void excludedList(List<ParetoResult.Excluded> excluded, String what) {
    if (excluded.isEmpty()) {
      return;
    }
    sb.append("<details><summary>")
        .append(excluded.size())
        .append(' ')
        .append(esc(what))
        .append("</summary>\n<ul>\n");
    for (ParetoResult.Excluded e : excluded.subList(0, Math.min(LISTED, excluded.size()))) {
      sb.append("<li><code>")
          .append(esc(labels.provenance(e.point())))
          .append("</code>: ")
          .append(Html.shown(e.reason()))
          .append("</li>\n");
    }
    more(excluded.size());
    sb.append("</ul>\n</details>\n");
  }

  static int fileCount(List<BenchmarkPoint> ps) {
    Set<URI> s = new HashSet<>();
    for (BenchmarkPoint p : ps) {
      s.add(p.provenance().source());
    }
    return s.size();
  }
}
