package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.Optimum;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a million tokens cost, per pricing model: at every point (with the reason where there is no
 * price), the configurations ranked by their cheapest point, and the cheapest that meets the SLO.
 *
 * @param catalogVersion the pricing catalog's version the estimates came from
 * @param byModel one entry per requested pricing model, in the order requested
 */
public record Costs(String catalogVersion, Map<PricingModel, ForModel> byModel) {

  public Costs {
    Objects.requireNonNull(catalogVersion, "catalogVersion");
    byModel = Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
  }

  /** The pricing models, in the order requested. */
  public List<PricingModel> models() {
    return List.copyOf(byModel.keySet());
  }

  /**
   * One pricing model's costs.
   *
   * @param model the pricing model
   * @param points every point, in load order, priced or with the reason it is not
   * @param cheapest configurations ranked by USD per 1M output tokens at their cheapest point
   * @param cheapestUnderSlo the cheapest configuration meeting the SLO, or {@code null}
   * @param noPrice why points have no price: each reason with the points it applies to
   */
  public record ForModel(
      PricingModel model,
      List<PointCost> points,
      List<PricedCandidate> cheapest,
      PricedCandidate cheapestUnderSlo,
      List<NoPrice> noPrice) {
    public ForModel {
      Objects.requireNonNull(model, "model");
      points = List.copyOf(points);
      cheapest = List.copyOf(cheapest);
      noPrice = List.copyOf(noPrice);
    }

    /** The cheapest configuration meeting the SLO, when one does. */
    public Optional<PricedCandidate> cheapestMeetingSlo() {
      return Optional.ofNullable(cheapestUnderSlo);
    }
  }

  /**
   * One point's cost under one pricing model: an estimate, or the reason there is none.
   *
   * @param point the point
   * @param configuration its configuration
   * @param estimate the cost, or {@code null} when there is no price
   * @param noPriceReason why there is no price, or {@code null} when there is one
   */
  public record PointCost(
      BenchmarkPoint point,
      Configuration configuration,
      CostEstimate estimate,
      String noPriceReason) {
    public PointCost {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(configuration, "configuration");
      if ((estimate == null) == (noPriceReason == null)) {
        throw new IllegalArgumentException("exactly one of estimate and noPriceReason");
      }
    }

    /** The cost, when there is one. */
    public Optional<CostEstimate> cost() {
      return Optional.ofNullable(estimate);
    }
  }

  /**
   * A configuration's cheapest point and what it costs there.
   *
   * @param candidate the configuration, its point and load, and USD per 1M output tokens
   * @param estimate the full estimate at that point (input, blended, basis, catalog row)
   */
  public record PricedCandidate(Optimum.Candidate candidate, CostEstimate estimate) {
    public PricedCandidate {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(estimate, "estimate");
    }
  }

  /**
   * A reason points have no price, and which points.
   *
   * @param reason why, e.g. {@code no catalog row for accelerator L4 in region us-east1}
   * @param points the points it applies to
   */
  public record NoPrice(String reason, List<BenchmarkPoint> points) {
    public NoPrice {
      Objects.requireNonNull(reason, "reason");
      points = List.copyOf(points);
    }
  }
}
