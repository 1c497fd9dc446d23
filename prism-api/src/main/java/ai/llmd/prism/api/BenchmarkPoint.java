package ai.llmd.prism.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One measured operating point: one load level of one configuration, with its metrics and where
 * they came from.
 *
 * @param scenario what was held fixed
 * @param metrics what was measured (or derived)
 * @param costs costs per pricing model that the source stated; empty for most sources
 * @param labels other facts from the source worth keeping (run id, release, description), sorted
 * @param provenance where the point came from
 */
public record BenchmarkPoint(
    Scenario scenario,
    Metrics metrics,
    List<Cost> costs,
    Map<String, String> labels,
    Provenance provenance) {

  public BenchmarkPoint {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(metrics, "metrics");
    costs = List.copyOf(Objects.requireNonNull(costs, "costs"));
    labels = Labels.of(Objects.requireNonNull(labels, "labels"));
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A point with no costs and no labels. */
  public BenchmarkPoint(Scenario scenario, Metrics metrics, Provenance provenance) {
    this(scenario, metrics, List.of(), Map.of(), provenance);
  }

  /** Shorthand for {@code scenario().model()}. */
  public ModelRef model() {
    return scenario.model();
  }

  /** Shorthand for {@code scenario().deployment()}. */
  public Deployment deployment() {
    return scenario.deployment();
  }

  /** Shorthand for {@code scenario().workload()}. */
  public Workload workload() {
    return scenario.workload();
  }
}
