package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimumTest {

  @Test
  void parsesConstraintsInCanonicalUnits() {
    List<Constraint> cs = Constraint.parseAll("ttft.p90<=500ms, tpot.mean<=0.05s,e2e<30s");

    assertThat(cs)
        .extracting(Constraint::measure)
        .containsExactly(
            Measure.of(Metric.TTFT, Statistic.P90),
            Measure.of(Metric.TPOT),
            Measure.of(Metric.E2E_LATENCY));
    assertThat(cs).extracting(Constraint::threshold).containsExactly(500.0, 50.0, 30000.0);
    assertThat(cs)
        .extracting(Constraint::operator)
        .containsExactly(
            Constraint.Operator.AT_MOST, Constraint.Operator.AT_MOST, Constraint.Operator.BELOW);
    assertThat(Constraint.parse("output_throughput>=1000tok/s").threshold()).isEqualTo(1000.0);
    assertThat(Constraint.parse("ttft.median<=1s").measure().statistic()).isEqualTo(Statistic.P50);
  }

  @Test
  void refusesMissingOrForeignUnitsAndUnknownNames() {
    assertThatThrownBy(() -> Constraint.parse("ttft.p90<=500"))
        .hasMessageContaining("no unit given")
        .hasMessageContaining("write ms or s");
    assertThatThrownBy(() -> Constraint.parse("ttft.p90<=500tok/s"))
        .hasMessageContaining("'tok/s' is not a unit of ttft");
    assertThatThrownBy(() -> Constraint.parse("output_throughput>=5ms"))
        .hasMessageContaining("tokens/s");
    assertThatThrownBy(() -> Constraint.parse("speed<=1ms")).hasMessageContaining("unknown metric");
    assertThatThrownBy(() -> Constraint.parse("ttft.p42<=1ms"))
        .hasMessageContaining("unknown statistic 'p42'");
    assertThatThrownBy(() -> Constraint.parse("ttft=1ms")).hasMessageContaining("expected");
  }

  @Test
  void maximisesPerChipOutputUnderLatencyTargetsOnThePdSweep() {
    List<BenchmarkPoint> points = LlmdBenchmarksJson.load();

    Optimum.Result r =
        Optimum.best(Measure.of(Metric.OUTPUT_THROUGHPUT).per(Views.Basis.ACCELERATOR))
            .subjectTo("tpot.mean<=50ms,ttft.mean<=10s")
            .over(points);

    Optimum.Candidate w = r.winner().orElseThrow();
    assertThat(w.point().labels()).containsEntry("configuration", "2: 1P-TP8 1D-TP8");
    assertThat(w.loadLevel()).isEqualTo("concurrency 128");
    assertThat(w.objective()).isCloseTo(148.7973, within(1e-4));
    assertThat(r.runnersUp())
        .extracting(c -> c.point().labels().get("configuration"))
        .startsWith("4: 3P-TP4 1D-TP4", "4: 1P-TP4 3D-TP4", "4: 2P-TP4 2D-TP4", "3 TP4");
    assertThat(r.ranked()).hasSize(19);
    assertThat(r.infeasible()).isEmpty();
    assertThat(r.unchecked()).isEmpty();
  }

  @Test
  void reportsInfeasibleConfigurationsAndPointsThatCannotBeChecked() {
    BenchmarkPoint slow =
        point("slow")
            .accelerators("H100", 8)
            .role(Role.Kind.AGGREGATED, 1, 8)
            .concurrency(8)
            .stat(Metric.TTFT, Statistic.P90, 900)
            .mean(Metric.OUTPUT_THROUGHPUT, 5000)
            .build();
    BenchmarkPoint noP90 =
        point("nop90")
            .accelerators("H100", 4)
            .concurrency(8)
            .mean(Metric.TTFT, 100)
            .mean(Metric.OUTPUT_THROUGHPUT, 9000)
            .build();

    Optimum.Result r =
        Optimum.best(Measure.of(Metric.OUTPUT_THROUGHPUT))
            .subjectTo("ttft.p90<=500ms")
            .over(List.of(slow, noP90));

    assertThat(r.winner()).isEmpty();
    assertThat(r.infeasible().values())
        .containsExactly("ttft.p90<=500ms violated at concurrency 8 (900.0 ms)");
    assertThat(r.unchecked())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).isEqualTo("ttft has no p90 (the source gave mean)"));
  }

  @Test
  void minimisesCostPerMillionOutputTokensUnderConstraints() {
    BenchmarkPoint tp8lo =
        point("a")
            .accelerators("H200", 8)
            .role(Role.Kind.AGGREGATED, 1, 8)
            .concurrency(16)
            .mean(Metric.TPOT, 20)
            .mean(Metric.OUTPUT_THROUGHPUT, 1000)
            .build();
    BenchmarkPoint tp8hi =
        point("b")
            .accelerators("H200", 8)
            .role(Role.Kind.AGGREGATED, 1, 8)
            .concurrency(64)
            .mean(Metric.TPOT, 60)
            .mean(Metric.OUTPUT_THROUGHPUT, 3000)
            .build();
    BenchmarkPoint tp4 =
        point("c")
            .accelerators("H200", 4)
            .role(Role.Kind.AGGREGATED, 1, 4)
            .concurrency(32)
            .mean(Metric.TPOT, 45)
            .mean(Metric.OUTPUT_THROUGHPUT, 900)
            .build();
    BenchmarkPoint unpriced =
        point("d")
            .accelerators("Spyre", 4)
            .concurrency(32)
            .mean(Metric.TPOT, 10)
            .mean(Metric.OUTPUT_THROUGHPUT, 90000)
            .build();

    Optimum.Result r =
        Optimum.cheapest(
                CostEstimator.of(PricingCatalog.builtIn()).withSource("perfdash"),
                PricingModel.ON_DEMAND,
                CostEstimate.Tokens.OUTPUT)
            .subjectTo("tpot<=50ms")
            .over(List.of(tp8lo, tp8hi, tp4, unpriced));

    // tp4: 20.81 $/h / 900 tok/s = 6.42 $/1M; tp8lo: 41.62 / 1000 = 11.56; tp8hi violates TPOT.
    assertThat(r.winner()).get().extracting(Optimum.Candidate::point).isSameAs(tp4);
    assertThat(r.winner().orElseThrow().objective())
        .isCloseTo(20.81e6 / (3600 * 900), within(1e-9));
    assertThat(r.runnersUp()).extracting(Optimum.Candidate::point).containsExactly(tp8lo);
    assertThat(r.unchecked())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).startsWith("no price").contains("Spyre"));
  }

  @Test
  void refusesToOptimiseANeutralMetric() {
    assertThatThrownBy(() -> Optimum.best(Measure.of(Metric.DURATION)))
        .hasMessageContaining("NEUTRAL");
  }
}
