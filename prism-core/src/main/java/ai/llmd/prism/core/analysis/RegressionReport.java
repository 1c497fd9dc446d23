package ai.llmd.prism.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Version-to-version changes on matched configurations: per configuration and measure, the
 * geometric means over the common load levels (concurrency above 1 where concurrency is known) and
 * the percent change, judged against a significance band in the measure's direction. Nothing
 * unmatched is dropped: it is listed.
 *
 * @param bandPercent changes smaller than this (in absolute percent) count as unchanged
 * @param changes one per matched configuration and measure, by configuration then measure order
 * @param onlyInBaseline configurations the candidate lacks
 * @param onlyInCandidate configurations the baseline lacks
 * @param unmatchedLoads load levels of matched configurations present on one side only
 */
public record RegressionReport(
    double bandPercent,
    List<Change> changes,
    List<Configuration> onlyInBaseline,
    List<Configuration> onlyInCandidate,
    List<UnmatchedLoad> unmatchedLoads) {

  public RegressionReport {
    changes = List.copyOf(changes);
    onlyInBaseline = List.copyOf(onlyInBaseline);
    onlyInCandidate = List.copyOf(onlyInCandidate);
    unmatchedLoads = List.copyOf(unmatchedLoads);
  }

  /** What a change means for a measure with a direction. */
  public enum Verdict {
    IMPROVED,
    REGRESSED,
    /** Within the significance band. */
    UNCHANGED,
    /** No common load level with a positive value on both sides. */
    NO_DATA
  }

  /**
   * One measure of one matched configuration.
   *
   * @param configuration the matched configuration (without engine version)
   * @param measure the measure
   * @param loads the load levels compared
   * @param baseline the baseline's geometric mean over {@code loads}, or NaN with no data
   * @param candidate the candidate's geometric mean, or NaN
   * @param percentChange (candidate − baseline) / baseline × 100, or NaN
   * @param verdict improvement or regression in the measure's own direction
   */
  public record Change(
      Configuration configuration,
      Measure measure,
      List<String> loads,
      double baseline,
      double candidate,
      double percentChange,
      Verdict verdict) {
    public Change {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(measure, "measure");
      loads = List.copyOf(loads);
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * A load level of a matched configuration that only one side measured.
   *
   * @param configuration the configuration (without engine version)
   * @param load the load level, e.g. {@code concurrency 8}
   * @param inBaseline true when only the baseline has it, false when only the candidate does
   */
  public record UnmatchedLoad(Configuration configuration, String load, boolean inBaseline) {
    public UnmatchedLoad {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(load, "load");
    }
  }

  /** The changes with a given verdict. */
  public List<Change> withVerdict(Verdict v) {
    return changes.stream().filter(c -> c.verdict() == v).toList();
  }
}
