package ai.llmd.prism.core.findings;

import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.ParetoResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configurations that best meet an objective under the SLO: the winner, the runners-up, the
 * configurations that never meet it, and the points that could not be checked.
 *
 * @param objective what was optimised, e.g. {@code maximise output_throughput.mean per accelerator}
 * @param unit the objective's unit, e.g. {@code tokens/s per chip}
 * @param slo the constraints
 * @param ranked every configuration with a feasible point, best first
 * @param infeasible configurations with no feasible point, with the first violation seen
 * @param unchecked points whose objective or a constrained value is missing, with the reason
 */
public record Winners(
    String objective,
    String unit,
    List<Constraint> slo,
    List<Optimum.Candidate> ranked,
    Map<Configuration, String> infeasible,
    List<ParetoResult.Excluded> unchecked) {

  public Winners {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(unit, "unit");
    slo = List.copyOf(slo);
    ranked = List.copyOf(ranked);
    infeasible = Collections.unmodifiableMap(new LinkedHashMap<>(infeasible));
    unchecked = List.copyOf(unchecked);
  }

  static Winners of(Optimum.Result r, String unit) {
    return new Winners(
        r.objective(), unit, r.constraints(), r.ranked(), r.infeasible(), r.unchecked());
  }

  /** The best configuration, or empty when none meets the SLO. */
  public Optional<Optimum.Candidate> winner() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  /** The other feasible configurations, best first. */
  public List<Optimum.Candidate> runnersUp() {
    return ranked.isEmpty() ? List.of() : ranked.subList(1, ranked.size());
  }
}
