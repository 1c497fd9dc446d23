package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.numCell;
import static ai.llmd.prism.report.Report.OUT;
import static ai.llmd.prism.report.Report.OUT_PER_CHIP;
import static ai.llmd.prism.report.Report.TPOT;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.Labels;
import java.util.OptionalDouble;

/**
 * Every point as a table row, grouped by configuration in load order; at most {@value #ROWS} rows
 * are written as static HTML (the interactive table holds every point).
 */
final class ConfigurationsSection {

  static final int ROWS = 500;

  private ConfigurationsSection() {}

  static void write(Report r) {
    if (r.points.isEmpty()) {
      r.omitted("configurations", "Configurations", "No configurations: no point was read.");
      return;
    }
    StringBuilder sb = r.sb;
    r.open("configurations", "Configurations");
    sb.append("<p class=\"hint\">One row per point, grouped by configuration in load order; ")
        .append("click a heading to sort. Values marked * are derived.</p>\n")
        .append("<div class=\"scroll\"><table class=\"sortable data\">\n<thead><tr>")
        .append("<th>Configuration</th><th>Model</th><th>Accelerator</th><th>Architecture</th>")
        .append("<th>Engine</th><th>ISL (tokens)</th><th>OSL (tokens)</th><th>Concurrency</th>")
        .append("<th>Output (tokens/s)</th><th>Output per chip (tokens/s)</th>")
        .append("<th>Requests (req/s)</th><th>TTFT mean (ms)</th><th>TTFT p90 (ms)</th>")
        .append("<th>TPOT mean (ms/token)</th><th>ITL mean (ms/token)</th><th>Source</th>")
        .append("</tr></thead>\n<tbody>\n");
    int rows = 0;
    series:
    for (Series s : r.series) {
      for (BenchmarkPoint p : s.points()) {
        if (rows++ == ROWS) {
          break series; // not only this series: the next one would start writing again
        }
        row(r, p);
      }
    }
    sb.append("</tbody>\n</table></div>\n");
    if (r.points.size() > ROWS) {
      sb.append("<p class=\"note\">")
          .append(r.points.size() - ROWS)
          .append(" more points are not written as static rows: the table in Explore lists")
          .append(" every one, and so does <code>prism points</code>.</p>\n");
    }
    r.close();
  }

  private static void row(Report r, BenchmarkPoint p) {
    StringBuilder sb = r.sb;
    Configuration c = r.labels.configuration(p);
    sb.append("<tr><td>")
        .append(esc(r.labels.label(c)))
        .append("</td><td>")
        .append(Html.shown(p.model().id()))
        .append("</td><td>")
        .append(Html.shown(c.acceleratorLabel()))
        .append("</td><td>")
        .append(esc(c.topologyLabel()))
        .append("</td><td>")
        .append(Html.shown(c.engineLabel().orElse(Labels.NONE)))
        .append("</td>")
        .append(numCell(lengthMean(p.workload().inputLength())))
        .append(numCell(lengthMean(p.workload().outputLength())))
        .append(
            numCell(
                p.workload().concurrency() == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(p.workload().concurrency())));
    metricCell(sb, p, OUT);
    metricCell(sb, p, OUT_PER_CHIP);
    metricCell(sb, p, Measure.of(Metric.REQUEST_RATE));
    metricCell(sb, p, Measure.of(Metric.TTFT));
    metricCell(sb, p, Measure.of(Metric.TTFT, Statistic.P90));
    metricCell(sb, p, TPOT);
    metricCell(sb, p, Measure.of(Metric.ITL));
    sb.append("<td class=\"src\">").append(esc(r.labels.provenance(p))).append("</td></tr>\n");
  }

  private static void metricCell(StringBuilder sb, BenchmarkPoint p, Measure m) {
    OptionalDouble v = m.valueOf(p);
    boolean derived =
        v.isPresent() && p.metrics().get(m.metric()).map(x -> x.isDerived()).orElse(false);
    String cell = numCell(v);
    if (derived) {
      cell = cell.replace("</td>", "*</td>");
    }
    sb.append(cell);
  }

  private static OptionalDouble lengthMean(Distribution d) {
    return d == null ? OptionalDouble.empty() : d.mean();
  }
}
