package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.core.Views;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  private static final Measure OUT = Measure.of(Metric.OUTPUT_THROUGHPUT);
  private static final Measure TPOT = Measure.of(Metric.TPOT);

  private static BenchmarkPoint v(
      String acc, String version, double conc, double out, double tpot) {
    return point(acc + version + conc)
        .accelerators(acc, 8)
        .engine("vLLM", version)
        .role(Role.Kind.AGGREGATED, 1, 8)
        .lengths(1000, 1000)
        .concurrency(conc)
        .mean(Metric.OUTPUT_THROUGHPUT, out)
        .mean(Metric.TPOT, tpot)
        .build();
  }

  @Test
  void aggregatedVersusDisaggregatedOnThePdSweep() {
    ArchitectureComparison c =
        Comparisons.aggregatedVsDisaggregated(
            LlmdBenchmarksJson.load(), OUT.per(Views.Basis.ACCELERATOR), TPOT, 70, 20, 30, 50);

    assertThat(c.excluded()).isEmpty();
    assertThat(c.rows())
        .extracting(ArchitectureComparison.Row::latencyTarget)
        .containsExactly(20.0, 30.0, 50.0, 70.0);
    assertThat(c.rows())
        .extracting(r -> r.winner().orElseThrow())
        .containsExactly(
            Architecture.DISAGGREGATED,
            Architecture.DISAGGREGATED,
            Architecture.DISAGGREGATED,
            Architecture.AGGREGATED);
    ArchitectureComparison.Row at20 = c.rows().get(0);
    assertThat(at20.aggregated()).isNull(); // no aggregated configuration reaches 20 ms TPOT
    ArchitectureComparison.Row at50 = c.rows().get(2);
    assertThat(at50.disaggregated().point().labels())
        .containsEntry("configuration", "2: 1P-TP8 1D-TP8");
    assertThat(at50.disaggregated().objective()).isCloseTo(148.7973, within(1e-4));
    assertThat(at50.aggregated().point().labels()).containsEntry("configuration", "3 TP4");
    assertThat(at50.aggregated().objective()).isCloseTo(113.9034, within(1e-4));
    assertThat(at50.advantagePercent().orElseThrow()).isCloseTo(30.6347, within(1e-4));
    ArchitectureComparison.Row at70 = c.rows().get(3);
    assertThat(at70.aggregated().point().labels()).containsEntry("configuration", "1 TP4");
    assertThat(at70.aggregated().loadLevel()).isEqualTo("concurrency 256");
    assertThat(at70.disaggregated().point().labels())
        .containsEntry("configuration", "4: 2P-TP4 2D-TP4");
  }

  @Test
  void pointsOfUnknownArchitectureAreListedNotDropped() {
    BenchmarkPoint noRoles =
        point("x").mean(Metric.OUTPUT_THROUGHPUT, 1).mean(Metric.TPOT, 1).build();

    ArchitectureComparison c =
        Comparisons.aggregatedVsDisaggregated(List.of(noRoles), OUT, TPOT, 10);

    assertThat(c.rows()).isEmpty();
    assertThat(c.excluded())
        .extracting(ParetoResult.Excluded::reason)
        .containsExactly("architecture unknown (no replica roles)");
  }

  @Test
  void regressionMatchesConfigurationsAcrossVersionsAndJudgesEachDirection() {
    List<BenchmarkPoint> base =
        List.of(
            v("H100", "0.10", 1, 100, 10),
            v("H100", "0.10", 8, 800, 20),
            v("H100", "0.10", 64, 4000, 40),
            v("B200", "0.10", 8, 900, 15));
    List<BenchmarkPoint> cand =
        List.of(
            v("H100", "0.11", 1, 50, 5), // concurrency 1 is left out of the geometric mean
            v("H100", "0.11", 8, 880, 22),
            v("H100", "0.11", 64, 4400, 44),
            v("H100", "0.11", 128, 5000, 60),
            v("L40S", "0.11", 8, 100, 50));

    RegressionReport r =
        Comparisons.regression(base, cand, List.of(OUT, TPOT, Measure.of(Metric.TTFT)));

    assertThat(r.bandPercent()).isEqualTo(5.0);
    assertThat(r.changes()).hasSize(3);
    RegressionReport.Change out = r.changes().get(0);
    assertThat(out.loads()).containsExactly("concurrency 8", "concurrency 64");
    assertThat(out.baseline()).isCloseTo(Math.sqrt(800 * 4000), within(1e-9));
    assertThat(out.percentChange()).isCloseTo(10.0, within(1e-9));
    assertThat(out.verdict()).isEqualTo(RegressionReport.Verdict.IMPROVED);
    assertThat(out.baselinePoints()).containsExactly(base.get(1), base.get(2));
    assertThat(out.candidatePoints()).containsExactly(cand.get(1), cand.get(2));
    RegressionReport.Change tpot = r.changes().get(1);
    assertThat(tpot.percentChange()).isCloseTo(10.0, within(1e-9));
    assertThat(tpot.verdict()).isEqualTo(RegressionReport.Verdict.REGRESSED); // lower is better
    assertThat(r.changes().get(2).verdict()).isEqualTo(RegressionReport.Verdict.NO_DATA);
    assertThat(r.onlyInBaseline()).singleElement().asString().contains("accelerator=B200");
    assertThat(r.onlyInCandidate()).singleElement().asString().contains("accelerator=L40S");
    assertThat(r.unmatchedLoads())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.load()).isEqualTo("concurrency 128");
              assertThat(u.inBaseline()).isFalse();
              assertThat(u.configuration().key()).doesNotContain("version=");
            });
  }

  @Test
  void geomeansAverageTheRatiosOfTheKeptConfigurationsPerMeasure() {
    List<BenchmarkPoint> base =
        List.of(v("H100", "a", 8, 1000, 20), v("B200", "a", 8, 2000, 10), v("L4", "a", 8, 50, 90));
    List<BenchmarkPoint> cand =
        List.of(v("H100", "b", 8, 1210, 20), v("B200", "b", 8, 2000, 10), v("L4", "b", 8, 40, 99));
    RegressionReport r = Comparisons.regression(base, cand, List.of(OUT, TPOT));

    // H100 +21 % and B200 ±0 %: the geometric mean of 1.21 and 1 is 1.1, +10 %
    List<RegressionReport.Geomean> g =
        r.geomeans(c -> !c.configuration().key().contains("accelerator=L4"));
    assertThat(g).extracting(RegressionReport.Geomean::measure).containsExactly(OUT, TPOT);
    assertThat(g.get(0).configurations()).isEqualTo(2);
    assertThat(g.get(0).percentChange()).isCloseTo(10.0, within(1e-9));
    assertThat(g.get(0).verdict()).isEqualTo(RegressionReport.Verdict.IMPROVED);
    assertThat(g.get(1).percentChange()).isCloseTo(0.0, within(1e-9));
    assertThat(g.get(1).verdict()).isEqualTo(RegressionReport.Verdict.UNCHANGED);

    // L4 alone: TPOT 90 -> 99 ms is +10 %, worse for a lower-is-better measure
    RegressionReport.Geomean l4 =
        r.geomeans(c -> c.configuration().key().contains("accelerator=L4")).get(1);
    assertThat(l4.percentChange()).isCloseTo(10.0, within(1e-9));
    assertThat(l4.verdict()).isEqualTo(RegressionReport.Verdict.REGRESSED);

    assertThat(r.geomeans(c -> false))
        .allSatisfy(
            x -> {
              assertThat(x.configurations()).isZero();
              assertThat(x.percentChange()).isNaN();
              assertThat(x.verdict()).isEqualTo(RegressionReport.Verdict.NO_DATA);
            });
  }

  @Test
  void changesInsideTheBandAreUnchanged() {
    List<BenchmarkPoint> base = List.of(v("H100", "a", 8, 1000, 20));
    List<BenchmarkPoint> cand = List.of(v("H100", "b", 8, 960, 20.8));

    RegressionReport r = Comparisons.regression(base, cand, List.of(OUT, TPOT));
    assertThat(r.changes())
        .extracting(RegressionReport.Change::verdict)
        .containsExactly(RegressionReport.Verdict.UNCHANGED, RegressionReport.Verdict.UNCHANGED);

    RegressionReport tight = Comparisons.regression(base, cand, List.of(OUT, TPOT), 3.0);
    assertThat(tight.withVerdict(RegressionReport.Verdict.REGRESSED)).hasSize(2);
    assertThatThrownBy(
            () -> Comparisons.regression(base, cand, List.of(Measure.of(Metric.REQUESTS_TOTAL))))
        .hasMessageContaining("NEUTRAL");
  }

  @Test
  void ranksConfigurationsByTheirBestPointPerGroup() {
    List<BenchmarkPoint> pts =
        List.of(
            v("H100", "1", 8, 800, 20),
            v("H100", "1", 64, 4000, 40),
            v("H100", "2", 64, 4000, 38),
            v("H100", "3", 64, 3000, 30),
            v("B200", "1", 64, 9000, 30),
            point("none").accelerators("B200", 8).mean(Metric.TPOT, 1).build());

    Ranking<String> r = Comparisons.top(pts, OUT, 2, p -> p.deployment().accelerator().name());

    assertThat(r.groups().keySet()).containsExactly("H100", "B200");
    assertThat(r.groups().get("H100"))
        .extracting(Ranking.Entry::rank, Ranking.Entry::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 4000.0),
            org.assertj.core.groups.Tuple.tuple(1, 4000.0));
    assertThat(r.groups().get("H100").get(0).configuration()).contains("version=1");
    assertThat(r.groups().get("B200"))
        .singleElement()
        .extracting(Ranking.Entry::value)
        .isEqualTo(9000.0);
    assertThat(r.excluded())
        .extracting(ParetoResult.Excluded::reason)
        .containsExactly("output_throughput is absent");

    Ranking<String> fastest = Comparisons.top(pts, TPOT, 1, p -> "all");
    assertThat(fastest.groups().get("all"))
        .singleElement()
        .extracting(Ranking.Entry::value)
        .isEqualTo(1.0);
  }
}
