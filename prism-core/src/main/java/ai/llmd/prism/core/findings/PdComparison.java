package ai.llmd.prism.core.findings;

import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.WorkloadGroup;
import java.util.List;
import java.util.Objects;

/**
 * Prefill/decode disaggregated against aggregated serving, per matched workload group: the best
 * throughput each reaches under each latency target. A group that has only one side is kept and
 * says so ({@link Sides}); outputs decide how to show it, nothing drops it silently.
 *
 * @param throughput what is compared, e.g. {@code output_throughput.mean per accelerator}
 * @param latency the latency the targets bound
 * @param targets the latency targets, ascending, in the latency's canonical unit
 * @param groups one per workload group, by group key
 * @param excluded points not compared, with the reason
 */
public record PdComparison(
    Measure throughput,
    Measure latency,
    List<Double> targets,
    List<Group> groups,
    List<ParetoResult.Excluded> excluded) {

  public PdComparison {
    Objects.requireNonNull(throughput, "throughput");
    Objects.requireNonNull(latency, "latency");
    targets = List.copyOf(targets);
    groups = List.copyOf(groups);
    excluded = List.copyOf(excluded);
  }

  /** Which architectures a workload group has points of. */
  public enum Sides {
    /** Both: the rows compare them. */
    BOTH,
    /** Only aggregated points: nothing to compare against. */
    AGGREGATED_ONLY,
    /** Only disaggregated points: nothing to compare against. */
    DISAGGREGATED_ONLY
  }

  /**
   * One workload group.
   *
   * @param workload model, accelerator, ISL and OSL bucket
   * @param sides which architectures it has points of
   * @param rows one per latency target, ascending
   */
  public record Group(WorkloadGroup workload, Sides sides, List<ArchitectureComparison.Row> rows) {
    public Group {
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(sides, "sides");
      rows = List.copyOf(rows);
    }
  }

  /** The groups that have both sides. */
  public List<Group> compared() {
    return groups.stream().filter(g -> g.sides() == Sides.BOTH).toList();
  }
}
