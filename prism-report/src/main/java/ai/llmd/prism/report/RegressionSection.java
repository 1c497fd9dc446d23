package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.core.analysis.RegressionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The findings' release-to-release changes on matched configurations, against the baseline. */
final class RegressionSection {

  private static final String HEADING = "Regression against the baseline";

  private RegressionSection() {}

  static void write(Report r) {
    Optional<RegressionReport> found = r.findings.regression();
    if (found.isEmpty()) {
      r.omitted("regression", HEADING, "No regression: no baseline was given (--baseline).");
      return;
    }
    RegressionReport rr = found.get();
    List<RegressionReport.Change> changes =
        rr.changes().stream().filter(c -> c.verdict() != RegressionReport.Verdict.NO_DATA).toList();
    if (changes.isEmpty()) {
      r.omitted(
          "regression",
          HEADING,
          "No regression: no configuration of the baseline matches one of the current points"
              + " at a common load level.");
      return;
    }
    StringBuilder sb = r.sb;
    r.open("regression", HEADING);
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
          .append(Html.shown(c.configuration().key()))
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
    r.details(unmatched.size() + " configurations or load levels without a match", unmatched);
    r.close();
  }
}
