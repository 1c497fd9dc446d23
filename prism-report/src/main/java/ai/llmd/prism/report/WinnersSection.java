package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;
import static ai.llmd.prism.report.Report.OUT_PER_CHIP;
import static ai.llmd.prism.report.Report.TPOT;

import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import java.util.ArrayList;
import java.util.List;

/** The best configuration under the SLO, its runners-up, and the Pareto frontier with its knee. */
final class WinnersSection {

  static final int FRONTIER_ROWS = 200;

  private WinnersSection() {}

  static void write(Report r) {
    StringBuilder sb = r.sb;
    Optimum.Result slo = Optimum.best(OUT_PER_CHIP).subjectTo(r.options.slo).over(r.points);
    ParetoResult front = Pareto.frontier(r.points, TPOT, OUT_PER_CHIP);
    if (slo.ranked().isEmpty() && slo.infeasible().isEmpty() && front.frontier().isEmpty()) {
      r.omitted(
          "winners",
          "Pareto and SLO winners",
          "No winners: no point has output throughput per chip with the SLO's values or TPOT.");
      return;
    }
    r.open("winners", "Pareto and SLO winners");
    sb.append("<h3>Best output throughput per chip under the SLO</h3>\n<p>SLO: ");
    if (r.options.slo.isEmpty()) {
      sb.append("none (every point qualifies)");
    } else {
      List<String> cs = new ArrayList<>();
      for (Constraint c : r.options.slo) {
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
          .append(esc(r.labels.label(w.configuration())))
          .append("</strong> at ")
          .append(esc(w.loadLevel()))
          .append(": ")
          .append(num(w.objective()))
          .append(" output tokens/s per chip.</p>\n");
      candidates(r, slo.ranked());
    }
    List<String> never = new ArrayList<>();
    slo.infeasible().forEach((k, why) -> never.add(r.labels.label(k) + ": " + why));
    r.details(slo.infeasible().size() + " configurations never meet the SLO", never);
    r.excludedList(slo.unchecked(), "points could not be checked against the SLO");
    sb.append("<h3>Pareto frontier: output throughput per chip vs TPOT mean</h3>\n");
    if (front.frontier().isEmpty()) {
      sb.append("<p class=\"note\">No point has both TPOT and output throughput per chip.</p>\n");
    } else {
      front
          .knee()
          .ifPresent(
              k ->
                  sb.append("<p class=\"winner\">Knee (best balance): <strong>")
                      .append(esc(r.labels.label(k.point())))
                      .append("</strong> at ")
                      .append(esc(PointLabels.loadText(k.point())))
                      .append(": TPOT ")
                      .append(num(k.values().get(0)))
                      .append(" ms/token, ")
                      .append(num(k.values().get(1)))
                      .append(" output tokens/s per chip.</p>\n"));
      sb.append("<table class=\"sortable\">\n<thead><tr><th>Configuration</th><th>Load</th>")
          .append("<th>TPOT mean (ms/token)</th><th>Output per chip (tokens/s)</th>")
          .append("<th>Source</th></tr></thead>\n<tbody>\n");
      List<ParetoResult.Entry> shown = front.frontier();
      for (ParetoResult.Entry e : shown.subList(0, Math.min(FRONTIER_ROWS, shown.size()))) {
        sb.append("<tr><td>")
            .append(esc(r.labels.label(e.point())))
            .append("</td><td>")
            .append(esc(PointLabels.loadText(e.point())))
            .append("</td>")
            .append(numCell(e.values().get(0)))
            .append(numCell(e.values().get(1)))
            .append("<td class=\"src\">")
            .append(esc(r.labels.provenance(e.point())))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
      if (shown.size() > FRONTIER_ROWS) {
        sb.append("<p class=\"note\">")
            .append(shown.size() - FRONTIER_ROWS)
            .append(" more frontier points are not listed; Explore shows every one.</p>\n");
      }
      r.excludedList(front.excluded(), "points are not on the chart (a value is missing)");
    }
    r.close();
  }

  private static void candidates(Report r, List<Optimum.Candidate> ranked) {
    StringBuilder sb = r.sb;
    sb.append("<table class=\"sortable\">\n<thead><tr><th>Rank</th><th>Configuration</th>")
        .append("<th>Best load</th><th>Output per chip (tokens/s)</th><th>Source</th></tr>")
        .append("</thead>\n<tbody>\n");
    int rank = 1;
    for (Optimum.Candidate c : ranked) {
      sb.append("<tr>")
          .append(numCell(rank++))
          .append("<td>")
          .append(esc(r.labels.label(c.configuration())))
          .append("</td><td>")
          .append(esc(c.loadLevel()))
          .append("</td>")
          .append(numCell(c.objective()))
          .append("<td class=\"src\">")
          .append(esc(r.labels.provenance(c.point())))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }
}
