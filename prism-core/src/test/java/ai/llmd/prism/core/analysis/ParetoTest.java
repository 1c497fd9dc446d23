package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static ai.llmd.prism.core.analysis.TestPoints.xy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoTest {

  private static final Measure TPOT = Measure.of(Metric.TPOT);
  private static final Measure OUT = Measure.of(Metric.OUTPUT_THROUGHPUT);

  private static BenchmarkPoint tp(String n, double tpot, double out) {
    return xy(n, Metric.TPOT, tpot, Metric.OUTPUT_THROUGHPUT, out);
  }

  @Test
  void prismTieCaseGivesTheExactFrontierWithoutDominatedPoints() {
    // prism.md §5: Prism returns (10,100),(10,120),(15,200),(25,250); (10,100) is dominated.
    List<BenchmarkPoint> in =
        List.of(
            tp("a", 10, 100),
            tp("b", 10, 120),
            tp("c", 12, 120),
            tp("d", 15, 200),
            tp("e", 20, 150),
            tp("f", 25, 250));

    ParetoResult r = Pareto.frontier(in, TPOT, OUT);

    assertThat(r.frontier())
        .extracting(ParetoResult.Entry::values)
        .containsExactly(List.of(10.0, 120.0), List.of(15.0, 200.0), List.of(25.0, 250.0));
    assertThat(r.entries())
        .extracting(ParetoResult.Entry::onFrontier)
        .containsExactly(false, true, false, true, false, true);
    assertThat(r.ties()).isEmpty();
    assertThat(r.excluded()).isEmpty();
  }

  @Test
  void eachMeasureKeepsItsOwnDirectionEvenOnTheFirstAxis() {
    // Both higher-is-better: the point with the highest x is on the frontier, not the lowest.
    List<BenchmarkPoint> in =
        List.of(
            xy("low", Metric.OUTPUT_THROUGHPUT, 100, Metric.REQUEST_RATE, 5),
            xy("high", Metric.OUTPUT_THROUGHPUT, 900, Metric.REQUEST_RATE, 5),
            xy("mid", Metric.OUTPUT_THROUGHPUT, 500, Metric.REQUEST_RATE, 7));

    ParetoResult r = Pareto.frontier(in, OUT, Measure.of(Metric.REQUEST_RATE));

    assertThat(r.frontierPoints())
        .extracting(p -> p.provenance().source().toString())
        .containsExactly("test:mid", "test:high");
  }

  @Test
  void refusesANeutralMetricWithAClearMessage() {
    assertThatThrownBy(() -> Pareto.frontier(List.of(), OUT, Measure.of(Metric.REQUESTS_TOTAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requests_total")
        .hasMessageContaining("NEUTRAL");
    assertThatThrownBy(
            () ->
                Pareto.frontierIndices(
                    new double[][] {{1}, {2}}, Direction.NEUTRAL, Direction.HIGHER_IS_BETTER))
        .hasMessageContaining("NEUTRAL");
    assertThatThrownBy(() -> Pareto.frontier(List.of(), OUT)).hasMessageContaining("two or more");
  }

  @Test
  void exactDuplicatesAreBothKeptAndReportedAsTies() {
    BenchmarkPoint a = tp("a", 20, 500);
    BenchmarkPoint b = tp("b", 20, 500);
    BenchmarkPoint c = tp("c", 30, 400);

    ParetoResult r = Pareto.frontier(List.of(a, b, c), TPOT, OUT);

    assertThat(r.frontierPoints()).containsExactly(a, b);
    assertThat(r.isOnFrontier(a)).isTrue();
    assertThat(r.isOnFrontier(c)).isFalse();
    assertThat(r.ties()).singleElement().satisfies(t -> assertThat(t).hasSize(2));
  }

  @Test
  void equalXAndBetterYDominates() {
    BenchmarkPoint worse = tp("worse", 20, 400);
    BenchmarkPoint better = tp("better", 20, 500);

    assertThat(Pareto.frontier(List.of(worse, better), TPOT, OUT).frontierPoints())
        .containsExactly(better);
  }

  @Test
  void pointsLackingAMeasureAreReportedWithTheReasonNotDropped() {
    BenchmarkPoint noP90 =
        point("nop90")
            .stat(Metric.TTFT, Statistic.MEAN, 5)
            .stat(Metric.TTFT, Statistic.P50, 4)
            .mean(Metric.OUTPUT_THROUGHPUT, 10)
            .build();
    BenchmarkPoint noTput = point("notput").stat(Metric.TTFT, Statistic.P90, 3).build();
    BenchmarkPoint noChips =
        point("nochips")
            .stat(Metric.TTFT, Statistic.P90, 3)
            .mean(Metric.OUTPUT_THROUGHPUT, 9)
            .build();
    BenchmarkPoint ok =
        point("ok")
            .stat(Metric.TTFT, Statistic.P90, 3)
            .mean(Metric.OUTPUT_THROUGHPUT, 80)
            .accelerators("H100", 8)
            .build();

    ParetoResult r =
        Pareto.frontier(
            List.of(noP90, noTput, noChips, ok),
            Measure.of(Metric.TTFT, Statistic.P90),
            OUT.per(Views.Basis.ACCELERATOR));

    assertThat(r.excluded())
        .extracting(ParetoResult.Excluded::reason)
        .containsExactly(
            "ttft has no p90 (the source gave mean, p50)",
            "output_throughput is absent",
            "output_throughput per accelerator needs the deployment's accelerator count");
    assertThat(r.frontier())
        .singleElement()
        .satisfies(e -> assertThat(e.values()).containsExactly(3.0, 10.0));
  }

  @Test
  void perGroupFrontiersAreComputedSeparately() {
    BenchmarkPoint h1 =
        point("h1")
            .accelerators("H100", 8)
            .mean(Metric.TPOT, 10)
            .mean(Metric.OUTPUT_THROUGHPUT, 100)
            .build();
    BenchmarkPoint h2 =
        point("h2")
            .accelerators("H100", 8)
            .mean(Metric.TPOT, 20)
            .mean(Metric.OUTPUT_THROUGHPUT, 90)
            .build();
    BenchmarkPoint b1 =
        point("b1")
            .accelerators("B200", 8)
            .mean(Metric.TPOT, 30)
            .mean(Metric.OUTPUT_THROUGHPUT, 50)
            .build();

    Map<String, ParetoResult> r =
        Pareto.frontiers(List.of(h1, h2, b1), p -> p.deployment().accelerator().name(), TPOT, OUT);

    assertThat(r.keySet()).containsExactly("H100", "B200");
    assertThat(r.get("H100").frontierPoints()).containsExactly(h1);
    // Globally b1 is dominated by h1; within its group it is the frontier.
    assertThat(r.get("B200").frontierPoints()).containsExactly(b1);
  }

  @Test
  void kneeIsTheFrontierPointClosestToUtopia() {
    List<BenchmarkPoint> in =
        List.of(tp("fast", 10, 100), tp("knee", 12, 900), tp("big", 40, 1000));

    ParetoResult r = Pareto.frontier(in, TPOT, OUT);

    // normalised: fast (1, 0) -> 1.0; knee (28/30, 8/9); big (0, 1) -> 1.0
    assertThat(r.knee())
        .get()
        .extracting(e -> e.point().provenance().source().toString())
        .isEqualTo("test:knee");
  }

  @Test
  void threeMeasuresUseEveryDirection() {
    Measure ttft = Measure.of(Metric.TTFT);
    BenchmarkPoint a =
        point("a")
            .mean(Metric.TPOT, 10)
            .mean(Metric.OUTPUT_THROUGHPUT, 100)
            .mean(Metric.TTFT, 500)
            .build();
    BenchmarkPoint b =
        point("b")
            .mean(Metric.TPOT, 10)
            .mean(Metric.OUTPUT_THROUGHPUT, 100)
            .mean(Metric.TTFT, 400)
            .build();
    BenchmarkPoint c =
        point("c")
            .mean(Metric.TPOT, 5)
            .mean(Metric.OUTPUT_THROUGHPUT, 50)
            .mean(Metric.TTFT, 900)
            .build();

    assertThat(Pareto.frontier(List.of(a, b, c), TPOT, OUT, ttft).frontierPoints())
        .containsExactly(c, b);
  }

  @Test
  void primitiveCoreHandlesLargeInputsAndNegativeZero() {
    int n = 5000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = n - i; // every point trades off: all on the frontier when x is maximised
    }
    assertThat(
            Pareto.frontierIndices(
                new double[][] {x, y}, Direction.HIGHER_IS_BETTER, Direction.HIGHER_IS_BETTER))
        .hasSize(n);
    assertThat(
            Pareto.frontierIndices(
                new double[][] {{0.0, -0.0}, {1, 1}},
                Direction.LOWER_IS_BETTER,
                Direction.HIGHER_IS_BETTER))
        .containsExactly(0, 1);
  }
}
