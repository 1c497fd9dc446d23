package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.spi.ChartSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings' prefill/decode disaggregated against aggregated serving at latency targets, per
 * matched workload; workloads with only one architecture are listed as such.
 */
final class PdSection {

  private static final String HEADING = "Prefill/decode disaggregated vs aggregated";

  private PdSection() {}

  static void write(Report r) {
    PdComparison pd = r.findings.pdVsAggregated();
    if (pd.targets().isEmpty()) {
      r.omitted("pd-vs-aggregated", HEADING, "No comparison: no latency targets were given.");
      return;
    }
    List<PdComparison.Group> compared = new ArrayList<>();
    for (PdComparison.Group g : pd.compared()) {
      if (!g.rows().isEmpty()) {
        compared.add(g);
      }
    }
    if (compared.isEmpty()) {
      r.omitted(
          "pd-vs-aggregated",
          HEADING,
          "No comparison: no model, accelerator and ISL/OSL has both aggregated and disaggregated"
              + " points meeting a "
              + Report.metricName(pd.latency())
              + " target.");
      return;
    }
    r.open("pd-vs-aggregated", HEADING);
    r.sb
        .append("<p class=\"hint\">For each matched model, accelerator and ISL/OSL bucket: the ")
        .append("best ")
        .append(esc(Report.phrase(pd.throughput())))
        .append(" each architecture reaches with ")
        .append(esc(Report.phrase(pd.latency())))
        .append(" at most ")
        .append("the target.</p>\n");
    for (PdComparison.Group g : compared) {
      workload(r, pd, g.workload().key(), g.rows());
    }
    List<String> oneSided = new ArrayList<>();
    for (PdComparison.Group g : pd.groups()) {
      if (g.sides() != PdComparison.Sides.BOTH) {
        oneSided.add(
            g.workload().key()
                + (g.sides() == PdComparison.Sides.AGGREGATED_ONLY
                    ? ": aggregated only"
                    : ": P/D only"));
      }
    }
    r.details(
        oneSided.size()
            + (oneSided.size() == 1 ? " workload has" : " workloads have")
            + " only one architecture: nothing to compare",
        oneSided);
    r.excludedList(pd.excluded(), "points not compared");
    r.close();
  }

  private static void workload(
      Report r, PdComparison pd, String workload, List<ArchitectureComparison.Row> mine) {
    StringBuilder sb = r.sb;
    sb.append("<h3>").append(Html.shown(workload)).append("</h3>\n");
    String latency = Report.metricName(pd.latency());
    String latencyUnit = Report.unit(pd.latency());
    String unit = Labels.unit(pd.throughput());
    List<String> categories = new ArrayList<>();
    List<ChartSpec.Point> agg = new ArrayList<>();
    List<ChartSpec.Point> dis = new ArrayList<>();
    for (ArchitectureComparison.Row row : mine) {
      int i = categories.size();
      categories.add("≤" + num(row.latencyTarget()));
      if (row.aggregated() != null) {
        agg.add(
            new ChartSpec.Point(
                i, row.aggregated().objective(), tip(r, row.aggregated(), unit), false));
      }
      if (row.disaggregated() != null) {
        dis.add(
            new ChartSpec.Point(
                i, row.disaggregated().objective(), tip(r, row.disaggregated(), unit), false));
      }
    }
    ChartSpec bars =
        ChartSpec.bars(
            "Best " + Report.phrase(pd.throughput()) + " meeting a " + latency + " target",
            Report.phrase(pd.latency()) + " target (" + latencyUnit + ")",
            new ChartSpec.Axis(Report.unit(pd.throughput()), ChartSpec.Scale.LINEAR),
            categories,
            List.of(
                new ChartSpec.Series("aggregated", agg, false),
                new ChartSpec.Series("P/D disaggregated", dis, false)));
    sb.append("<div class=\"pd\">");
    r.chart(bars)
        .ifPresent(svg -> sb.append("<figure class=\"chart\">").append(svg).append("</figure>\n"));
    sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
        .append("<th>")
        .append(esc(latency + " target (" + latencyUnit + ")"))
        .append("</th><th>Best aggregated</th>")
        .append("<th>Aggregated (")
        .append(esc(unit))
        .append(")</th><th>Best disaggregated</th>")
        .append("<th>Disaggregated (")
        .append(esc(unit))
        .append(")</th><th>Winner</th>")
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
          .append(row.winner().map(Labels::architecture).orElse("tie"))
          .append("</td><td class=\"num\">")
          .append(row.advantagePercent().map(Html::percent).orElse("–"))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div></div>\n");
  }

  private static String text(Report r, Optimum.Candidate c) {
    return r.labels.label(c.configuration()) + ", " + c.loadLevel();
  }

  private static String tip(Report r, Optimum.Candidate c, String unit) {
    return text(r, c)
        + "\n"
        + num(c.objective())
        + " "
        + unit
        + "\n"
        + r.labels.provenance(c.point());
  }
}
