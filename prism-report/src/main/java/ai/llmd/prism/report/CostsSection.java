package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.ParetoResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** USD per million output tokens per pricing model, stated or estimated, and why prices lack. */
final class CostsSection {

  private CostsSection() {}

  static void write(Report r) {
    CostEstimator costs = r.options.costs();
    Map<PricingModel, Optimum.Result> byModel = new LinkedHashMap<>();
    Map<String, Integer> noPrice = new TreeMap<>();
    for (PricingModel m : PricingModel.values()) {
      Optimum.Result res = Optimum.cheapest(costs, m, CostEstimate.Tokens.OUTPUT).over(r.points);
      if (!res.ranked().isEmpty()) {
        byModel.put(m, res);
      }
      for (ParetoResult.Excluded e : res.unchecked()) {
        noPrice.merge(m.key() + ": " + e.reason(), 1, Integer::sum);
      }
    }
    if (byModel.isEmpty()) {
      r.omitted(
          "costs",
          "Cost per pricing model",
          "No costs: no source states one and the price catalog gives no single price for these"
              + " accelerators (narrow it by provider and region).");
      return;
    }
    StringBuilder sb = r.sb;
    r.open("costs", "Cost per pricing model");
    sb.append("<p class=\"hint\">USD per million output tokens at each configuration's cheapest ")
        .append("load. “stated” is the source's own figure; “estimated” is the hourly catalog ")
        .append("price divided by the measured throughput.</p>\n");
    for (Map.Entry<PricingModel, Optimum.Result> e : byModel.entrySet()) {
      PricingModel m = e.getKey();
      sb.append("<h3>").append(esc(m.key())).append("</h3>\n");
      Optimum.cheapest(costs, m, CostEstimate.Tokens.OUTPUT)
          .subjectTo(r.options.slo)
          .over(r.points)
          .winner()
          .ifPresentOrElse(
              w ->
                  sb.append("<p class=\"winner\">Cheapest under the SLO: <strong>")
                      .append(esc(r.labels.label(w.configuration())))
                      .append("</strong> at ")
                      .append(esc(w.loadLevel()))
                      .append(": ")
                      .append(num(w.objective()))
                      .append(" USD per 1M output tokens")
                      .append(
                          costs.estimate(w.point(), m).map(c -> c.estimated()).orElse(false)
                              ? " (estimated)"
                              : " (stated)")
                      .append(".</p>\n"),
              () -> sb.append("<p class=\"note\">No priced configuration meets the SLO.</p>\n"));
      sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
          .append("<th>Configuration</th><th>Load</th>")
          .append("<th>USD / 1M output tokens</th><th>USD / 1M input tokens</th><th>Kind</th>")
          .append("<th>Basis</th><th>Source</th></tr></thead>\n<tbody>\n");
      for (Optimum.Candidate c : e.getValue().ranked()) {
        CostEstimate est = costs.estimate(c.point(), m).orElseThrow();
        sb.append("<tr><td>")
            .append(esc(r.labels.label(c.configuration())))
            .append("</td><td>")
            .append(esc(c.loadLevel()))
            .append("</td>")
            .append(numCell(c.objective()))
            .append(numCell(est.perMillion(CostEstimate.Tokens.INPUT)))
            .append("<td>")
            .append(est.estimated() ? "estimated" : "stated")
            .append("</td><td class=\"basis\" title=\"")
            .append(esc(Html.shorten(est.basis(), Html.KEPT)))
            .append("\">")
            .append(Html.shown(shortBasis(est)))
            .append("</td><td class=\"src\">")
            .append(esc(r.labels.provenance(c.point())))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table></div>\n");
    }
    List<String> why = new ArrayList<>();
    noPrice.forEach((reason, n) -> why.add(n + (n == 1 ? " point, " : " points, ") + reason));
    r.details("Why some points have no price", why);
    r.close();
  }

  /** The catalog row in a few words (the full basis is the cell's tooltip). */
  private static String shortBasis(CostEstimate est) {
    return est.catalogRow()
        .map(
            row ->
                row.provider()
                    + " "
                    + row.machineType()
                    + " ("
                    + row.region()
                    + ") "
                    + num(row.usdPerMachineHour())
                    + " USD/h, "
                    + row.source())
        .orElse(est.basis());
  }
}
