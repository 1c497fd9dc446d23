package ai.llmd.prism.core.findings;

import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Pareto frontier of one group of points over two or more measures, each in its own direction.
 *
 * @param group the group's value (e.g. an accelerator), or {@code all} when ungrouped
 * @param measures the measures, in the order the entries' values are
 * @param considered how many points of the group had both values
 * @param frontier the points on the frontier, in the order {@link ParetoResult#frontier()} gives
 * @param knee the frontier point of best balance, or {@code null} with fewer than three
 * @param excluded points of the group lacking a value, with the reason
 */
public record Frontier(
    String group,
    List<Measure> measures,
    int considered,
    List<ParetoResult.Entry> frontier,
    ParetoResult.Entry knee,
    List<ParetoResult.Excluded> excluded) {

  public Frontier {
    Objects.requireNonNull(group, "group");
    measures = List.copyOf(measures);
    frontier = List.copyOf(frontier);
    excluded = List.copyOf(excluded);
  }

  static Frontier of(String group, ParetoResult r) {
    return new Frontier(
        group, r.measures(), r.entries().size(), r.frontier(), r.knee().orElse(null), r.excluded());
  }

  /** The knee, when there is one. */
  public Optional<ParetoResult.Entry> kneePoint() {
    return Optional.ofNullable(knee);
  }
}
