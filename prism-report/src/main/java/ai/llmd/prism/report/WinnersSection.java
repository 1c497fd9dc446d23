package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.api.Direction;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.findings.Frontier;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.Winners;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings' best configuration under the SLO, its runners-up, and the Pareto frontiers with
 * their knees.
 */
final class WinnersSection {

  static final int FRONTIER_ROWS = 200;

  private WinnersSection() {}

  static void write(Report r) {
    StringBuilder sb = r.sb;
    Winners slo = r.findings.winners();
    Measure objective = r.findings.options().objective();
    List<Frontier> fronts = r.findings.frontiers();
    List<Measure> fm = r.findings.options().frontierMeasures();
    if (slo.ranked().isEmpty()
        && slo.infeasible().isEmpty()
        && fronts.stream().allMatch(f -> f.frontier().isEmpty())) {
      r.omitted(
          "winners",
          "Pareto and SLO winners",
          "No winners: no point has "
              + Report.phrase(objective)
              + " with the SLO's values or "
              + Report.metricName(fm.get(0))
              + ".");
      return;
    }
    r.open("winners", "Pareto and SLO winners");
    sb.append("<h3>")
        .append(objective.direction() == Direction.LOWER_IS_BETTER ? "Lowest " : "Best ")
        .append(esc(Report.phrase(objective)))
        .append(" under the SLO</h3>\n<p>SLO: ");
    if (slo.slo().isEmpty()) {
      sb.append("none (every point qualifies)");
    } else {
      List<String> cs = new ArrayList<>();
      for (Constraint c : slo.slo()) {
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
          .append(esc(Report.value(objective, w.objective())))
          .append(".</p>\n");
      candidates(r, slo.ranked(), objective);
    }
    List<String> never = new ArrayList<>();
    slo.infeasible().forEach((k, why) -> never.add(r.labels.label(k) + ": " + why));
    r.details(slo.infeasible().size() + " configurations never meet the SLO", never);
    r.excludedList(slo.unchecked(), "points could not be checked against the SLO");
    sb.append("<h3>Pareto frontier: ")
        .append(esc(Report.phrase(fm.get(1))))
        .append(" vs ")
        .append(esc(Report.phrase(fm.get(0))))
        .append(fm.size() > 2 ? " and " + (fm.size() - 2) + " more measures" : "")
        .append("</h3>\n");
    boolean grouped =
        fronts.size() > 1 || (!fronts.isEmpty() && !"all".equals(fronts.get(0).group()));
    if (fronts.stream().allMatch(f -> f.frontier().isEmpty())) {
      sb.append("<p class=\"note\">No point has both ")
          .append(esc(Report.metricName(fm.get(0))))
          .append(" and ")
          .append(esc(Report.phrase(fm.get(1))))
          .append(".</p>\n");
    } else {
      for (Frontier front : fronts) {
        if (grouped) {
          sb.append("<h4>").append(Html.shown(front.group())).append("</h4>\n");
        }
        frontier(r, front);
      }
    }
    r.close();
  }

  private static void frontier(Report r, Frontier front) {
    StringBuilder sb = r.sb;
    List<Measure> ms = front.measures();
    front
        .kneePoint()
        .ifPresent(
            k -> {
              List<String> values = new ArrayList<>();
              for (int i = 0; i < ms.size(); i++) {
                values.add(Report.value(ms.get(i), k.values().get(i)));
              }
              sb.append("<p class=\"winner\">Knee (best balance): <strong>")
                  .append(esc(r.labels.label(k.point())))
                  .append("</strong> at ")
                  .append(esc(Labels.load(k.point())))
                  .append(": ")
                  .append(esc(String.join(", ", values)))
                  .append(".</p>\n");
            });
    sb.append("<table class=\"sortable\">\n<thead><tr><th>Configuration</th><th>Load</th>");
    for (Measure m : ms) {
      sb.append("<th>").append(esc(Report.heading(m))).append("</th>");
    }
    sb.append("<th>Source</th></tr></thead>\n<tbody>\n");
    List<ParetoResult.Entry> shown = front.frontier();
    for (ParetoResult.Entry e : shown.subList(0, Math.min(FRONTIER_ROWS, shown.size()))) {
      sb.append("<tr><td>")
          .append(esc(r.labels.label(e.point())))
          .append("</td><td>")
          .append(esc(Labels.load(e.point())))
          .append("</td>");
      for (double v : e.values()) {
        sb.append(numCell(v));
      }
      sb.append("<td class=\"src\">")
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

  private static void candidates(Report r, List<Optimum.Candidate> ranked, Measure objective) {
    StringBuilder sb = r.sb;
    sb.append("<table class=\"sortable\">\n<thead><tr><th>Rank</th><th>Configuration</th>")
        .append("<th>Best load</th><th>")
        .append(esc(Report.heading(objective)))
        .append("</th><th>Source</th></tr>")
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
