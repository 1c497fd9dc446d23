package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/** Comparisons across sets of points: architectures, versions, and rankings. */
public final class Comparisons {

  private Comparisons() {}

  /**
   * Aggregated against disaggregated on matched workloads (model, accelerator, ISL and OSL bucket):
   * at each latency target, the best {@code throughput} each architecture reaches with {@code
   * latency} at most the target (in the latency metric's canonical unit).
   */
  public static ArchitectureComparison aggregatedVsDisaggregated(
      Collection<? extends BenchmarkPoint> points,
      Measure throughput,
      Measure latency,
      double... latencyTargets) {
    if (throughput.direction() != Direction.HIGHER_IS_BETTER) {
      throw new IllegalArgumentException(throughput + " is not a higher-is-better measure");
    }
    if (latency.direction() != Direction.LOWER_IS_BETTER) {
      throw new IllegalArgumentException(latency + " is not a lower-is-better measure");
    }
    List<ParetoResult.Excluded> excluded = new ArrayList<>();
    Map<WorkloadGroup, List<BenchmarkPoint>> groups = new TreeMap<>();
    for (BenchmarkPoint p : points) {
      if (p.deployment().architecture() == Architecture.UNKNOWN) {
        excluded.add(new ParetoResult.Excluded(p, "architecture unknown (no replica roles)"));
        continue;
      }
      groups.computeIfAbsent(Configuration.of(p).workloadGroup(), k -> new ArrayList<>()).add(p);
    }
    double[] targets = latencyTargets.clone();
    java.util.Arrays.sort(targets);
    List<ArchitectureComparison.Row> rows = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<WorkloadGroup, List<BenchmarkPoint>> g : groups.entrySet()) {
      List<BenchmarkPoint> agg = new ArrayList<>();
      List<BenchmarkPoint> dis = new ArrayList<>();
      for (BenchmarkPoint p : g.getValue()) {
        (p.deployment().architecture() == Architecture.AGGREGATED ? agg : dis).add(p);
      }
      for (double t : targets) {
        List<Constraint> c =
            List.of(
                new Constraint(
                    latency,
                    Constraint.Operator.AT_MOST,
                    t,
                    latency + "<=" + t + latency.metric().unit().symbol()));
        Optimum o = Optimum.best(throughput).subjectTo(c);
        Optimum.Result ra = o.over(agg);
        Optimum.Result rd = o.over(dis);
        if (first) {
          // the same points are unchecked at every target: report them once
          excluded.addAll(ra.unchecked());
          excluded.addAll(rd.unchecked());
          first = false;
        }
        rows.add(
            new ArchitectureComparison.Row(
                g.getKey(), t, ra.winner().orElse(null), rd.winner().orElse(null)));
      }
      first = true;
    }
    return new ArchitectureComparison(throughput, latency, rows, excluded);
  }

  /**
   * Version-to-version regression with configurations matched on every scenario dimension but the
   * engine version, and load levels matched exactly.
   *
   * @param bandPercent the significance band, e.g. 5.0 for ±5 %
   */
  public static RegressionReport regression(
      Collection<? extends BenchmarkPoint> baseline,
      Collection<? extends BenchmarkPoint> candidate,
      List<Measure> measures,
      double bandPercent) {
    return regression(
        baseline,
        candidate,
        measures,
        bandPercent,
        p -> Configuration.of(p).withoutEngineVersion());
  }

  /** The default significance band of ±5 %. */
  public static RegressionReport regression(
      Collection<? extends BenchmarkPoint> baseline,
      Collection<? extends BenchmarkPoint> candidate,
      List<Measure> measures) {
    return regression(baseline, candidate, measures, 5.0);
  }

  private static RegressionReport regression(
      Collection<? extends BenchmarkPoint> baseline,
      Collection<? extends BenchmarkPoint> candidate,
      List<Measure> measures,
      double bandPercent,
      Function<? super BenchmarkPoint, Configuration> matchKey) {
    for (Measure m : measures) {
      if (m.direction() == Direction.NEUTRAL) {
        throw new IllegalArgumentException(
            m.metric().key() + " has no better direction (NEUTRAL): no regression to judge");
      }
    }
    if (!(bandPercent >= 0)) {
      throw new IllegalArgumentException("bandPercent must be non-negative");
    }
    Map<Configuration, Map<String, BenchmarkPoint>> base = byConfigAndLoad(baseline, matchKey);
    Map<Configuration, Map<String, BenchmarkPoint>> cand = byConfigAndLoad(candidate, matchKey);
    List<RegressionReport.Change> changes = new ArrayList<>();
    List<Configuration> onlyBase = new ArrayList<>();
    List<Configuration> onlyCand = new ArrayList<>();
    List<RegressionReport.UnmatchedLoad> unmatchedLoads = new ArrayList<>();
    for (Configuration k : base.keySet()) {
      if (!cand.containsKey(k)) {
        onlyBase.add(k);
      }
    }
    for (Configuration k : cand.keySet()) {
      if (!base.containsKey(k)) {
        onlyCand.add(k);
      }
    }
    for (Map.Entry<Configuration, Map<String, BenchmarkPoint>> e : base.entrySet()) {
      Map<String, BenchmarkPoint> c = cand.get(e.getKey());
      if (c == null) {
        continue;
      }
      Map<String, BenchmarkPoint> b = e.getValue();
      List<String> common = new ArrayList<>();
      for (String load : b.keySet()) {
        if (c.containsKey(load)) {
          common.add(load);
        } else {
          unmatchedLoads.add(new RegressionReport.UnmatchedLoad(e.getKey(), load, true));
        }
      }
      for (String load : c.keySet()) {
        if (!b.containsKey(load)) {
          unmatchedLoads.add(new RegressionReport.UnmatchedLoad(e.getKey(), load, false));
        }
      }
      // Concurrency 1 measures a different regime (no batching): left out where concurrency is
      // known, as perfdash does.
      List<String> used = new ArrayList<>();
      for (String load : common) {
        Double conc = b.get(load).workload().concurrency();
        if (conc == null || conc > 1) {
          used.add(load);
        }
      }
      for (Measure m : measures) {
        changes.add(change(e.getKey(), m, used, b, c, bandPercent));
      }
    }
    return new RegressionReport(bandPercent, changes, onlyBase, onlyCand, unmatchedLoads);
  }

  private static RegressionReport.Change change(
      Configuration config,
      Measure m,
      List<String> loads,
      Map<String, BenchmarkPoint> b,
      Map<String, BenchmarkPoint> c,
      double band) {
    double logB = 0;
    double logC = 0;
    List<String> used = new ArrayList<>();
    List<BenchmarkPoint> usedB = new ArrayList<>();
    List<BenchmarkPoint> usedC = new ArrayList<>();
    for (String load : loads) {
      OptionalDouble vb = m.valueOf(b.get(load));
      OptionalDouble vc = m.valueOf(c.get(load));
      // a geometric mean needs positive values on both sides
      if (vb.isPresent() && vc.isPresent() && vb.getAsDouble() > 0 && vc.getAsDouble() > 0) {
        logB += Math.log(vb.getAsDouble());
        logC += Math.log(vc.getAsDouble());
        used.add(load);
        usedB.add(b.get(load));
        usedC.add(c.get(load));
      }
    }
    if (used.isEmpty()) {
      return new RegressionReport.Change(
          config,
          m,
          used,
          usedB,
          usedC,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          RegressionReport.Verdict.NO_DATA);
    }
    double gb = Math.exp(logB / used.size());
    double gc = Math.exp(logC / used.size());
    double pct = (gc - gb) / gb * 100;
    return new RegressionReport.Change(
        config, m, used, usedB, usedC, gb, gc, pct, RegressionReport.verdict(m, pct, band));
  }

  private static Map<Configuration, Map<String, BenchmarkPoint>> byConfigAndLoad(
      Collection<? extends BenchmarkPoint> points,
      Function<? super BenchmarkPoint, Configuration> key) {
    Map<Configuration, List<BenchmarkPoint>> byConfig = new TreeMap<>();
    for (BenchmarkPoint p : points) {
      byConfig.computeIfAbsent(Objects.requireNonNull(key.apply(p)), k -> new ArrayList<>()).add(p);
    }
    Map<Configuration, Map<String, BenchmarkPoint>> out = new TreeMap<>();
    byConfig.forEach(
        (k, ps) -> {
          ps.sort(Configuration.BY_LOAD);
          Map<String, BenchmarkPoint> loads = new LinkedHashMap<>();
          for (BenchmarkPoint p : ps) {
            // a repeated load level keeps its first point in load order
            loads.putIfAbsent(Configuration.loadLevel(p), p);
          }
          out.put(k, loads);
        });
    return out;
  }

  /**
   * The top {@code n} configurations by {@code measure} in each group (each configuration by its
   * best point); ties share a rank and are ordered by configuration key.
   */
  public static <K> Ranking<K> top(
      Collection<? extends BenchmarkPoint> points,
      Measure measure,
      int n,
      Function<? super BenchmarkPoint, ? extends K> groupKey) {
    return top(points, measure, n, groupKey, p -> Configuration.of(p).key());
  }

  /** Like {@link #top(Collection, Measure, int, Function)} with a caller's configuration key. */
  static <K> Ranking<K> top(
      Collection<? extends BenchmarkPoint> points,
      Measure measure,
      int n,
      Function<? super BenchmarkPoint, ? extends K> groupKey,
      Function<? super BenchmarkPoint, String> configurationKey) {
    if (measure.direction() == Direction.NEUTRAL) {
      throw new IllegalArgumentException(
          measure.metric().key() + " has no better direction (NEUTRAL) and cannot be ranked");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    Direction d = measure.direction();
    List<ParetoResult.Excluded> excluded = new ArrayList<>();
    Map<K, Map<String, Ranking.Entry>> best = new LinkedHashMap<>();
    for (BenchmarkPoint p : points) {
      OptionalDouble v = measure.valueOf(p);
      if (v.isEmpty()) {
        excluded.add(
            new ParetoResult.Excluded(p, measure.whyAbsent(p).orElse(measure + " is absent")));
        continue;
      }
      String config = configurationKey.apply(p);
      Ranking.Entry e = new Ranking.Entry(0, config, p, v.getAsDouble());
      best.computeIfAbsent(groupKey.apply(p), k -> new TreeMap<>())
          .merge(config, e, (a, b) -> d.compare(b.value(), a.value()) > 0 ? b : a);
    }
    Map<K, List<Ranking.Entry>> groups = new LinkedHashMap<>();
    Comparator<Ranking.Entry> order =
        Comparator.<Ranking.Entry>comparingDouble(
                e -> d == Direction.HIGHER_IS_BETTER ? -e.value() : e.value())
            .thenComparing(Ranking.Entry::configuration);
    best.forEach(
        (k, m) -> {
          List<Ranking.Entry> sorted = new ArrayList<>(m.values());
          sorted.sort(order);
          List<Ranking.Entry> ranked = new ArrayList<>();
          int rank = 0;
          for (int i = 0; i < sorted.size() && i < n; i++) {
            Ranking.Entry e = sorted.get(i);
            if (i == 0 || Double.compare(e.value(), sorted.get(i - 1).value()) != 0) {
              rank = i + 1;
            }
            ranked.add(new Ranking.Entry(rank, e.configuration(), e.point(), e.value()));
          }
          groups.put(k, List.copyOf(ranked));
        });
    return new Ranking<>(measure, groups, excluded);
  }
}
