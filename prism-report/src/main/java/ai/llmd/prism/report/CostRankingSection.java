package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.findings.CostRankings;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings' cost ranking at the SLO per pricing model, as the performance dashboard shows it:
 * each configuration at its cheapest point that meets the SLO, and how much cheaper the cheapest is
 * ("benefit % vs the cheapest").
 */
final class CostRankingSection {

  private static final String HEADING = "Cost ranking at the SLO";

  private CostRankingSection() {}

  static void write(Report r) {
    CostRankings rankings = r.findings.costRankings();
    boolean any =
        rankings.byModel().values().stream().anyMatch(m -> !m.ranking().ranked().isEmpty());
    if (!any) {
      r.omitted(
          "cost-ranking",
          HEADING,
          "No ranking: no priced configuration meets the SLO"
              + (rankings.slo().isEmpty() ? "" : " (" + rankings.slo() + ")")
              + ".");
      return;
    }
    StringBuilder sb = r.sb;
    r.open("cost-ranking", HEADING);
    sb.append("<p class=\"hint\">SLO: ")
        .append(rankings.slo().isEmpty() ? "none" : "<code>" + esc(rankings.slo()) + "</code>")
        .append(". Configurations ranked by USD per million output tokens at their cheapest point")
        .append(" that meets it; “benefit vs the cheapest” is how much less the cheapest pays,")
        .append(" (this − cheapest) / this.</p>\n");
    for (CostRankings.ForModel m : rankings.byModel().values()) {
      CostRanking.Ranking k = m.ranking();
      if (k.ranked().isEmpty()) {
        continue;
      }
      sb.append("<h3>").append(esc(k.pricingModel().key())).append("</h3>\n");
      sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th>Rank</th>")
          .append("<th>Configuration</th><th>Load</th><th>USD / 1M output tokens</th>")
          .append("<th>Benefit vs the cheapest</th><th>Kind</th><th>Price row</th>")
          .append("<th>Source</th></tr></thead>\n<tbody>\n");
      int rank = 1;
      for (CostRanking.Entry e : k.ranked()) {
        sb.append("<tr>")
            .append(numCell(rank++))
            .append("<td>")
            .append(esc(r.labels.label(e.configuration())))
            .append("</td><td>")
            .append(esc(e.loadLevel()))
            .append("</td>")
            .append(numCell(e.perMillionOutputTokens()))
            .append("<td class=\"num\" data-v=\"")
            .append(Double.toString(e.benefitPercent()))
            .append("\">")
            .append(num(e.benefitPercent()))
            .append(" %</td><td>")
            .append(e.cost().estimated() ? "estimated" : "stated")
            .append("</td><td class=\"basis\" title=\"")
            .append(esc(Html.shorten(e.cost().basis(), Html.KEPT)))
            .append("\">")
            .append(Html.shown(CostsSection.priceRow(e.cost())))
            .append("</td><td class=\"src\">")
            .append(esc(r.labels.provenance(e.point())))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table></div>\n");
      List<String> never = new ArrayList<>();
      k.infeasible().forEach((c, why) -> never.add(r.labels.label(c) + ": " + why));
      r.details(
          k.infeasible().size()
              + " configurations never meet the SLO ("
              + k.pricingModel().key()
              + ")",
          never);
    }
    r.close();
  }
}
