package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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
   * @param baselinePoints the baseline's point at each of {@code loads}, in the same order
   * @param candidatePoints the candidate's point at each of {@code loads}, in the same order
   * @param baseline the baseline's geometric mean over {@code loads}, or NaN with no data
   * @param candidate the candidate's geometric mean, or NaN
   * @param percentChange (candidate − baseline) / baseline × 100, or NaN
   * @param verdict improvement or regression in the measure's own direction
   */
  public record Change(
      Configuration configuration,
      Measure measure,
      List<String> loads,
      List<BenchmarkPoint> baselinePoints,
      List<BenchmarkPoint> candidatePoints,
      double baseline,
      double candidate,
      double percentChange,
      Verdict verdict) {
    /** Copies the lists; each side has one point per load level. */
    public Change {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(measure, "measure");
      loads = List.copyOf(loads);
      baselinePoints = List.copyOf(baselinePoints);
      candidatePoints = List.copyOf(candidatePoints);
      if (baselinePoints.size() != loads.size() || candidatePoints.size() != loads.size()) {
        throw new IllegalArgumentException(
            "one baseline and one candidate point per load level: "
                + loads.size()
                + " loads, "
                + baselinePoints.size()
                + " and "
                + candidatePoints.size()
                + " points");
      }
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * The change of one measure over a set of matched configurations: the geometric mean of their
   * candidate-to-baseline ratios, as a percent change judged against the band like each change.
   *
   * @param measure the measure
   * @param configurations how many changes with data it averages
   * @param percentChange (geometric mean of candidate / baseline − 1) × 100, or NaN with none
   * @param verdict the verdict of {@code percentChange}; {@link Verdict#NO_DATA} with none
   */
  public record Geomean(
      Measure measure, int configurations, double percentChange, Verdict verdict) {
    /** Checks the measure and verdict are present. */
    public Geomean {
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * Per measure (in the order of {@link #changes}), the geometric mean of the changes {@code keep}
   * accepts, over those with data: what a view filtered to some configurations shows.
   */
  public List<Geomean> geomeans(Predicate<? super Change> keep) {
    Map<Measure, double[]> sums = new LinkedHashMap<>(); // measure -> {sum of log ratios, count}
    for (Change c : changes) {
      double[] s = sums.computeIfAbsent(c.measure(), k -> new double[2]);
      if (c.verdict() != Verdict.NO_DATA && keep.test(c)) {
        s[0] += Math.log(c.candidate() / c.baseline());
        s[1]++;
      }
    }
    List<Geomean> out = new ArrayList<>(sums.size());
    sums.forEach(
        (m, s) -> {
          int n = (int) s[1];
          if (n == 0) {
            out.add(new Geomean(m, 0, Double.NaN, Verdict.NO_DATA));
          } else {
            double pct = (Math.exp(s[0] / n) - 1) * 100;
            out.add(new Geomean(m, n, pct, verdict(m, pct, bandPercent)));
          }
        });
    return out;
  }

  /** The verdict of a percent change of {@code m} against a band of ± {@code band} percent. */
  static Verdict verdict(Measure m, double percentChange, double band) {
    if (Math.abs(percentChange) < band) {
      return Verdict.UNCHANGED;
    }
    return m.direction().compare(percentChange, 0) > 0 ? Verdict.IMPROVED : Verdict.REGRESSED;
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

  /**
   * Every configuration the report names, once each, in the order changes, baseline-only,
   * candidate-only and unmatched loads name them: what a table of the report gives short names.
   */
  public List<Configuration> configurations() {
    Set<Configuration> all = new LinkedHashSet<>();
    changes.forEach(c -> all.add(c.configuration()));
    all.addAll(onlyInBaseline);
    all.addAll(onlyInCandidate);
    unmatchedLoads.forEach(u -> all.add(u.configuration()));
    return List.copyOf(all);
  }

  /** The changes with a given verdict. */
  public List<Change> withVerdict(Verdict v) {
    return changes.stream().filter(c -> c.verdict() == v).toList();
  }
}
