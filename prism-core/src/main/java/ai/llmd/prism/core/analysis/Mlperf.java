package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.formats.MlperfResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The MLPerf Inference views over points read by the {@code mlperf} reader: results per accelerator
 * ranked per round, benchmark and scenario; the drop from Offline to Server and Interactive for one
 * system; and one system across rounds. Benchmarks are matched by their exact MLPerf name ({@code
 * llama2-70b-99} never meets {@code llama2-70b-99.9}), with one documented rename ({@code
 * llama3.1-8b-datacenter} became {@code llama3.1-8b}). A result is compared only with one declared
 * in the same unit. Whatever cannot be matched is listed with the reason, never dropped.
 */
public final class Mlperf {

  private Mlperf() {}

  /** Benchmarks MLCommons renamed between rounds: old name to new name. */
  private static final Map<String, String> RENAMED =
      Map.of("llama3.1-8b-datacenter", "llama3.1-8b");

  private static final String OFFLINE = "Offline";

  /**
   * A ranking group: one MLPerf round, benchmark and scenario, in the unit the results declared.
   *
   * @param round the round, e.g. {@code 6.0} (empty when the point has none)
   * @param benchmark the benchmark as MLPerf names it, e.g. {@code llama2-70b-99}
   * @param scenario {@code Offline}, {@code Server}, {@code Interactive}, ...
   */
  public record Group(String round, String benchmark, String scenario) {}

  /**
   * The results of {@code metric} divided by each system's accelerator count (through {@link
   * Views}, once), the best {@code n} per round, benchmark and scenario; configurations are systems
   * ({@code organization / system name (public id)}). Points without the metric are not part of
   * this ranking (rank the other metric for them); points with it but no accelerator count
   * (CPU-only systems) are excluded with the reason.
   */
  public static Ranking<Group> perAccelerator(
      Collection<? extends BenchmarkPoint> points, Metric metric, int n) {
    List<BenchmarkPoint> with = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      if (p.metrics().has(metric)) {
        with.add(p);
      }
    }
    return Comparisons.top(
        with,
        Measure.of(metric).per(Views.Basis.ACCELERATOR),
        n,
        p ->
            new Group(
                MlperfResult.of(p).round(),
                MlperfResult.of(p).benchmark(),
                MlperfResult.of(p).scenario()),
        Mlperf::systemName);
  }

  // ---- Offline vs Server / Interactive ----

  /**
   * One system's drop from its Offline result to another scenario of the same benchmark and round.
   *
   * @param offline the Offline result
   * @param other the Server or Interactive result
   * @param metric the metric both declare
   * @param dropPercent {@code (offline − other) / offline × 100}; negative when the other scenario
   *     is higher
   */
  public record Degradation(
      BenchmarkPoint offline, BenchmarkPoint other, Metric metric, double dropPercent) {

    /** The scenario compared with Offline. */
    public String scenario() {
      return MlperfResult.of(other).scenario();
    }

    /** The system, as {@code organization / system name (public id)}. */
    public String system() {
      return systemName(offline);
    }

    /** The benchmark. */
    public String benchmark() {
      return MlperfResult.of(offline).benchmark();
    }
  }

  /**
   * The result of {@link #degradation}.
   *
   * @param drops one entry per system, benchmark and non-Offline scenario that has an Offline
   *     result
   * @param unmatched every point that could not be paired, with the reason
   */
  public record DegradationReport(List<Degradation> drops, List<ParetoResult.Excluded> unmatched) {
    public DegradationReport {
      drops = List.copyOf(drops);
      unmatched = List.copyOf(unmatched);
    }
  }

  /**
   * For each system (same round, public id, organization, system name, accelerator and count) and
   * benchmark, the % drop from its Offline result to its Server and Interactive results. Points
   * with no partner, with a partner declared in another unit, or whose key repeats are listed in
   * {@link DegradationReport#unmatched()}.
   */
  public static DegradationReport degradation(Collection<? extends BenchmarkPoint> points) {
    Map<List<String>, List<BenchmarkPoint>> bySystem = new LinkedHashMap<>();
    List<ParetoResult.Excluded> unmatched = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      if (throughput(p).isEmpty()) {
        unmatched.add(new ParetoResult.Excluded(p, "has no request rate or output throughput"));
        continue;
      }
      List<String> key =
          List.of(
              MlperfResult.of(p).round(),
              MlperfResult.of(p).publicId(),
              MlperfResult.of(p).organization(),
              MlperfResult.of(p).system(),
              accelerator(p),
              count(p),
              MlperfResult.of(p).benchmark());
      bySystem.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<Degradation> drops = new ArrayList<>();
    for (List<BenchmarkPoint> ps : bySystem.values()) {
      Map<String, List<BenchmarkPoint>> byScenario = new LinkedHashMap<>();
      for (BenchmarkPoint p : ps) {
        byScenario.computeIfAbsent(MlperfResult.of(p).scenario(), k -> new ArrayList<>()).add(p);
      }
      List<BenchmarkPoint> offline = byScenario.getOrDefault(OFFLINE, List.of());
      if (offline.size() > 1) {
        for (BenchmarkPoint p : ps) {
          unmatched.add(
              new ParetoResult.Excluded(
                  p,
                  "the system has " + offline.size() + " Offline results; which one is unclear"));
        }
        continue;
      }
      if (offline.isEmpty()) {
        for (BenchmarkPoint p : ps) {
          unmatched.add(
              new ParetoResult.Excluded(p, "the system has no Offline result to compare"));
        }
        continue;
      }
      BenchmarkPoint off = offline.get(0);
      if (byScenario.size() == 1) {
        unmatched.add(
            new ParetoResult.Excluded(off, "the system has no Server or Interactive result"));
        continue;
      }
      Metric metric = throughput(off).orElseThrow();
      double base = off.metrics().mean(metric).orElse(Double.NaN);
      boolean paired = false;
      for (Map.Entry<String, List<BenchmarkPoint>> e : byScenario.entrySet()) {
        if (e.getKey().equals(OFFLINE)) {
          continue;
        }
        for (BenchmarkPoint other : e.getValue()) {
          String why = null;
          if (e.getValue().size() > 1) {
            why = "the system has " + e.getValue().size() + " " + e.getKey() + " results";
          } else if (throughput(other).orElseThrow() != metric) {
            why =
                "declared in "
                    + MlperfResult.of(other).units()
                    + " where its Offline result is in "
                    + MlperfResult.of(off).units();
          } else if (!(base > 0)) {
            why = "its Offline result is not positive";
          }
          if (why != null) {
            unmatched.add(new ParetoResult.Excluded(other, why));
            continue;
          }
          double v = other.metrics().mean(metric).orElse(Double.NaN);
          drops.add(new Degradation(off, other, metric, (base - v) / base * 100));
          paired = true;
        }
      }
      if (!paired) {
        unmatched.add(
            new ParetoResult.Excluded(off, "no Server or Interactive result could be compared"));
      }
    }
    return new DegradationReport(drops, unmatched);
  }

  // ---- across rounds ----

  /**
   * One system's change between two consecutive rounds where it has a result.
   *
   * @param fromRound the earlier round
   * @param toRound the later round
   * @param from the earlier result
   * @param to the later result
   * @param changePercent {@code (to − from) / from × 100}
   */
  public record Step(
      String fromRound,
      String toRound,
      BenchmarkPoint from,
      BenchmarkPoint to,
      double changePercent) {}

  /**
   * One system, benchmark and scenario across rounds.
   *
   * @param organization the submitter
   * @param system the system name
   * @param accelerator the accelerator name
   * @param accelerators the accelerator count
   * @param benchmark the benchmark (under its latest name)
   * @param scenario the scenario
   * @param metric the metric every round declares
   * @param steps round-to-round changes, oldest first
   */
  public record Track(
      String organization,
      String system,
      String accelerator,
      int accelerators,
      String benchmark,
      String scenario,
      Metric metric,
      List<Step> steps) {
    public Track {
      steps = List.copyOf(steps);
    }
  }

  /**
   * The result of {@link #acrossRounds}.
   *
   * @param tracks systems found in at least two rounds
   * @param unmatched every other point, with the reason
   */
  public record RoundReport(List<Track> tracks, List<ParetoResult.Excluded> unmatched) {
    public RoundReport {
      tracks = List.copyOf(tracks);
      unmatched = List.copyOf(unmatched);
    }
  }

  /**
   * The same system (submitter, system name, accelerator name, accelerator count) on the same
   * benchmark and scenario in different rounds, with the % change from each round to the next one
   * it appears in. Normalize the points first so that accelerator names agree across rounds. A key
   * that repeats within one round is ambiguous and listed as unmatched, as are results only one
   * round has and results declared in another unit than the same system's other rounds.
   */
  public static RoundReport acrossRounds(Collection<? extends BenchmarkPoint> points) {
    Map<List<String>, List<BenchmarkPoint>> byKey = new LinkedHashMap<>();
    List<ParetoResult.Excluded> unmatched = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      String why =
          throughput(p).isEmpty()
              ? "has no request rate or output throughput"
              : MlperfResult.of(p).round().isEmpty()
                  ? "has no MLPerf round"
                  : Views.accelerators(p.deployment()).isEmpty()
                      ? "has no accelerator count"
                      : null;
      if (why != null) {
        unmatched.add(new ParetoResult.Excluded(p, why));
        continue;
      }
      List<String> key =
          List.of(
              MlperfResult.of(p).system(),
              accelerator(p),
              count(p),
              benchmark(p),
              MlperfResult.of(p).scenario(),
              MlperfResult.of(p).organization(),
              throughput(p).orElseThrow().name());
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<Track> tracks = new ArrayList<>();
    for (Map.Entry<List<String>, List<BenchmarkPoint>> e : byKey.entrySet()) {
      Map<String, List<BenchmarkPoint>> byRound = new TreeMap<>(Mlperf::compareRounds);
      for (BenchmarkPoint p : e.getValue()) {
        byRound.computeIfAbsent(MlperfResult.of(p).round(), k -> new ArrayList<>()).add(p);
      }
      List<BenchmarkPoint> single = new ArrayList<>();
      for (Map.Entry<String, List<BenchmarkPoint>> r : byRound.entrySet()) {
        if (r.getValue().size() > 1) {
          for (BenchmarkPoint p : r.getValue()) {
            unmatched.add(
                new ParetoResult.Excluded(
                    p,
                    "round "
                        + r.getKey()
                        + " has "
                        + r.getValue().size()
                        + " results for this submitter, system, benchmark and scenario: "
                        + r.getValue().stream()
                            .map(x -> MlperfResult.of(x).publicId())
                            .collect(Collectors.joining(", "))));
          }
        } else {
          single.add(r.getValue().get(0));
        }
      }
      if (single.size() < 2) {
        for (BenchmarkPoint p : single) {
          unmatched.add(new ParetoResult.Excluded(p, onlyRoundReason(p, e.getKey(), byKey)));
        }
        continue;
      }
      Metric metric = throughput(single.get(0)).orElseThrow();
      List<Step> steps = new ArrayList<>();
      for (int i = 1; i < single.size(); i++) {
        BenchmarkPoint a = single.get(i - 1);
        BenchmarkPoint b = single.get(i);
        double from = a.metrics().mean(metric).orElse(Double.NaN);
        double to = b.metrics().mean(metric).orElse(Double.NaN);
        steps.add(
            new Step(
                MlperfResult.of(a).round(),
                MlperfResult.of(b).round(),
                a,
                b,
                from > 0 ? (to - from) / from * 100 : Double.NaN));
      }
      List<String> k = e.getKey();
      tracks.add(
          new Track(
              k.get(5),
              k.get(0),
              k.get(1),
              Integer.parseInt(k.get(2)),
              k.get(3),
              k.get(4),
              metric,
              steps));
    }
    return new RoundReport(tracks, unmatched);
  }

  private static String onlyRoundReason(
      BenchmarkPoint p, List<String> key, Map<List<String>, List<BenchmarkPoint>> byKey) {
    for (List<String> other : byKey.keySet()) {
      if (!other.equals(key) && other.subList(0, 6).equals(key.subList(0, 6))) {
        return "other rounds declare this system's "
            + key.get(3)
            + " "
            + key.get(4)
            + " result in another unit ("
            + MlperfResult.of(p).units()
            + " here); not compared";
      }
    }
    return "no other round has a result for "
        + key.get(5)
        + "'s system '"
        + key.get(0)
        + "' with "
        + key.get(2)
        + " × "
        + key.get(1)
        + " on "
        + key.get(3)
        + " "
        + key.get(4);
  }

  /** Numeric order of rounds: 5.0 < 5.1 < 6.0 < 10.0. */
  private static int compareRounds(String a, String b) {
    return Comparator.comparing((String s) -> part(s, 0))
        .thenComparing(s -> part(s, 1))
        .thenComparing(Comparator.naturalOrder())
        .compare(a, b);
  }

  private static int part(String round, int i) {
    String[] parts = round.split("\\.");
    try {
      return i < parts.length ? Integer.parseInt(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  // ---- keys ----

  /** The throughput an MLPerf point carries: its declared unit decided which. */
  private static Optional<Metric> throughput(BenchmarkPoint p) {
    if (p.metrics().has(Metric.OUTPUT_THROUGHPUT)) {
      return Optional.of(Metric.OUTPUT_THROUGHPUT);
    }
    if (p.metrics().has(Metric.REQUEST_RATE)) {
      return Optional.of(Metric.REQUEST_RATE);
    }
    return Optional.empty();
  }

  private static String benchmark(BenchmarkPoint p) {
    String b = MlperfResult.of(p).benchmark();
    return RENAMED.getOrDefault(b, b);
  }

  private static String accelerator(BenchmarkPoint p) {
    return p.deployment().accelerator() == null ? "" : p.deployment().accelerator().name();
  }

  private static String count(BenchmarkPoint p) {
    OptionalInt n = Views.accelerators(p.deployment());
    return n.isPresent() ? String.valueOf(n.getAsInt()) : "";
  }

  static String systemName(BenchmarkPoint p) {
    return MlperfResult.of(p).systemName();
  }
}
