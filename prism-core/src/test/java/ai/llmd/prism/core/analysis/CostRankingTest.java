package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Statistic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The performance-dashboard's cost ranking at an SLO and the cost-vs-throughput frontier. */
class CostRankingTest {

  private static CostEstimator costs() throws IOException {
    String yaml =
        """
        catalogVersion: t
        rows:
          - {provider: X, region: r, machineType: m8, accelerator: A, acceleratorsPerMachine: 8,
             pricingModel: on-demand, usdPerMachineHour: 80, asOf: 2026-01-01, source: s,
             sourceUrl: https://x}
          - {provider: X, region: r, machineType: m8, accelerator: A, acceleratorsPerMachine: 8,
             pricingModel: spot, usdPerMachineHour: 24, asOf: 2026-01-01, source: s,
             sourceUrl: https://x}
        """;
    return CostEstimator.of(
        PricingCatalog.read(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"));
  }

  private static BenchmarkPoint p(String model, int chips, double c, double out, double ttftP90) {
    return point(model + c)
        .model(model)
        .accelerators("A", chips)
        .concurrency(c)
        .mean(Metric.OUTPUT_THROUGHPUT, out)
        .stat(Metric.TTFT, Statistic.P90, ttftP90)
        .build();
  }

  private static final BenchmarkPoint A1 = p("model-a", 8, 8, 1000, 300);
  private static final BenchmarkPoint A2 = p("model-a", 8, 32, 2000, 900);
  private static final BenchmarkPoint B = p("model-b", 16, 8, 3000, 400);
  private static final BenchmarkPoint C = p("model-c", 8, 8, 500, 1200);
  private static final List<BenchmarkPoint> ALL = List.of(A1, A2, B, C);

  @Test
  void ranksConfigurationsByCostAtTheirCheapestPointMeetingTheSlo() throws IOException {
    CostRanking.Ranking r =
        CostRanking.atSlo(ALL, "ttft.p90<=500ms", costs(), PricingModel.ON_DEMAND);

    // b: 16 × 10 $/h = 160 $/h at 3000 tok/s; a: 80 $/h at 1000 tok/s (2000 tok/s misses the SLO)
    double b = 160e6 / (3600 * 3000);
    double a = 80e6 / (3600 * 1000);
    assertThat(r.ranked()).extracting(CostRanking.Entry::point).containsExactly(B, A1);
    assertThat(r.ranked().get(0).perMillionOutputTokens()).isCloseTo(b, within(1e-9));
    assertThat(r.ranked().get(0).benefitPercent()).isZero();
    assertThat(r.ranked().get(1).perMillionOutputTokens()).isCloseTo(a, within(1e-9));
    assertThat(r.ranked().get(1).benefitPercent()).isCloseTo((a - b) / a * 100, within(1e-9));
    assertThat(r.ranked().get(1).cost().row().machineType()).isEqualTo("m8");
    assertThat(r.infeasible()).hasSize(1);
    assertThat(r.infeasible().values().iterator().next()).contains("ttft.p90<=500ms");
  }

  @Test
  void theCostFrontierPerPricingModel() throws IOException {
    Map<PricingModel, List<CostRanking.FrontierPoint>> f = CostRanking.frontiers(ALL, costs());

    // on-demand $/1M out: a@1000 22.2, a@2000 11.1, b@3000 14.8, c@500 44.4 — a@2000 beats a@1000
    // and c on both; b stays for its throughput
    assertThat(f).containsOnlyKeys(PricingModel.ON_DEMAND, PricingModel.SPOT);
    assertThat(f.get(PricingModel.ON_DEMAND))
        .extracting(CostRanking.FrontierPoint::point)
        .containsExactly(A2, B);
    assertThat(f.get(PricingModel.SPOT).get(0).perMillionOutputTokens())
        .isCloseTo(24e6 / (3600 * 2000), within(1e-9));
  }
}
