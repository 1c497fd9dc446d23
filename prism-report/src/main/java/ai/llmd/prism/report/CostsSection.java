package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.PriceRow;
import ai.llmd.prism.core.findings.Costs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings' USD per million output tokens per pricing model, stated or estimated, with the
 * catalog row each estimate used and the range over every row that could have priced it, and why
 * prices lack.
 */
final class CostsSection {

  private CostsSection() {}

  static void write(Report r) {
    Costs costs = r.findings.costs();
    Map<String, Integer> noPrice = new TreeMap<>();
    boolean any = false;
    for (Costs.ForModel m : costs.byModel().values()) {
      any |= !m.cheapest().isEmpty();
      for (Costs.NoPrice np : m.noPrice()) {
        noPrice.merge(m.model().key() + ": " + np.reason(), np.points().size(), Integer::sum);
      }
    }
    if (!any) {
      r.omitted(
          "costs",
          "Cost per pricing model",
          "No costs: no source states one and the price catalog has no row for these"
              + " accelerators.");
      return;
    }
    StringBuilder sb = r.sb;
    r.open("costs", "Cost per pricing model");
    sb.append("<p class=\"hint\">USD per million output tokens at each configuration's cheapest ")
        .append("load. “stated” is the source's own figure; “estimated” is the hourly catalog ")
        .append("price divided by the measured throughput, from the catalog row shown (")
        .append(esc(costs.catalogVersion()))
        .append("); the range is over every row that could have priced it.</p>\n");
    for (Costs.ForModel m : costs.byModel().values()) {
      if (m.cheapest().isEmpty()) {
        continue;
      }
      sb.append("<h3>").append(esc(m.model().key())).append("</h3>\n");
      m.cheapestMeetingSlo()
          .ifPresentOrElse(
              w ->
                  sb.append("<p class=\"winner\">Cheapest under the SLO: <strong>")
                      .append(esc(r.labels.label(w.candidate().configuration())))
                      .append("</strong> at ")
                      .append(esc(w.candidate().loadLevel()))
                      .append(": ")
                      .append(num(w.candidate().objective()))
                      .append(" USD per 1M output tokens")
                      .append(w.estimate().estimated() ? " (estimated)" : " (stated)")
                      .append(".</p>\n"),
              () -> sb.append("<p class=\"note\">No priced configuration meets the SLO.</p>\n"));
      sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>")
          .append("<th>Configuration</th><th>Load</th>")
          .append("<th>USD / 1M output tokens</th><th>USD / 1M input tokens</th><th>Kind</th>")
          .append("<th>Range (USD / 1M output tokens)</th><th>Price row</th><th>Source</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (Costs.PricedCandidate pc : m.cheapest()) {
        row(r, pc.candidate(), pc.estimate());
      }
      sb.append("</tbody>\n</table></div>\n");
    }
    List<String> why = new ArrayList<>();
    noPrice.forEach((reason, n) -> why.add(n + (n == 1 ? " point, " : " points, ") + reason));
    r.details("Why some points have no price", why);
    r.close();
  }

  static void row(Report r, Optimum.Candidate c, CostEstimate est) {
    r.sb
        .append("<tr><td>")
        .append(esc(r.labels.label(c.configuration())))
        .append("</td><td>")
        .append(esc(c.loadLevel()))
        .append("</td>")
        .append(numCell(c.objective()))
        .append(numCell(est.perMillion(CostEstimate.Tokens.INPUT)))
        .append("<td>")
        .append(est.estimated() ? "estimated" : "stated")
        .append("</td>");
    range(r.sb, est);
    r.sb
        .append("<td class=\"basis\" title=\"")
        .append(esc(Html.shorten(est.basis(), Html.KEPT)))
        .append("\">")
        .append(Html.shown(priceRow(est)))
        .append("</td><td class=\"src\">")
        .append(esc(r.labels.provenance(c.point())))
        .append("</td></tr>\n");
  }

  /** The low–high USD per 1M output tokens over the rows that could have priced the point. */
  static void range(StringBuilder sb, CostEstimate est) {
    var g = est.priceRange().filter(x -> x.rows() > 1 && x.perMillionOutputTokensLow() != null);
    if (g.isEmpty()) {
      sb.append("<td class=\"num\">–</td>");
      return;
    }
    sb.append("<td class=\"num\" data-v=\"")
        .append(Double.toString(g.get().perMillionOutputTokensLow()))
        .append("\">")
        .append(num(g.get().perMillionOutputTokensLow()))
        .append("–")
        .append(num(g.get().perMillionOutputTokensHigh()))
        .append(" (")
        .append(g.get().rows())
        .append(" rows)</td>");
  }

  /**
   * The catalog row in a few words, e.g. {@code GCP a3-highgpu-8g (us-central1) on-demand, 11.06
   * USD/accelerator-h, cyclenerd-gcp-pricing 2026-08-20}; the basis (the cell's tooltip) says why
   * it was chosen. A stated cost has no row: its basis says where the source states it.
   */
  static String priceRow(CostEstimate est) {
    PriceRow row = est.row();
    if (row == null) {
      return est.basis();
    }
    return row.provider()
        + " "
        + row.machineType()
        + " ("
        + row.region()
        + ") "
        + row.pricingModel().key()
        + ", "
        + num(row.usdPerAcceleratorHour())
        + " USD/accelerator-h, "
        + row.source()
        + " "
        + row.asOfText()
        + (row.lowConfidence() ? ", low confidence" : "");
  }
}
