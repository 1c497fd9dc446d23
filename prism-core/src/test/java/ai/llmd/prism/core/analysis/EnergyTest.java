package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Average power and Wh per 1M output tokens: measured power wins, else an estimate from the sourced
 * power table, each worked out by hand below.
 */
class EnergyTest {

  private static Path resource(String name) throws Exception {
    return Path.of(EnergyTest.class.getResource("/br/" + name).toURI());
  }

  private static Path examples(String relative) {
    return Fixtures.repositoryRoot().orElseThrow().resolve("examples").resolve(relative);
  }

  @Test
  void theNewMetricsCarryUnitsAndDirections() {
    assertThat(Metric.AVERAGE_POWER.unit()).isEqualTo(Unit.WATTS);
    assertThat(Metric.AVERAGE_POWER.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(Metric.AVERAGE_POWER.scalesWithAccelerators()).isTrue();
    assertThat(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS.unit().symbol()).isEqualTo("Wh/1M tokens");
    assertThat(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS.direction())
        .isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(Metric.byKey("energy_per_million_output_tokens"))
        .hasValue(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS);
  }

  @Test
  void energyFromAMeasuredPowerSeries() throws Exception {
    LoadResult r = Prism.create().load(resource("v02-power.yaml"));
    assertThat(r.problems()).noneMatch(p -> p.severity().name().equals("ERROR"));
    BenchmarkPoint p = r.points().get(0);

    // replica 0: samples 2400, 2480, "2440" W -> 2440 W; replica 1: means 2300, 2340 -> 2320 W
    MetricValue power = p.metrics().get(Metric.AVERAGE_POWER).orElseThrow();
    assertThat(power.mean().getAsDouble()).isCloseTo(2440 + 2320, within(1e-9));
    assertThat(power.rule()).hasValueSatisfying(w -> assertThat(w).contains("2 components"));
    assertThat(power.rule().get()).doesNotContain("estimated");

    // 4760 W at 1600 output tokens/s: 4760 × 10^6 / (3600 × 1600) Wh per 1M output tokens
    MetricValue energy = p.metrics().get(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS).orElseThrow();
    assertThat(energy.mean().getAsDouble()).isCloseTo(4760e6 / (3600 * 1600), within(1e-9));
    assertThat(energy.rule().get()).doesNotContain("estimated");
  }

  @Test
  void energyEstimatedFromThePowerTableWhenNothingWasMeasured() {
    LoadResult r = Prism.create().load(examples("llm-d"));
    int h200 = 0;
    for (BenchmarkPoint p : r.points()) {
      if (p.deployment().accelerator().name().equals("H100")) {
        // no sourced H100 figure in the table: unknown stays unknown
        assertThat(p.metrics().has(Metric.AVERAGE_POWER)).isFalse();
        assertThat(p.metrics().has(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS)).isFalse();
        continue;
      }
      h200++;
      // perfdash's H200 figure: 475 W per accelerator × 8 accelerators
      MetricValue power = p.metrics().get(Metric.AVERAGE_POWER).orElseThrow();
      assertThat(power.mean().getAsDouble()).isEqualTo(475.0 * 8);
      assertThat(power.rule().get())
          .startsWith("estimated: 8 accelerators × 475.0 W per H200 (perfdash")
          .contains("performance-dashboard");
      double out = p.metrics().mean(Metric.OUTPUT_THROUGHPUT).getAsDouble();
      MetricValue energy = p.metrics().get(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS).orElseThrow();
      assertThat(energy.mean().getAsDouble()).isCloseTo(3800e6 / (3600 * out), within(1e-9));
      assertThat(energy.rule().get()).contains("average_power estimated");
    }
    assertThat(h200).isEqualTo(10);
  }

  @Test
  void energyWorksInParetoAndSloQueries() throws Exception {
    List<BenchmarkPoint> points =
        Prism.create().load(examples("llm-d/h200-aggregated-2x-tp4")).points();
    ParetoResult f =
        Pareto.frontier(
            points,
            Measure.parse("output_throughput/chip"),
            Measure.parse("energy_per_million_output_tokens"));
    // same power at every load, so energy falls as throughput rises: one point dominates
    assertThat(f.frontier()).hasSize(1);
    BenchmarkPoint top =
        points.stream()
            .max(
                java.util.Comparator.comparingDouble(
                    p -> p.metrics().mean(Metric.OUTPUT_THROUGHPUT).getAsDouble()))
            .orElseThrow();
    assertThat(f.frontierPoints()).containsExactly(top);

    Optimum.Result best =
        Optimum.best(Measure.parse("energy_per_million_output_tokens"))
            .subjectTo("average_power<=4kW")
            .over(points);
    assertThat(best.winner()).isPresent();
    assertThat(
            Optimum.best(Measure.parse("energy_per_million_output_tokens"))
                .subjectTo("average_power<=3000W")
                .over(points)
                .winner())
        .isEmpty();
  }
}
