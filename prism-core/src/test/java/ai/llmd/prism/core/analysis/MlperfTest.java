package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlperfTest {

  /** One MLPerf result as the mlperf reader labels it. */
  private static BenchmarkPoint result(
      String round,
      String publicId,
      String system,
      Integer chips,
      String benchmark,
      String scenario,
      Metric metric,
      double value) {
    TestPoints.Builder b =
        TestPoints.point(publicId + "-" + benchmark + "-" + scenario)
            .model(benchmark)
            .mean(metric, value)
            .label("round", round)
            .label("public_id", publicId)
            .label("organization", "Org")
            .label("system", system)
            .label("benchmark", benchmark)
            .label("scenario", scenario)
            .label("units", metric == Metric.OUTPUT_THROUGHPUT ? "Tokens/s" : "Samples/s");
    if (chips != null) {
      b.accelerators("H200", chips);
    }
    return b.build();
  }

  private static BenchmarkPoint tokens(
      String round, String id, String system, Integer chips, String bench, String sc, double v) {
    return result(round, id, system, chips, bench, sc, Metric.OUTPUT_THROUGHPUT, v);
  }

  private static BenchmarkPoint byOrg(String org, BenchmarkPoint p) {
    java.util.Map<String, String> labels = new java.util.TreeMap<>(p.labels());
    labels.put("organization", org);
    return new BenchmarkPoint(p.scenario(), p.metrics(), p.costs(), labels, p.provenance());
  }

  // ---- small hand-built inputs ----

  @Test
  void perAcceleratorDividesOnceByTheChipCountAndRanksPerRoundBenchmarkAndScenario() {
    List<BenchmarkPoint> points =
        List.of(
            tokens("6.0", "6.0-1", "Big", 8, "llama2-70b-99", "Offline", 800),
            tokens("6.0", "6.0-2", "Small", 2, "llama2-70b-99", "Offline", 300),
            tokens("6.0", "6.0-2", "Small", 2, "llama2-70b-99.9", "Offline", 280),
            tokens("6.0", "6.0-2", "Small", 2, "llama2-70b-99", "Server", 250),
            tokens("5.1", "5.1-1", "Old", 1, "llama2-70b-99", "Offline", 500),
            tokens("6.0", "6.0-3", "CPU box", null, "llama2-70b-99", "Offline", 50),
            result("6.0", "6.0-1", "Big", 8, "resnet", "Offline", Metric.REQUEST_RATE, 9000));

    Ranking<Mlperf.Group> r = Mlperf.perAccelerator(points, Metric.OUTPUT_THROUGHPUT, 10);

    assertThat(r.measure().basis()).isEqualTo(ai.llmd.prism.core.Views.Basis.ACCELERATOR);
    assertThat(r.groups().get(new Mlperf.Group("6.0", "llama2-70b-99", "Offline")))
        .extracting(Ranking.Entry::rank, Ranking.Entry::configuration, Ranking.Entry::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Org / Small (6.0-2)", 150.0),
            org.assertj.core.groups.Tuple.tuple(2, "Org / Big (6.0-1)", 100.0));
    // 99 and 99.9 are different benchmarks; rounds and scenarios never mix
    assertThat(r.groups().keySet())
        .containsExactlyInAnyOrder(
            new Mlperf.Group("6.0", "llama2-70b-99", "Offline"),
            new Mlperf.Group("6.0", "llama2-70b-99.9", "Offline"),
            new Mlperf.Group("6.0", "llama2-70b-99", "Server"),
            new Mlperf.Group("5.1", "llama2-70b-99", "Offline"));
    // the CPU-only system is listed with the reason; the Samples/s result is another ranking
    assertThat(r.excluded())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.point().labels()).containsEntry("system", "CPU box");
              assertThat(e.reason()).contains("accelerator count");
            });
    assertThat(
            Mlperf.perAccelerator(points, Metric.REQUEST_RATE, 10)
                .groups()
                .get(new Mlperf.Group("6.0", "resnet", "Offline")))
        .extracting(Ranking.Entry::value)
        .containsExactly(1125.0);
  }

  @Test
  void degradationIsTheDropFromOfflineForTheSameSystemAndListsTheUnmatched() {
    List<BenchmarkPoint> points =
        List.of(
            tokens("6.0", "6.0-1", "A", 8, "llama2-70b-99", "Offline", 1000),
            tokens("6.0", "6.0-1", "A", 8, "llama2-70b-99", "Server", 900),
            tokens("6.0", "6.0-1", "A", 8, "llama2-70b-99", "Interactive", 600),
            tokens("6.0", "6.0-1", "A", 8, "llama2-70b-99.9", "Server", 880),
            tokens("6.0", "6.0-2", "B", 8, "llama2-70b-99", "Offline", 700),
            tokens("5.1", "5.1-1", "A", 8, "llama2-70b-99", "Server", 800),
            tokens("6.0", "6.0-3", "C", 4, "llama3.1-405b", "Offline", 300),
            result("6.0", "6.0-3", "C", 4, "llama3.1-405b", "Server", Metric.REQUEST_RATE, 2));

    Mlperf.DegradationReport r = Mlperf.degradation(points);

    assertThat(r.drops())
        .extracting(Mlperf.Degradation::system, Mlperf.Degradation::scenario, d -> d.dropPercent())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Org / A (6.0-1)", "Server", 10.0),
            org.assertj.core.groups.Tuple.tuple("Org / A (6.0-1)", "Interactive", 40.0));
    assertThat(r.unmatched())
        .extracting(e -> e.point().labels().get("public_id") + " " + e.reason())
        .containsExactlyInAnyOrder(
            "6.0-1 the system has no Offline result to compare", // the 99.9 Server result
            "6.0-2 the system has no Server or Interactive result",
            "5.1-1 the system has no Offline result to compare", // another round never pairs
            "6.0-3 declared in Samples/s where its Offline result is in Tokens/s",
            "6.0-3 no Server or Interactive result could be compared");
  }

  @Test
  void acrossRoundsMatchesSystemChipsBenchmarkAndScenarioAndListsTheRest() {
    List<BenchmarkPoint> points =
        List.of(
            tokens("6.0", "v6.0-9", "X", 8, "llama2-70b-99", "Offline", 99),
            tokens("5.0", "5.0-9", "X", 8, "llama2-70b-99", "Offline", 100),
            tokens("5.1", "5.1-9", "X", 8, "llama2-70b-99", "Offline", 110),
            tokens("5.1", "5.1-9", "X", 8, "llama2-70b-99.9", "Offline", 110),
            tokens("6.0", "v6.0-9", "X", 4, "llama2-70b-99", "Server", 50),
            tokens("5.1", "5.1-9", "X", 8, "llama2-70b-99", "Server", 90),
            tokens("5.1", "5.1-9", "X", 8, "llama3.1-8b-datacenter", "Offline", 200),
            tokens("6.0", "v6.0-9", "X", 8, "llama3.1-8b", "Offline", 300),
            tokens("5.1", "5.1-7", "Y", 8, "whisper", "Offline", 10),
            tokens("6.0", "v6.0-7", "Y", 8, "whisper", "Offline", 11),
            tokens("6.0", "v6.0-8", "Y", 8, "whisper", "Offline", 12),
            // another submitter's system of the same name is neither ambiguous nor matched
            byOrg("Other", tokens("6.0", "v6.0-6", "X", 8, "llama2-70b-99", "Offline", 500)));

    Mlperf.RoundReport r = Mlperf.acrossRounds(points);

    assertThat(r.tracks())
        .extracting(t -> t.benchmark() + " " + t.scenario())
        .containsExactly("llama2-70b-99 Offline", "llama3.1-8b Offline");
    Mlperf.Track x = r.tracks().get(0);
    assertThat(x.organization()).isEqualTo("Org");
    assertThat(x.system()).isEqualTo("X");
    assertThat(x.accelerators()).isEqualTo(8);
    assertThat(x.steps())
        .extracting(Mlperf.Step::fromRound, Mlperf.Step::toRound)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("5.0", "5.1"),
            org.assertj.core.groups.Tuple.tuple("5.1", "6.0"));
    assertThat(x.steps().get(0).changePercent()).isCloseTo(10.0, within(1e-9));
    assertThat(x.steps().get(1).changePercent()).isCloseTo(-10.0, within(1e-9));
    // the documented rename joins llama3.1-8b-datacenter to llama3.1-8b
    assertThat(r.tracks().get(1).steps().get(0).changePercent()).isCloseTo(50.0, within(1e-9));
    assertThat(r.unmatched())
        .extracting(e -> e.point().labels().get("public_id") + " " + e.reason())
        .containsExactlyInAnyOrder(
            "5.1-9 no other round has a result for Org's system 'X' with 8 × H200 on"
                + " llama2-70b-99.9"
                + " Offline",
            "v6.0-9 no other round has a result for Org's system 'X' with 4 × H200 on"
                + " llama2-70b-99"
                + " Server",
            "5.1-9 no other round has a result for Org's system 'X' with 8 × H200 on"
                + " llama2-70b-99"
                + " Server",
            "5.1-7 no other round has a result for Org's system 'Y' with 8 × H200 on whisper"
                + " Offline",
            "v6.0-6 no other round has a result for Other's system 'X' with 8 × H200 on"
                + " llama2-70b-99 Offline",
            "v6.0-7 round 6.0 has 2 results for this submitter, system, benchmark and scenario: v6.0-7,"
                + " v6.0-8",
            "v6.0-8 round 6.0 has 2 results for this submitter, system, benchmark and scenario: v6.0-7,"
                + " v6.0-8");
  }

  @Test
  void acrossRoundsNeverComparesResultsDeclaredInDifferentUnits() {
    List<BenchmarkPoint> points =
        List.of(
            result("5.1", "5.1-1", "W", 8, "whisper", "Offline", Metric.OUTPUT_THROUGHPUT, 1e4),
            result("6.0", "v6.0-1", "W", 8, "whisper", "Offline", Metric.REQUEST_RATE, 1e3));

    Mlperf.RoundReport r = Mlperf.acrossRounds(points);

    assertThat(r.tracks()).isEmpty();
    assertThat(r.unmatched())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.reason()).contains("in another unit"));
  }

  // ---- the real exports ----

  private static List<BenchmarkPoint> load(String... versions) {
    List<BenchmarkPoint> all = new ArrayList<>();
    for (String v : versions) {
      LoadResult r =
          Prism.create()
              .load(Fixtures.require("perfdash/mlperf-data/mlperf-" + v + ".csv").toString());
      all.addAll(r.points());
    }
    return all;
  }

  private static Ranking.Entry entry(Ranking<Mlperf.Group> r, Mlperf.Group g, String publicId) {
    return r.groups().get(g).stream()
        .filter(e -> publicId.equals(e.point().labels().get("public_id")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void perAcceleratorOnTheRealExportsUsesTheTotalAcceleratorCount() {
    List<BenchmarkPoint> points = load("5.0", "6.0");

    Ranking<Mlperf.Group> r = Mlperf.perAccelerator(points, Metric.OUTPUT_THROUGHPUT, 1000);

    Mlperf.Group v50 = new Mlperf.Group("5.0", "llama2-70b-99", "Offline");
    // 5.0-0056 NVIDIA DGX B200: 98,858.00 tokens/s on 8 accelerators, the best per chip
    assertThat(r.groups().get(v50).get(0).configuration())
        .isEqualTo("NVIDIA / NVIDIA DGX B200 (8x B200-SXM-180GB TensorRT) (5.0-0056)");
    assertThat(r.groups().get(v50).get(0).value()).isCloseTo(98858.00 / 8, within(1e-9));
    // v6.0-0001 AMD MI355X cluster: 1,042,110 tokens/s on 87 accelerators (11 nodes)
    Ranking.Entry amd = entry(r, new Mlperf.Group("6.0", "llama2-70b-99", "Offline"), "v6.0-0001");
    assertThat(amd.value()).isCloseTo(1042110.0 / 87, within(1e-9));
    assertThat(r.excluded())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.point().deployment().acceleratorCount()).isNull());
  }

  @Test
  void degradationOnTheRealV60Export() {
    Mlperf.DegradationReport r = Mlperf.degradation(load("6.0"));

    List<Mlperf.Degradation> amd =
        r.drops().stream()
            .filter(
                d -> d.system().endsWith("(v6.0-0001)") && d.benchmark().equals("llama2-70b-99"))
            .toList();
    assertThat(amd)
        .extracting(Mlperf.Degradation::scenario)
        .containsExactly("Server", "Interactive");
    assertThat(amd.get(0).dropPercent())
        .isCloseTo((1042110.0 - 1016375) / 1042110 * 100, within(1e-9));
    assertThat(amd.get(1).dropPercent())
        .isCloseTo((1042110.0 - 785522) / 1042110 * 100, within(1e-9));
    // every point is either in a drop or listed
    long used =
        r.drops().stream().map(Mlperf.Degradation::other).distinct().count()
            + r.drops().stream().map(Mlperf.Degradation::offline).distinct().count();
    assertThat(used + r.unmatched().size()).isEqualTo(load("6.0").size());
  }

  @Test
  void acrossRoundsOnTheRealExportsMatchesTheSameSystem() {
    Mlperf.RoundReport r = Mlperf.acrossRounds(load("5.0", "5.1", "6.0"));

    // Cisco UCS C885A M8, 8 × H200: 34,081.10 (5.0-0011) -> 34,548.20 (5.1-0014) tokens/s
    Mlperf.Track cisco =
        r.tracks().stream()
            .filter(
                t ->
                    t.system().equals("Cisco UCS C885A M8 (8x H200-SXM-141GB TensorRT)")
                        && t.benchmark().equals("llama2-70b-99")
                        && t.scenario().equals("Offline"))
            .findFirst()
            .orElseThrow();
    assertThat(cisco.accelerators()).isEqualTo(8);
    assertThat(cisco.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.from().labels()).containsEntry("public_id", "5.0-0011");
              assertThat(s.to().labels()).containsEntry("public_id", "5.1-0014");
              assertThat(s.changePercent())
                  .isCloseTo((34548.20 - 34081.10) / 34081.10 * 100, within(1e-9));
            });
    // Intel's Arc Pro B60 system is spelled differently in 5.1 and 6.0; normalised, it matches
    Mlperf.Track intel =
        r.tracks().stream()
            .filter(
                t ->
                    t.system().equals("1-node-4x-BMG-Pro-B60-Dual")
                        && t.benchmark().equals("llama2-70b-99")
                        && t.scenario().equals("Offline"))
            .findFirst()
            .orElseThrow();
    assertThat(intel.steps().get(0).changePercent())
        .isCloseTo((3270.66 - 3009.38) / 3009.38 * 100, within(1e-9));
    // "NVIDIA DGX B200 (8x …)" is submitted by Google, Lambda and NVIDIA in 5.1: each submitter's
    // own system is followed; Google: 92,338.70 (5.0-0078) -> 99,169.78 (5.1-0047) Server
    Mlperf.Track google =
        r.tracks().stream()
            .filter(
                t ->
                    t.organization().equals("Google")
                        && t.system().equals("NVIDIA DGX B200 (8x B200-SXM-180GB TensorRT)")
                        && t.benchmark().equals("llama2-70b-99")
                        && t.scenario().equals("Server"))
            .findFirst()
            .orElseThrow();
    assertThat(google.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to().labels()).containsEntry("public_id", "5.1-0047");
              assertThat(s.changePercent())
                  .isCloseTo((99169.78 - 92338.70) / 92338.70 * 100, within(1e-9));
            });
    // its llama3.1-8b-datacenter result is in Samples/s in 5.1, Tokens/s in 6.0: listed
    assertThat(r.unmatched())
        .anySatisfy(
            e -> {
              assertThat(e.point().labels())
                  .containsEntry("public_id", "5.1-0056")
                  .containsEntry("benchmark", "llama3.1-8b-datacenter")
                  .containsEntry("scenario", "Offline");
              assertThat(e.reason()).contains("another unit");
            });
  }
}
