package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.analysis.Measure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The performance-dashboard's cost views per pricing model: configurations ranked by USD per 1M
 * output tokens at their cheapest point that meets the SLO, each with its "benefit % vs the
 * cheapest", and the frontier of throughput against that cost.
 *
 * @param slo the SLO the rankings meet, as written ({@code ttft.p90<=500ms,tpot.mean<=50ms}; empty
 *     for none)
 * @param throughput the frontier's throughput measure (default: output throughput per chip)
 * @param byModel one entry per requested pricing model, in the order requested
 */
public record CostRankings(String slo, Measure throughput, Map<PricingModel, ForModel> byModel) {

  public CostRankings {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(throughput, "throughput");
    byModel = Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
  }

  /**
   * One pricing model's cost views.
   *
   * @param ranking the configurations ranked at the SLO, cheapest first, with those that never meet
   *     it and the points left out (no price, or an SLO value missing) with the reason
   * @param frontier the points no other beats on both throughput and cost, by ascending throughput
   */
  public record ForModel(CostRanking.Ranking ranking, List<CostRanking.FrontierPoint> frontier) {
    public ForModel {
      Objects.requireNonNull(ranking, "ranking");
      frontier = List.copyOf(frontier);
    }
  }
}
