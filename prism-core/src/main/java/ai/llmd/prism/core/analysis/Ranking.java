package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The top configurations by one measure within each group; each configuration is represented by its
 * best point, so one configuration's load levels do not crowd out the others.
 *
 * @param measure what was ranked, in its own direction
 * @param groups group key to its top entries, best first; groups in the order first seen
 * @param excluded points lacking the measure, with the reason
 */
public record Ranking<K>(
    Measure measure, Map<K, List<Entry>> groups, List<ParetoResult.Excluded> excluded) {

  public Ranking {
    Objects.requireNonNull(measure, "measure");
    groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    excluded = List.copyOf(excluded);
  }

  /**
   * One ranked configuration.
   *
   * @param rank 1-based competition rank (equal values share a rank: 1, 1, 3)
   * @param configuration the configuration key
   * @param point its best point
   * @param value the measure there
   */
  public record Entry(int rank, String configuration, BenchmarkPoint point, double value) {}
}
