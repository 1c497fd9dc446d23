package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.PricingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * An SLO-constrained optimum: the configuration whose best point under the constraints has the best
 * objective, e.g. "maximise output throughput per accelerator subject to {@code
 * ttft.p90<=500ms,tpot.mean<=50ms}" or "minimise $/1M output tokens subject to ...". Each other
 * configuration's best feasible point is a runner-up.
 */
public final class Optimum {

  /**
   * One configuration's best point under the constraints.
   *
   * @param configuration the configuration
   * @param point the best feasible point of that configuration
   * @param loadLevel the load it runs at, e.g. {@code concurrency 64}
   * @param objective the objective's value there
   */
  public record Candidate(
      Configuration configuration, BenchmarkPoint point, String loadLevel, double objective) {
    public Candidate {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(loadLevel, "loadLevel");
    }
  }

  /**
   * The outcome.
   *
   * @param objective what was optimised, e.g. {@code maximise output_throughput.mean per
   *     accelerator}
   * @param constraints the constraints
   * @param ranked every configuration with a feasible point, best first (ties by configuration)
   * @param infeasible configurations with no feasible point, each with the first violation seen
   * @param unchecked points whose objective or a constrained value is missing, with the reason
   */
  public record Result(
      String objective,
      List<Constraint> constraints,
      List<Candidate> ranked,
      Map<Configuration, String> infeasible,
      List<ParetoResult.Excluded> unchecked) {
    public Result {
      constraints = List.copyOf(constraints);
      ranked = List.copyOf(ranked);
      infeasible = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(infeasible));
      unchecked = List.copyOf(unchecked);
    }

    /** The best configuration, or empty when none meets the constraints. */
    public Optional<Candidate> winner() {
      return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** The other feasible configurations, best first. */
    public List<Candidate> runnersUp() {
      return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
    }
  }

  private final String name;
  private final Direction direction;
  private final Function<BenchmarkPoint, OptionalDouble> value;
  private final Function<BenchmarkPoint, String> whyAbsent;
  private final List<Constraint> constraints;

  private Optimum(
      String name,
      Direction direction,
      Function<BenchmarkPoint, OptionalDouble> value,
      Function<BenchmarkPoint, String> whyAbsent,
      List<Constraint> constraints) {
    this.name = name;
    this.direction = direction;
    this.value = value;
    this.whyAbsent = whyAbsent;
    this.constraints = List.copyOf(constraints);
  }

  /** Optimise {@code measure} in its metric's direction (refused for NEUTRAL metrics). */
  public static Optimum best(Measure measure) {
    if (measure.direction() == Direction.NEUTRAL) {
      throw new IllegalArgumentException(
          measure.metric().key() + " has no better direction (NEUTRAL) and cannot be optimised");
    }
    String verb = measure.direction() == Direction.HIGHER_IS_BETTER ? "maximise " : "minimise ";
    return new Optimum(
        verb + measure,
        measure.direction(),
        measure::valueOf,
        p -> measure.whyAbsent(p).orElse(measure + " is absent"),
        List.of());
  }

  /**
   * Minimise the USD per million {@code tokens} under {@code model}, as priced by {@code costs}.
   */
  public static Optimum cheapest(
      CostEstimator costs, PricingModel model, CostEstimate.Tokens tokens) {
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tokens, "tokens");
    return new Optimum(
        "minimise USD per 1M "
            + tokens.name().toLowerCase(java.util.Locale.ROOT)
            + " tokens ("
            + model.key()
            + ")",
        Direction.LOWER_IS_BETTER,
        p -> costs.estimate(p, model).map(c -> c.perMillion(tokens)).orElse(OptionalDouble.empty()),
        p ->
            costs
                .whyNoPrice(p, model)
                .orElse("no " + tokens.name().toLowerCase(java.util.Locale.ROOT) + " token price"),
        List.of());
  }

  /** The same objective under these constraints, e.g. {@code ttft.p90<=500ms,tpot.mean<=50ms}. */
  public Optimum subjectTo(String constraintList) {
    return subjectTo(Constraint.parseAll(constraintList));
  }

  /** The same objective under these constraints. */
  public Optimum subjectTo(List<Constraint> cs) {
    List<Constraint> all = new ArrayList<>(constraints);
    all.addAll(cs);
    return new Optimum(name, direction, value, whyAbsent, all);
  }

  /** Finds the optimum over {@code points}. */
  public Result over(Collection<? extends BenchmarkPoint> points) {
    Map<Configuration, Candidate> best = new LinkedHashMap<>();
    Map<Configuration, String> misses = new LinkedHashMap<>();
    List<ParetoResult.Excluded> unchecked = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      OptionalDouble v = value.apply(p);
      if (v.isEmpty()) {
        unchecked.add(new ParetoResult.Excluded(p, whyAbsent.apply(p)));
        continue;
      }
      String violation = null;
      String missing = null;
      for (Constraint c : constraints) {
        Optional<Boolean> ok = c.test(p);
        if (ok.isEmpty()) {
          missing = c.measure().whyAbsent(p).orElse(c.text() + " cannot be checked");
          break;
        }
        if (!ok.get() && violation == null) {
          violation =
              c.text()
                  + " violated at "
                  + Configuration.loadLevel(p)
                  + " ("
                  + c.measure().valueOf(p).getAsDouble()
                  + " "
                  + c.measure().metric().unit()
                  + ")";
        }
      }
      if (missing != null) {
        unchecked.add(new ParetoResult.Excluded(p, missing));
        continue;
      }
      Configuration config = Configuration.of(p); // only for points that count: it builds a key
      if (violation != null) {
        misses.putIfAbsent(config, violation);
        continue;
      }
      Candidate cand = new Candidate(config, p, Configuration.loadLevel(p), v.getAsDouble());
      best.merge(
          config, cand, (a, b) -> direction.compare(b.objective(), a.objective()) > 0 ? b : a);
    }
    List<Candidate> ranked = new ArrayList<>(best.values());
    ranked.sort(
        Comparator.<Candidate>comparingDouble(
                c -> direction == Direction.HIGHER_IS_BETTER ? -c.objective() : c.objective())
            .thenComparing(Candidate::configuration));
    Map<Configuration, String> infeasible = new java.util.TreeMap<>();
    misses.forEach(
        (k, why) -> {
          if (!best.containsKey(k)) {
            infeasible.put(k, why);
          }
        });
    return new Result(name, constraints, ranked, infeasible, unchecked);
  }
}
