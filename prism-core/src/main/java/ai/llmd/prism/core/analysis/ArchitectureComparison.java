package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.Architecture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregated against disaggregated serving on matched workloads (same model, accelerator and
 * ISL/OSL buckets): at each latency target, the best throughput either architecture reaches while
 * meeting it, and which wins.
 *
 * @param throughput what is compared (e.g. output throughput per accelerator)
 * @param latency the latency the targets bound
 * @param rows one row per matched workload and target, in workload then target order
 * @param excluded points not compared, with the reason (unknown architecture, missing values)
 */
public record ArchitectureComparison(
    Measure throughput, Measure latency, List<Row> rows, List<ParetoResult.Excluded> excluded) {

  public ArchitectureComparison {
    Objects.requireNonNull(throughput, "throughput");
    Objects.requireNonNull(latency, "latency");
    rows = List.copyOf(rows);
    excluded = List.copyOf(excluded);
  }

  /**
   * One workload at one latency target.
   *
   * @param workload what is matched: model, accelerator, ISL and OSL bucket
   * @param latencyTarget the bound on the latency measure, in its canonical unit
   * @param aggregated the best aggregated point meeting it, or {@code null} when none does
   * @param disaggregated the best disaggregated point meeting it, or {@code null}
   */
  public record Row(
      WorkloadGroup workload,
      double latencyTarget,
      Optimum.Candidate aggregated,
      Optimum.Candidate disaggregated) {

    /** The architecture with the higher throughput; empty on a tie or when neither qualifies. */
    public Optional<Architecture> winner() {
      if (aggregated == null && disaggregated == null) {
        return Optional.empty();
      }
      if (aggregated == null) {
        return Optional.of(Architecture.DISAGGREGATED);
      }
      if (disaggregated == null) {
        return Optional.of(Architecture.AGGREGATED);
      }
      int c = Double.compare(disaggregated.objective(), aggregated.objective());
      return c == 0
          ? Optional.empty()
          : Optional.of(c > 0 ? Architecture.DISAGGREGATED : Architecture.AGGREGATED);
    }

    /** How much more the winner delivers than the other, in percent; empty unless both qualify. */
    public Optional<Double> advantagePercent() {
      if (aggregated == null || disaggregated == null) {
        return Optional.empty();
      }
      double hi = Math.max(aggregated.objective(), disaggregated.objective());
      double lo = Math.min(aggregated.objective(), disaggregated.objective());
      return lo > 0 ? Optional.of((hi - lo) / lo * 100) : Optional.empty();
    }
  }
}
