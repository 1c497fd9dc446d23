package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The performance-dashboard's cost views over priced points: a ranking of configurations by USD per
 * million output tokens at their cheapest point that meets an SLO, with each one's distance from
 * the cheapest, and per pricing model the frontier of output throughput against that cost.
 */
public final class CostRanking {

  private CostRanking() {}

  /**
   * One configuration in a ranking.
   *
   * @param configuration the configuration
   * @param point its cheapest point that meets the SLO
   * @param loadLevel that point's load level
   * @param cost the cost there (stated or estimated, with its row and range)
   * @param perMillionOutputTokens USD per million output tokens at that point
   * @param benefitPercent how much cheaper the cheapest configuration is than this one, {@code
   *     (this − cheapest) / this × 100}; 0 for the cheapest
   */
  public record Entry(
      Configuration configuration,
      BenchmarkPoint point,
      String loadLevel,
      CostEstimate cost,
      double perMillionOutputTokens,
      double benefitPercent) {
    public Entry {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(cost, "cost");
    }
  }

  /**
   * A ranking, cheapest first.
   *
   * @param pricingModel the pricing model every cost is under
   * @param slo the constraints, as written (empty for none)
   * @param ranked priced configurations that meet the SLO somewhere, cheapest first
   * @param infeasible configurations that never meet it, with the first violation seen
   * @param unpriced points left out because they have no price or an SLO value is missing, with why
   */
  public record Ranking(
      PricingModel pricingModel,
      String slo,
      List<Entry> ranked,
      Map<Configuration, String> infeasible,
      List<ParetoResult.Excluded> unpriced) {
    public Ranking {
      ranked = List.copyOf(ranked);
      // in the order given (Optimum's is by configuration key): same input, same output bytes
      infeasible = Collections.unmodifiableMap(new LinkedHashMap<>(infeasible));
      unpriced = List.copyOf(unpriced);
    }
  }

  /**
   * Ranks configurations by USD per 1M output tokens at their cheapest point meeting {@code slo}
   * (e.g. {@code ttft.p95<=4s,itl.p95<=65ms}; empty for no constraint).
   */
  public static Ranking atSlo(
      Collection<? extends BenchmarkPoint> points,
      String slo,
      CostEstimator costs,
      PricingModel model) {
    Optimum o = Optimum.cheapest(costs, model, CostEstimate.Tokens.OUTPUT);
    if (slo != null && !slo.isBlank()) {
      o = o.subjectTo(slo);
    }
    return of(o.over(points), costs, model);
  }

  /**
   * The ranking of an {@link Optimum#cheapest} result for USD per 1M output tokens under {@code
   * model}, priced by the same {@code costs}: for callers that already have that result.
   */
  public static Ranking of(Optimum.Result r, CostEstimator costs, PricingModel model) {
    List<Entry> ranked = new ArrayList<>();
    double cheapest = r.ranked().isEmpty() ? Double.NaN : r.ranked().get(0).objective();
    for (Optimum.Candidate c : r.ranked()) {
      CostEstimate cost = costs.estimate(c.point(), model).orElseThrow();
      double v = c.objective();
      ranked.add(
          new Entry(
              c.configuration(),
              c.point(),
              c.loadLevel(),
              cost,
              v,
              v > 0 ? (v - cheapest) / v * 100 : 0));
    }
    StringBuilder slo = new StringBuilder();
    for (Constraint c : r.constraints()) {
      slo.append(slo.length() == 0 ? "" : ",").append(c.text());
    }
    return new Ranking(model, slo.toString(), ranked, r.infeasible(), r.unchecked());
  }

  /**
   * One point on a cost frontier.
   *
   * @param point the point
   * @param throughput its value of the frontier's throughput measure (output tokens/s unless the
   *     caller chose another, e.g. per chip)
   * @param perMillionOutputTokens its USD per 1M output tokens
   * @param cost the cost, with its row
   */
  public record FrontierPoint(
      BenchmarkPoint point, double throughput, double perMillionOutputTokens, CostEstimate cost) {}

  /**
   * Per pricing model, the points no other point beats on both output throughput (higher) and USD
   * per 1M output tokens (lower), by ascending throughput. Points without either are left out; a
   * pricing model with no priced point is absent.
   */
  public static Map<PricingModel, List<FrontierPoint>> frontiers(
      Collection<? extends BenchmarkPoint> points, CostEstimator costs) {
    Map<PricingModel, List<FrontierPoint>> out = new EnumMap<>(PricingModel.class);
    for (PricingModel m : PricingModel.values()) {
      List<FrontierPoint> front = frontier(points, costs, m, Measure.of(Metric.OUTPUT_THROUGHPUT));
      if (!front.isEmpty()) {
        out.put(m, front);
      }
    }
    return out;
  }

  /**
   * Under {@code model}, the points no other point beats on both {@code throughput} (higher) and
   * USD per 1M output tokens (lower), by ascending throughput; points without either are left out.
   */
  public static List<FrontierPoint> frontier(
      Collection<? extends BenchmarkPoint> points,
      CostEstimator costs,
      PricingModel model,
      Measure throughput) {
    List<FrontierPoint> priced = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      OptionalDouble tps = throughput.valueOf(p);
      costs
          .estimate(p, model)
          .filter(c -> c.perMillionOutputTokens() != null && tps.isPresent())
          .ifPresent(
              c ->
                  priced.add(
                      new FrontierPoint(p, tps.getAsDouble(), c.perMillionOutputTokens(), c)));
    }
    if (priced.isEmpty()) {
      return List.of();
    }
    double[][] cols = new double[2][priced.size()];
    for (int i = 0; i < priced.size(); i++) {
      cols[0][i] = priced.get(i).throughput();
      cols[1][i] = priced.get(i).perMillionOutputTokens();
    }
    List<FrontierPoint> front = new ArrayList<>();
    for (int i :
        Pareto.frontierIndices(cols, Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)) {
      front.add(priced.get(i));
    }
    front.sort(Comparator.comparingDouble(FrontierPoint::throughput));
    return List.copyOf(front);
  }
}
