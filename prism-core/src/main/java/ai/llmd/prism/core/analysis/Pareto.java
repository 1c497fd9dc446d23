package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Pareto frontiers over two or more measures, each optimised in its metric's own direction, with
 * exact dominance: a point is dominated only by one at least as good on every measure and strictly
 * better on one, so exact duplicates are both kept (and reported as ties). Two measures take an O(n
 * log n) sort and sweep; more take a presorted sort-filter skyline, O(n log n + n·h) for h frontier
 * points. Large inputs are first thinned by pivots from a sample's frontier, which keeps the result
 * exact.
 */
public final class Pareto {

  private Pareto() {}

  /** The frontier of {@code points} over {@code measures}. */
  public static ParetoResult frontier(
      Collection<? extends BenchmarkPoint> points, Measure... measures) {
    return frontier(points, List.of(measures));
  }

  /** The frontier of {@code points} over {@code measures}. */
  public static ParetoResult frontier(
      Collection<? extends BenchmarkPoint> points, List<Measure> measures) {
    checkMeasures(measures);
    return compute(List.copyOf(points), measures);
  }

  /**
   * One frontier per group, grouping in one pass by {@code groupKey} (e.g. accelerator name or
   * architecture). Groups appear in the order their first point does; a {@code null} key is a group
   * of its own.
   */
  public static <K> Map<K, ParetoResult> frontiers(
      Collection<? extends BenchmarkPoint> points,
      Function<? super BenchmarkPoint, ? extends K> groupKey,
      Measure... measures) {
    List<Measure> ms = List.of(measures);
    checkMeasures(ms);
    Map<K, List<BenchmarkPoint>> groups = new LinkedHashMap<>();
    for (BenchmarkPoint p : points) {
      groups.computeIfAbsent(groupKey.apply(p), k -> new ArrayList<>()).add(p);
    }
    Map<K, ParetoResult> out = new LinkedHashMap<>();
    groups.forEach((k, g) -> out.put(k, compute(g, ms)));
    return out;
  }

  /**
   * The primitive core, for callers holding columns already: {@code columns[k][i]} is measure
   * {@code k} of row {@code i}, improving in {@code directions[k]}. Returns the indices of the
   * non-dominated rows, ascending.
   *
   * @throws IllegalArgumentException on fewer than two columns, ragged columns, a NEUTRAL direction
   *     or a NaN value
   */
  public static int[] frontierIndices(double[][] columns, Direction... directions) {
    if (columns.length < 2 || columns.length != directions.length) {
      throw new IllegalArgumentException(
          "need two or more columns, one direction each; got "
              + columns.length
              + " columns and "
              + directions.length
              + " directions");
    }
    int n = columns[0].length;
    double[][] oriented = new double[columns.length][];
    for (int k = 0; k < columns.length; k++) {
      if (columns[k].length != n) {
        throw new IllegalArgumentException("column " + k + " has a different length");
      }
      oriented[k] = orient(columns[k], directions[k], "column " + k);
    }
    return Skyline.compute(oriented);
  }

  private static double[] orient(double[] col, Direction d, String what) {
    if (d == Direction.NEUTRAL) {
      throw new IllegalArgumentException(
          what + " has no direction (NEUTRAL): it cannot be optimised");
    }
    double[] out = new double[col.length];
    boolean negate = d == Direction.LOWER_IS_BETTER;
    for (int i = 0; i < col.length; i++) {
      double v = col[i];
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(what + " row " + i + " is NaN");
      }
      out[i] = negate ? -v : v;
    }
    return out;
  }

  private static void checkMeasures(List<Measure> measures) {
    if (measures.size() < 2) {
      throw new IllegalArgumentException("a Pareto frontier needs two or more measures");
    }
    for (Measure m : measures) {
      Objects.requireNonNull(m, "measure");
      if (m.direction() == Direction.NEUTRAL) {
        throw new IllegalArgumentException(
            m.metric().key()
                + " has no better direction (NEUTRAL), so it cannot be a Pareto objective");
      }
    }
  }

  private static ParetoResult compute(List<? extends BenchmarkPoint> points, List<Measure> ms) {
    int d = ms.size();
    List<BenchmarkPoint> kept = new ArrayList<>(points.size());
    List<ParetoResult.Excluded> excluded = new ArrayList<>();
    double[][] raw = new double[d][points.size()];
    for (BenchmarkPoint p : points) {
      int row = kept.size();
      String reason = null;
      for (int k = 0; k < d && reason == null; k++) {
        OptionalDouble v = ms.get(k).valueOf(p);
        if (v.isPresent()) {
          raw[k][row] = v.getAsDouble();
        } else {
          reason = ms.get(k).whyAbsent(p).orElse(ms.get(k) + " is absent");
        }
      }
      if (reason == null) {
        kept.add(p);
      } else {
        excluded.add(new ParetoResult.Excluded(p, reason));
      }
    }
    int n = kept.size();
    double[][] cols = new double[d][];
    Direction[] dirs = new Direction[d];
    for (int k = 0; k < d; k++) {
      cols[k] = Arrays.copyOf(raw[k], n);
      dirs[k] = ms.get(k).direction();
    }
    int[] front = n == 0 ? new int[0] : frontierIndices(cols, dirs);
    boolean[] on = new boolean[n];
    for (int i : front) {
      on[i] = true;
    }
    List<ParetoResult.Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Double> vals = new ArrayList<>(d);
      for (int k = 0; k < d; k++) {
        vals.add(cols[k][i]);
      }
      entries.add(new ParetoResult.Entry(kept.get(i), vals, on[i]));
    }
    Integer[] fo = new Integer[front.length];
    for (int j = 0; j < front.length; j++) {
      fo[j] = front[j];
    }
    Comparator<Integer> byValues =
        (a, b) -> {
          for (int k = 0; k < d; k++) {
            int c = Double.compare(cols[k][a] + 0.0, cols[k][b] + 0.0);
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    Arrays.sort(fo, byValues.thenComparing(Comparator.naturalOrder()));
    List<ParetoResult.Entry> frontier = new ArrayList<>(fo.length);
    List<List<ParetoResult.Entry>> ties = new ArrayList<>();
    List<ParetoResult.Entry> run = new ArrayList<>();
    for (int j = 0; j < fo.length; j++) {
      ParetoResult.Entry e = entries.get(fo[j]);
      frontier.add(e);
      if (j > 0 && byValues.compare(fo[j - 1], fo[j]) == 0) {
        run.add(e);
      } else {
        if (run.size() > 1) {
          ties.add(run);
        }
        run = new ArrayList<>();
        run.add(e);
      }
    }
    if (run.size() > 1) {
      ties.add(run);
    }
    return new ParetoResult(ms, entries, frontier, ties, knee(frontier, dirs), excluded);
  }

  /** Closest to utopia after min-max normalisation over the frontier (1 = best on a measure). */
  private static ParetoResult.Entry knee(List<ParetoResult.Entry> frontier, Direction[] dirs) {
    if (frontier.isEmpty()) {
      return null;
    }
    int d = dirs.length;
    double[] min = new double[d];
    double[] max = new double[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (ParetoResult.Entry e : frontier) {
      for (int k = 0; k < d; k++) {
        double v = e.values().get(k);
        min[k] = Math.min(min[k], v);
        max[k] = Math.max(max[k], v);
      }
    }
    ParetoResult.Entry best = null;
    double bestDist = Double.POSITIVE_INFINITY;
    for (ParetoResult.Entry e : frontier) {
      double dist = 0;
      for (int k = 0; k < d; k++) {
        double range = max[k] - min[k];
        if (range > 0) {
          double norm = (e.values().get(k) - min[k]) / range;
          double goodness = dirs[k] == Direction.HIGHER_IS_BETTER ? norm : 1 - norm;
          dist += (1 - goodness) * (1 - goodness);
        }
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = e;
      }
    }
    return best;
  }
}
