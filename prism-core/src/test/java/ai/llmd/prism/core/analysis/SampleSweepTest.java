package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Views;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyses on our own small P/D sweep (src/test/resources), so they run without fixtures. */
class SampleSweepTest {

  private static final List<BenchmarkPoint> SWEEP = LlmdBenchmarksJson.loadSample();
  private static final Measure OUT_PER_CHIP =
      Measure.of(Metric.OUTPUT_THROUGHPUT).per(Views.Basis.ACCELERATOR);

  private static String config(BenchmarkPoint p) {
    return p.labels().get("configuration") + " @" + p.workload().concurrency().intValue();
  }

  @Test
  void frontierOfPerChipOutputVersusTpotIsDisaggregatedUpTo60ms() {
    ParetoResult r = Pareto.frontier(SWEEP, Measure.of(Metric.TPOT), OUT_PER_CHIP);

    assertThat(r.frontierPoints())
        .extracting(SampleSweepTest::config)
        .containsExactly(
            "2: 1P-TP4 1D-TP4 @8",
            "2: 1P-TP4 1D-TP4 @32",
            "2: 1P-TP4 1D-TP4 @128",
            "2 TP4 @128",
            "1 TP8 @128");
    assertThat(r.frontier().get(1).values()).containsExactly(30.0, 350.0);
    // squared distance to utopia after normalising: @8 1.0, @32 0.176, @128 0.406, 2 TP4 0.758, 1
    // TP8 1.0
    assertThat(r.knee()).get().extracting(e -> config(e.point())).isEqualTo("2: 1P-TP4 1D-TP4 @32");
  }

  @Test
  void aggregatedVersusDisaggregatedSaysWhichWinsAtEachTarget() {
    ArchitectureComparison c =
        Comparisons.aggregatedVsDisaggregated(
            SWEEP, OUT_PER_CHIP, Measure.of(Metric.TPOT), 20, 50, 100);

    assertThat(c.rows())
        .extracting(r -> r.winner().orElseThrow())
        .containsExactly(
            Architecture.DISAGGREGATED, Architecture.DISAGGREGATED, Architecture.AGGREGATED);
    assertThat(c.rows().get(0).aggregated()).isNull();
    assertThat(c.rows().get(1).aggregated().objective()).isCloseTo(300.0, within(1e-9));
    assertThat(c.rows().get(1).disaggregated().objective()).isCloseTo(350.0, within(1e-9));
    assertThat(c.rows().get(2).advantagePercent().orElseThrow()).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void sloOptimumAndCatalogOnTheSample() {
    Optimum.Result o =
        Optimum.best(OUT_PER_CHIP).subjectTo("tpot.mean<=85ms,ttft.mean<=2s").over(SWEEP);
    assertThat(config(o.winner().orElseThrow().point())).isEqualTo("2 TP4 @128");
    assertThat(o.runnersUp())
        .extracting(cand -> config(cand.point()))
        .containsExactly("2: 1P-TP4 1D-TP4 @128", "1 TP8 @32");

    Catalog cat = Catalog.of(SWEEP);
    assertThat(cat.all().series()).hasSize(3);
    assertThat(cat.where(Facet.TP, "TP4").counts(Facet.ARCHITECTURE))
        .containsEntry("aggregated", 1)
        .containsEntry("disaggregated", 1);
  }
}
