package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Views;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFixtureTest {

  @Test
  void pdSweepFrontierOfPerChipThroughputVersusTpotIsDisaggregatedUpTo50ms() {
    List<BenchmarkPoint> points = LlmdBenchmarksJson.load();

    ParetoResult r =
        Pareto.frontier(
            points,
            Measure.of(Metric.TPOT),
            Measure.of(Metric.TOTAL_THROUGHPUT).per(Views.Basis.ACCELERATOR));

    assertThat(r.entries()).hasSize(114);
    assertThat(r.excluded()).isEmpty();
    assertThat(r.frontier())
        .extracting(e -> e.point().labels().get("configuration"))
        .containsExactly(
            "2: 1P-TP8 1D-TP8",
            "2: 1P-TP8 1D-TP8",
            "2: 1P-TP8 1D-TP8",
            "2: 1P-TP8 1D-TP8",
            "4: 2P-TP4 2D-TP4",
            "4: 3P-TP4 1D-TP4",
            "2: 1P-TP8 1D-TP8",
            "3 TP4",
            "1 TP4",
            "1 TP4",
            "1 TP4");
    assertThat(r.frontier())
        .filteredOn(e -> e.values().get(0) < 50)
        .allSatisfy(
            e ->
                assertThat(e.point().deployment().architecture())
                    .isEqualTo(Architecture.DISAGGREGATED));
    // 2: 1P-TP8 1D-TP8 at concurrency 64: 20,960 total tok/s on 16 chips, TPOT 30.4 ms.
    assertThat(r.frontier().get(3).values().get(0))
        .isCloseTo(30.4315, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(r.frontier().get(3).values().get(1))
        .isCloseTo(1310.0217, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(r.frontier().get(3).point().workload().concurrency()).isEqualTo(64.0);
  }
}
