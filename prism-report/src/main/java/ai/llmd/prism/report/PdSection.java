package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;
import static ai.llmd.prism.report.Report.OUT_PER_CHIP;
import static ai.llmd.prism.report.Report.TPOT;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Comparisons;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.spi.ChartSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prefill/decode disaggregated against aggregated serving at TPOT targets, per matched workload.
 */
final class PdSection {

  private static final String HEADING = "Prefill/decode disaggregated vs aggregated";

  private PdSection() {}

  static void write(Report r) {
    if (r.options.latencyTargets.length == 0) {
      r.omitted("pd-vs-aggregated", HEADING, "No comparison: no latency targets were given.");
      return;
    }
    ArchitectureComparison cmp =
        Comparisons.aggregatedVsDisaggregated(
            r.points, OUT_PER_CHIP, TPOT, r.options.latencyTargets);
    Set<String> withAgg = new HashSet<>();
    Set<String> withDis = new HashSet<>();
    for (BenchmarkPoint p : r.points) {
      String k = matchKey(p);
      if (p.deployment().architecture() == Architecture.AGGREGATED) {
        withAgg.add(k);
      } else if (p.deployment().architecture() == Architecture.DISAGGREGATED) {
        withDis.add(k);
      }
    }
    List<ArchitectureComparison.Row> rows = new ArrayList<>();
    Set<String> workloads = new LinkedHashSet<>();
    for (ArchitectureComparison.Row row : cmp.rows()) {
      BenchmarkPoint any =
          row.aggregated() != null
              ? row.aggregated().point()
              : row.disaggregated() == null ? null : row.disaggregated().point();
      if (any != null && withAgg.contains(matchKey(any)) && withDis.contains(matchKey(any))) {
        rows.add(row);
        workloads.add(row.workload().key());
      }
    }
    if (rows.isEmpty()) {
      r.omitted(
          "pd-vs-aggregated",
          HEADING,
          "No comparison: no model, accelerator and ISL/OSL has both aggregated and disaggregated"
              + " points meeting a TPOT target.");
      return;
    }
    r.open("pd-vs-aggregated", HEADING);
    r.sb
        .append("<p class=\"hint\">For each matched model, accelerator and ISL/OSL bucket: the ")
        .append("best output throughput per chip each architecture reaches with TPOT mean at most ")
        .append("the target.</p>\n");
    for (String workload : workloads) {
      workload(
          r, workload, rows.stream().filter(x -> x.workload().key().equals(workload)).toList());
    }
    r.excludedList(cmp.excluded(), "points not compared");
    r.close();
  }

  private static void workload(Report r, String workload, List<ArchitectureComparison.Row> mine) {
    StringBuilder sb = r.sb;
    sb.append("<h3>").append(Html.shown(workload)).append("</h3>\n");
    List<String> categories = new ArrayList<>();
    List<ChartSpec.Point> agg = new ArrayList<>();
    List<ChartSpec.Point> dis = new ArrayList<>();
    for (ArchitectureComparison.Row row : mine) {
      int i = categories.size();
      categories.add("≤" + num(row.latencyTarget()));
      if (row.aggregated() != null) {
        agg.add(
            new ChartSpec.Point(i, row.aggregated().objective(), tip(r, row.aggregated()), false));
      }
      if (row.disaggregated() != null) {
        dis.add(
            new ChartSpec.Point(
                i, row.disaggregated().objective(), tip(r, row.disaggregated()), false));
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
    sb.append("<div class=\"pd\">");
    r.chart(bars)
        .ifPresent(svg -> sb.append("<figure class=\"chart\">").append(svg).append("</figure>\n"));
    sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
        .append("<th>TPOT target (ms/token)</th><th>Best aggregated</th>")
        .append("<th>Aggregated (tokens/s per chip)</th><th>Best disaggregated</th>")
        .append("<th>Disaggregated (tokens/s per chip)</th><th>Winner</th>")
        .append("<th>Advantage</th></tr></thead>\n<tbody>\n");
    for (ArchitectureComparison.Row row : mine) {
      sb.append("<tr>")
          .append(numCell(row.latencyTarget()))
          .append("<td>")
          .append(row.aggregated() == null ? "none meets it" : esc(text(r, row.aggregated())))
          .append("</td>")
          .append(numCell(row.aggregated() == null ? Double.NaN : row.aggregated().objective()))
          .append("<td>")
          .append(row.disaggregated() == null ? "none meets it" : esc(text(r, row.disaggregated())))
          .append("</td>")
          .append(
              numCell(row.disaggregated() == null ? Double.NaN : row.disaggregated().objective()))
          .append("<td>")
          .append(
              row.winner()
                  .map(w -> w == Architecture.DISAGGREGATED ? "P/D" : "aggregated")
                  .orElse("tie"))
          .append("</td><td class=\"num\">")
          .append(row.advantagePercent().map(Html::percent).orElse("–"))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div></div>\n");
  }

  private static String text(Report r, Optimum.Candidate c) {
    return r.labels.label(c.configuration()) + ", " + c.loadLevel();
  }

  private static String tip(Report r, Optimum.Candidate c) {
    return text(r, c)
        + "\n"
        + num(c.objective())
        + " tokens/s per chip\n"
        + r.labels.provenance(c.point());
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
}
