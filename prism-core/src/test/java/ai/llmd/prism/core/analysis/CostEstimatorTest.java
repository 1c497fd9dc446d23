package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

  private static final PricingCatalog BUILT_IN = PricingCatalog.builtIn();

  private static PricingCatalog yaml(String text) throws IOException {
    return PricingCatalog.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "user.yaml");
  }

  @Test
  void reproducesThePerfdashExampleForH200AtOneThousandTokensPerSecond() {
    BenchmarkPoint p =
        point("h200").accelerators("H200", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();

    CostEstimate c =
        CostEstimator.of(BUILT_IN)
            .withSource("perfdash")
            .estimate(p, PricingModel.ON_DEMAND)
            .orElseThrow();

    // perfdash.md §2.2: 41.62 $/h, 1,000 tok/s -> 1000 s per 1M tokens -> $11.56.
    assertThat(c.perMillionOutputTokens()).isCloseTo(11.5611, within(1e-4));
    assertThat(c.perMillionInputTokens()).isNull();
    assertThat(c.perMillionTotalTokens()).isNull();
    assertThat(c.estimated()).isTrue();
    assertThat(c.row().usdPerMachineHour()).isEqualTo(41.62);
    assertThat(c.row().asOf()).isEqualTo(LocalDate.of(2026, 3, 9)); // newer than the 63.30 label
    assertThat(c.basis())
        .contains("perfdash", "p5en.48xlarge", "41.62", "2026-03-09")
        .contains("all machine time charged to output tokens");
    assertThat(c.toCost()).get().extracting(Cost::estimated).isEqualTo(true);
  }

  @Test
  void splitsMachineTimeBetweenOutputAndInputTokensWithTheRatio() throws IOException {
    PricingCatalog cat =
        yaml(
            """
            catalogVersion: test-1
            rows:
              - {provider: X, region: r1, machineType: m8, accelerator: H100, acceleratorsPerMachine: 8,
                 pricingModel: on-demand, usdPerMachineHour: 80, asOf: 2026-01-01, source: s, sourceUrl: https://x}
            """);
    BenchmarkPoint p =
        point("p")
            .accelerators("H100", 16)
            .mean(Metric.OUTPUT_THROUGHPUT, 2000)
            .mean(Metric.INPUT_THROUGHPUT, 8000)
            .mean(Metric.TOTAL_THROUGHPUT, 10000)
            .build();

    CostEstimate c = CostEstimator.of(cat).estimate(p, PricingModel.ON_DEMAND).orElseThrow();

    // 16 chips at 10 $/chip-h = 160 $/h; out: 160e6 / (3600 × (2000 + 8000/4))
    assertThat(c.perMillionOutputTokens()).isCloseTo(11.1111, within(1e-4));
    assertThat(c.perMillionInputTokens()).isCloseTo(2.7778, within(1e-4));
    assertThat(c.perMillionTotalTokens()).isCloseTo(4.4444, within(1e-4));
    assertThat(
            CostEstimator.of(cat)
                .withOutputInputRatio(2)
                .estimate(p, PricingModel.ON_DEMAND)
                .orElseThrow()
                .perMillionOutputTokens())
        .isCloseTo(160e6 / (3600 * 6000), within(1e-9));
  }

  @Test
  void aCostStatedByTheSourceWinsOverTheCatalog() {
    BenchmarkPoint p =
        point("giq")
            .accelerators("H200", 8)
            .mean(Metric.OUTPUT_THROUGHPUT, 1000)
            .cost(new Cost(PricingModel.ON_DEMAND, 1.5, 0.375, false, "giq cost[0]"))
            .build();

    CostEstimate c =
        CostEstimator.of(BUILT_IN)
            .withSource("perfdash")
            .estimate(p, PricingModel.ON_DEMAND)
            .orElseThrow();

    assertThat(c.estimated()).isFalse();
    assertThat(c.perMillionOutputTokens()).isEqualTo(1.5);
    assertThat(c.perMillionInputTokens()).isEqualTo(0.375);
    assertThat(c.catalogRow()).isEmpty();
    assertThat(c.basis()).contains("giq cost[0]");
  }

  @Test
  void aPointWithoutAPriceHasAReasonNeverZero() {
    CostEstimator e = CostEstimator.of(BUILT_IN);
    BenchmarkPoint spyre =
        point("s").accelerators("Spyre", 8).mean(Metric.OUTPUT_THROUGHPUT, 100).build();
    BenchmarkPoint noCount = point("n").mean(Metric.OUTPUT_THROUGHPUT, 100).build();
    BenchmarkPoint noTput = point("t").accelerators("H200", 8).build();

    assertThat(e.estimate(spyre, PricingModel.ON_DEMAND)).isEmpty();
    assertThat(e.whyNoPrice(spyre, PricingModel.ON_DEMAND))
        .hasValueSatisfying(r -> assertThat(r).contains("no price", "Spyre"));
    assertThat(e.whyNoPrice(noCount, PricingModel.ON_DEMAND))
        .hasValue("no price: the accelerator is unknown");
    assertThat(e.withSource("perfdash").whyNoPrice(noTput, PricingModel.ON_DEMAND))
        .hasValueSatisfying(r -> assertThat(r).contains("throughput"));
    // perfdash has no spot prices at all.
    assertThat(
            e.withSource("perfdash")
                .estimate(
                    point("x").accelerators("H200", 8).mean(Metric.OUTPUT_THROUGHPUT, 1).build(),
                    PricingModel.SPOT))
        .isEmpty();
  }

  @Test
  void hardFiltersNarrowTheRowsToOne() {
    BenchmarkPoint p =
        point("h100").accelerators("H100", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();

    CostEstimate gcp =
        CostEstimator.of(BUILT_IN)
            .withProvider("GCP")
            .withMachineType("a3-megagpu-8g")
            .estimate(p, PricingModel.CUD_1Y)
            .orElseThrow();
    assertThat(gcp.row().usdPerMachineHour()).isEqualTo(63.9434);
    assertThat(gcp.selection()).isEqualTo("the only matching row");
    assertThat(gcp.perMillionOutputTokens()).isCloseTo(63.9434e6 / 3.6e6, within(1e-9));
  }

  @Test
  void builtInCatalogCitesASourceAndDatingForEveryRow() {
    assertThat(BUILT_IN.rows()).hasSize(85);
    assertThat(BUILT_IN.rows())
        .allSatisfy(
            r -> {
              assertThat(r.sourceUrl()).startsWith("https://github.com/");
              assertThat(r.asOfText()).isNotBlank();
              assertThat(r.usdPerMachineHour()).isPositive();
            });
    assertThat(BUILT_IN.rows())
        .filteredOn(r -> r.source().equals("perfdash"))
        .extracting(PriceRow::accelerator, PriceRow::usdPerMachineHour)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TPU v6e", 2.70),
            org.assertj.core.groups.Tuple.tuple("B200", 74.88),
            org.assertj.core.groups.Tuple.tuple("H200", 41.62),
            org.assertj.core.groups.Tuple.tuple("H200", 63.30),
            org.assertj.core.groups.Tuple.tuple("MI300X", 48.00));
  }

  @Test
  void usersOverrideAndExtendTheCatalog() throws IOException {
    PricingCatalog mine =
        yaml(
            """
            catalogVersion: mine-2026-11
            rows:
              - {provider: AWS, region: list, machineType: p5en.48xlarge, accelerator: H200,
                 acceleratorsPerMachine: 8, pricingModel: on-demand, usdPerMachineHour: 40,
                 asOf: 2026-03-09, source: perfdash, sourceUrl: https://example.com/negotiated}
              - {provider: Lab, region: onprem, machineType: box, accelerator: Spyre,
                 acceleratorsPerMachine: 8, pricingModel: on-demand, usdPerMachineHour: 16,
                 asOf: 2026-11-01, source: internal, sourceUrl: https://example.com/tco}
            """);

    PricingCatalog merged = BUILT_IN.overriddenBy(mine);

    assertThat(merged.rows()).hasSize(86);
    assertThat(merged.version()).isEqualTo("mine-2026-11");
    BenchmarkPoint h200 =
        point("h").accelerators("H200", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();
    assertThat(
            CostEstimator.of(merged)
                .withSource("perfdash")
                .estimate(h200, PricingModel.ON_DEMAND)
                .orElseThrow()
                .perMillionOutputTokens())
        .isCloseTo(40e6 / 3.6e6, within(1e-9));
    BenchmarkPoint spyre =
        point("s").accelerators("spyre", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();
    assertThat(CostEstimator.of(merged).estimate(spyre, PricingModel.ON_DEMAND)).isPresent();
  }

  @Test
  void aBadCatalogRowIsRefusedNamingRowAndField() {
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    rows:
                      - {provider: X, region: r, machineType: m, accelerator: H100,
                         acceleratorsPerMachine: 8, pricingModel: reserved, usdPerMachineHour: 1,
                         source: s, sourceUrl: u}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user.yaml:/rows/0")
        .hasMessageContaining("pricingModel");
    assertThatThrownBy(
            () ->
                yaml(
                    """
                    rows:
                      - {provider: X, region: r, machineType: m, accelerator: H100,
                         acceleratorsPerMachine: 8, pricingModel: spot, usdPerMachineHour: 0,
                         source: s, sourceUrl: u}
                    """))
        .hasMessageContaining("usdPerMachineHour");
    assertThat(List.of(BUILT_IN.version())).containsExactly("2026-11-22.1");
  }
}
