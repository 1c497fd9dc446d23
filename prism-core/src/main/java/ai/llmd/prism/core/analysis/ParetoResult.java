package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Pareto frontier over some measures: every considered point with its values and frontier
 * membership, the frontier itself, exact ties on it, the knee, and the points that could not be
 * considered (with the reason).
 */
public final class ParetoResult {

  /**
   * One considered point.
   *
   * @param point the point
   * @param values its value for each measure, in measure order
   * @param onFrontier whether no other point dominates it
   */
  public record Entry(BenchmarkPoint point, List<Double> values, boolean onFrontier) {
    public Entry {
      Objects.requireNonNull(point, "point");
      values = List.copyOf(values);
    }
  }

  /**
   * A point left out because a measure has no value there.
   *
   * @param point the point
   * @param reason why, e.g. {@code ttft has no p90 (the source gave mean, p50)}
   */
  public record Excluded(BenchmarkPoint point, String reason) {
    public Excluded {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final List<Measure> measures;
  private final List<Entry> entries;
  private final List<Entry> frontier;
  private final List<List<Entry>> ties;
  private final Entry knee;
  private final List<Excluded> excluded;
  private final Set<BenchmarkPoint> onFrontier = Collections.newSetFromMap(new IdentityHashMap<>());

  ParetoResult(
      List<Measure> measures,
      List<Entry> entries,
      List<Entry> frontier,
      List<List<Entry>> ties,
      Entry knee,
      List<Excluded> excluded) {
    this.measures = List.copyOf(measures);
    this.entries = List.copyOf(entries);
    this.frontier = List.copyOf(frontier);
    this.ties = ties.stream().map(List::copyOf).toList();
    this.knee = knee;
    this.excluded = List.copyOf(excluded);
    for (Entry e : frontier) {
      onFrontier.add(e.point());
    }
  }

  /** The measures, in the order given. */
  public List<Measure> measures() {
    return measures;
  }

  /** Every considered point, in input order, with its membership. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The frontier, ordered by the first measure's value ascending, then the next measures, then
   * input order (a line through it draws left to right).
   */
  public List<Entry> frontier() {
    return frontier;
  }

  /** The frontier's points, in {@link #frontier()} order. */
  public List<BenchmarkPoint> frontierPoints() {
    return frontier.stream().map(Entry::point).toList();
  }

  /** Groups (two or more) of frontier points with exactly equal values on every measure. */
  public List<List<Entry>> ties() {
    return ties;
  }

  /**
   * The frontier point closest to the utopia point after min-max normalising each measure over the
   * frontier; empty when the frontier is empty. Ties go to the earlier point in frontier order.
   */
  public Optional<Entry> knee() {
    return Optional.ofNullable(knee);
  }

  /** Points not considered, in input order, each with the reason. */
  public List<Excluded> excluded() {
    return excluded;
  }

  /** Whether {@code point} (the same instance) is on the frontier. */
  public boolean isOnFrontier(BenchmarkPoint point) {
    return onFrontier.contains(point);
  }

  @Override
  public String toString() {
    return "ParetoResult{measures="
        + measures
        + ", frontier="
        + frontier.size()
        + "/"
        + entries.size()
        + ", excluded="
        + excluded.size()
        + "}";
  }
}
