package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rendering of the page: the points shown (the current set, without the baseline's files),
 * their labels, the renderer that draws charts, and the body being written. Sections append to it.
 */
final class Report {

  static final Measure TPOT = Measure.of(Metric.TPOT);
  static final Measure OUT = Measure.of(Metric.OUTPUT_THROUGHPUT);
  static final Measure OUT_PER_CHIP = OUT.per(Views.Basis.ACCELERATOR);

  final LoadResult result;
  final HtmlReport.Options options;
  final List<BenchmarkPoint> points;
  final int droppedAsBaseline;
  final PointLabels labels;
  final List<Series> series;
  final StringBuilder sb = new StringBuilder(1 << 16);
  private final Optional<ChartRenderer> renderer;

  Report(LoadResult result, HtmlReport.Options options) {
    this.result = result;
    this.options = options;
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
    this.renderer = options.plugins().renderer(options.chartFormat);
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
