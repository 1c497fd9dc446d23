package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The price-selection policy of docs/pricing.md: every point whose accelerator has a catalog row is
 * priced without a flag, and every expected figure below is worked out by hand from the catalog
 * rows it names (USD per machine-hour ÷ accelerators per machine × the point's accelerators).
 */
class DefaultPricingTest {

  private static final PricingCatalog BUILT_IN = PricingCatalog.builtIn();
  private static final CostEstimator DEFAULT = CostEstimator.of(BUILT_IN);

  private static Path examples(String relative) {
    return Fixtures.repositoryRoot().orElseThrow().resolve("examples").resolve(relative);
  }

  /** $/1M output tokens with r = 4: hourly × 10^6 / (3600 × (out + in / 4)). */
  private static double perMillionOut(BenchmarkPoint p, double usdPerHour) {
    double out = p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow();
    double in = p.metrics().mean(Metric.INPUT_THROUGHPUT).orElse(0);
    return usdPerHour * 1e6 / (3600 * (out + in / 4));
  }

  private static CostEstimate priced(CostEstimator e, BenchmarkPoint p, PricingModel m) {
    return e.estimate(p, m)
        .orElseThrow(() -> new AssertionError(e.whyNoPrice(p, m).orElse("?") + " at " + p));
  }

  @Test
  void everyExamplePointIsPricedByDefaultFromTheGcpRows() {
    LoadResult r = Prism.create().load(examples("llm-d"));
    assertThat(r.points()).hasSize(20);
    for (BenchmarkPoint p : r.points()) {
      String acc = p.deployment().accelerator().name();
      // 4 × TP2, 1 prefill × TP2 + 3 decode × TP2, 2 × TP4, 1 × TP4 + 1 × TP4: 8 accelerators each
      assertThat(Views.accelerators(p.deployment())).hasValue(8);
      if (acc.equals("H100")) {
        // GCP a3-highgpu-8g us-central1 (cyclenerd 2026-08-20), 8 × H100 per machine
        double[] machineHour = {88.49, 53.0936, 61.3837, 38.8644};
        PricingModel[] models = PricingModel.values();
        for (int i = 0; i < models.length; i++) {
          CostEstimate c = priced(DEFAULT, p, models[i]);
          assertThat(c.row().machineType()).isEqualTo("a3-highgpu-8g");
          assertThat(c.perMillionOutputTokens())
              .isCloseTo(perMillionOut(p, 8 * machineHour[i] / 8), within(1e-9));
          assertThat(c.selection()).contains("profile gcp-us-central1: provider GCP");
        }
      } else {
        assertThat(acc).isEqualTo("H200");
        // GCP a3-ultragpu-8g us-central1 (SkyPilot catalog, low confidence on-demand)
        assertThat(priced(DEFAULT, p, PricingModel.ON_DEMAND).perMillionOutputTokens())
            .isCloseTo(perMillionOut(p, 86.7599), within(1e-9));
        assertThat(priced(DEFAULT, p, PricingModel.SPOT).perMillionOutputTokens())
            .isCloseTo(perMillionOut(p, 40.9943), within(1e-9));
        assertThat(priced(DEFAULT, p, PricingModel.ON_DEMAND).basis()).contains("low confidence");
      }
    }
  }

  @Test
  void disaggregatedPointsPayForPrefillAndDecodeReplicas() {
    BenchmarkPoint pd =
        Prism.create()
            .load(examples("llm-d/h100-disaggregated-1p3d-tp2/concurrency-032.yaml"))
            .points()
            .get(0);
    assertThat(pd.deployment().roles())
        .extracting(Role::kind, Role::replicas, Role::acceleratorsPerReplica)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Role.Kind.PREFILL, 1, 2),
            org.assertj.core.groups.Tuple.tuple(Role.Kind.DECODE, 3, 2));
    // (1 × 2 + 3 × 2) H100 × 88.49 / 8 USD = 88.49 USD/h
    CostEstimate c = priced(DEFAULT, pd, PricingModel.ON_DEMAND);
    assertThat(c.perMillionOutputTokens()).isCloseTo(perMillionOut(pd, 88.49), within(1e-9));

    // 2 prefill × TP4 + 1 decode × TP8 = 16 H100; 3-year CUD 38.8644 / 8 per chip-hour
    BenchmarkPoint big =
        point("pd16")
            .accelerators("H100", 16)
            .role(Role.Kind.PREFILL, 2, 4)
            .role(Role.Kind.DECODE, 1, 8)
            .mean(Metric.OUTPUT_THROUGHPUT, 5000)
            .mean(Metric.INPUT_THROUGHPUT, 20000)
            .build();
    assertThat(priced(DEFAULT, big, PricingModel.CUD_3Y).perMillionOutputTokens())
        .isCloseTo(16 * 38.8644 / 8 * 1e6 / (3600 * (5000 + 20000 / 4.0)), within(1e-9));
  }

  @Test
  void replicasAreFittedOnWholeMachinesOfTheirSize() {
    // 4 replicas × TP1 on L4: one-GPU g2-standard-4 (0.7068 USD/h) each, not a g2-standard-96 share
    BenchmarkPoint small =
        point("l4x4")
            .accelerators("L4", 4)
            .role(Role.Kind.AGGREGATED, 4, 1)
            .mean(Metric.OUTPUT_THROUGHPUT, 1000)
            .build();
    CostEstimate c = priced(DEFAULT, small, PricingModel.ON_DEMAND);
    assertThat(c.row().machineType()).isEqualTo("g2-standard-4");
    assertThat(c.perMillionOutputTokens()).isCloseTo(4 * 0.7068 * 1e6 / 3.6e6, within(1e-9));
    // one TP8 replica needs a g2-standard-96: 8.0033 USD/h
    BenchmarkPoint wide =
        point("l4tp8")
            .accelerators("L4", 8)
            .role(Role.Kind.AGGREGATED, 1, 8)
            .mean(Metric.OUTPUT_THROUGHPUT, 1000)
            .build();
    CostEstimate w = priced(DEFAULT, wide, PricingModel.ON_DEMAND);
    assertThat(w.row().machineType()).isEqualTo("g2-standard-96");
    assertThat(w.perMillionOutputTokens()).isCloseTo(8.0033 * 1e6 / 3.6e6, within(1e-9));
  }

  @Test
  void theRangeSpansEveryMatchingRow() {
    BenchmarkPoint p =
        point("h100").accelerators("H100", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();
    CostEstimate c = priced(DEFAULT, p, PricingModel.ON_DEMAND);
    // on-demand H100 rows: GCP a3-highgpu-8g 88.49, GCP a3-megagpu-8g 92.9376,
    // AWS p5.48xlarge 55.04, Azure ND96isr_H100_v5 98.32 (all per 8 GPUs)
    CostEstimate.Range range = c.priceRange().orElseThrow();
    assertThat(range.rows()).isEqualTo(4);
    assertThat(range.usdPerAcceleratorHourLow()).isCloseTo(55.04 / 8, within(1e-12));
    assertThat(range.usdPerAcceleratorHourHigh()).isCloseTo(98.32 / 8, within(1e-12));
    assertThat(range.perMillionOutputTokensLow()).isCloseTo(55.04 * 1e6 / 3.6e6, within(1e-9));
    assertThat(range.perMillionOutputTokensHigh()).isCloseTo(98.32 * 1e6 / 3.6e6, within(1e-9));
    assertThat(c.perMillionOutputTokens()).isCloseTo(88.49 * 1e6 / 3.6e6, within(1e-9));
    // the provider flag narrows the candidates (and the range) but still answers
    CostEstimate gcp = priced(DEFAULT.withProvider("GCP"), p, PricingModel.ON_DEMAND);
    assertThat(gcp.row().machineType()).isEqualTo("a3-highgpu-8g");
    assertThat(gcp.priceRange().orElseThrow().rows()).isEqualTo(2);
    assertThat(gcp.priceRange().orElseThrow().usdPerAcceleratorHourHigh())
        .isCloseTo(92.9376 / 8, within(1e-12));
  }

  @Test
  void aCostTheSourceStatesBeatsTheEstimateAndItsMachineTypePicksTheRow() throws IOException {
    LoadResult r = Prism.create().load(examples("giq/benchmarking-data.json"));
    BenchmarkPoint first = r.points().get(0);
    assertThat(first.labels()).containsEntry(CostEstimator.MACHINE_TYPE_LABEL, "a3-highgpu-8g");

    CostEstimate onDemand = priced(DEFAULT, first, PricingModel.ON_DEMAND);
    assertThat(onDemand.estimated()).isFalse();
    // the file's on-demand cost: 37 units + 57777778 nanos
    assertThat(onDemand.perMillionOutputTokens()).isCloseTo(37.057777778, within(1e-9));
    assertThat(onDemand.row()).isNull();

    // no stated CUD cost: the machine type the source names picks the row
    CostEstimate cud =
        priced(DEFAULT.withProfile(profile("provider: AWS")), first, PricingModel.CUD_1Y);
    assertThat(cud.estimated()).isTrue();
    assertThat(cud.row().machineType()).isEqualTo("a3-highgpu-8g");
    assertThat(cud.selection()).contains("the machine type the source names (a3-highgpu-8g)");
    assertThat(cud.perMillionOutputTokens()).isCloseTo(perMillionOut(first, 61.3837), within(1e-9));
  }

  @Test
  void aProfileFileOverridesTheDefaultProfile() throws IOException {
    BenchmarkPoint p =
        point("h100").accelerators("H100", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();
    CostEstimator aws = DEFAULT.withProfile(profile("profile: team\nprovider: AWS\n"));

    CostEstimate c = priced(aws, p, PricingModel.ON_DEMAND);
    // AWS p5.48xlarge, 55.04 USD per 8 GPUs
    assertThat(c.row().machineType()).isEqualTo("p5.48xlarge");
    assertThat(c.perMillionOutputTokens()).isCloseTo(55.04 * 1e6 / 3.6e6, within(1e-9));
    assertThat(c.selection()).contains("profile team over gcp-us-central1: provider AWS");
    // AWS has no CUD rows: preferences never remove rows, so the GCP one still answers
    assertThat(priced(aws, p, PricingModel.CUD_1Y).row().machineType()).isEqualTo("a3-highgpu-8g");
    // a machine type per accelerator beats the provider preference
    CostEstimator mega =
        DEFAULT.withProfile(profile("provider: AWS\nmachineTypes: {H100: a3-megagpu-8g}\n"));
    assertThat(priced(mega, p, PricingModel.SPOT).perMillionOutputTokens())
        .isCloseTo(28.1338 * 1e6 / 3.6e6, within(1e-9));
  }

  @Test
  void aBadProfileIsRefusedNamingTheField() {
    assertThatThrownBy(() -> profile("provider: [AWS]"))
        .hasMessageContaining("team.yaml:/provider");
    assertThatThrownBy(() -> profile("provder: AWS"))
        .hasMessageContaining("team.yaml:/provder")
        .hasMessageContaining("not a profile field");
  }

  @Test
  void noPriceOnlyWhenNoRowExistsAndItSaysWhy() {
    BenchmarkPoint spyre =
        point("s").accelerators("Spyre", 4).mean(Metric.OUTPUT_THROUGHPUT, 100).build();
    assertThat(DEFAULT.whyNoPrice(spyre, PricingModel.ON_DEMAND))
        .hasValueSatisfying(
            w -> assertThat(w).startsWith("no price: ").contains("no row for Spyre at all"));

    // MI300X has one on-demand row (perfdash, Azure): no spot row exists, and the reason lists
    // what the catalog does have
    BenchmarkPoint mi =
        point("m").accelerators("MI300X", 8).mean(Metric.OUTPUT_THROUGHPUT, 1000).build();
    assertThat(priced(DEFAULT, mi, PricingModel.ON_DEMAND).perMillionOutputTokens())
        .isCloseTo(48.0 * 1e6 / 3.6e6, within(1e-9));
    assertThat(DEFAULT.whyNoPrice(mi, PricingModel.SPOT))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("no spot price for MI300X")
                    .contains("Azure ND96isr MI300X v5 on-demand"));
    // a hard filter that matches nothing says so
    assertThat(DEFAULT.withProvider("GCP").whyNoPrice(mi, PricingModel.ON_DEMAND))
        .hasValueSatisfying(w -> assertThat(w).contains("provider GCP"));
  }

  @Test
  void thePrismArchiveIsPricedByDefault() {
    LoadResult r = Prism.create().load(Fixtures.require("prism/llm-d-benchmarks.json"));
    assertThat(r.points()).isNotEmpty();
    int priced = 0;
    for (BenchmarkPoint p : r.points()) {
      assertThat(p.deployment().accelerator().name()).isEqualTo("H100");
      if (p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElse(0) <= 0) {
        continue;
      }
      int chips = Views.accelerators(p.deployment()).orElseThrow();
      CostEstimate c = priced(DEFAULT, p, PricingModel.SPOT);
      // GCP a3-highgpu-8g spot: 53.0936 USD per 8 H100
      assertThat(c.perMillionOutputTokens())
          .isCloseTo(perMillionOut(p, chips * 53.0936 / 8), within(1e-9));
      priced++;
    }
    assertThat(priced).isEqualTo(r.points().size());
  }

  private static PricingProfile profile(String yaml) throws IOException {
    return PricingProfile.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "team.yaml");
  }

  @Test
  void theBuiltInCatalogShipsItsDefaultProfile() {
    PricingProfile d = BUILT_IN.defaultProfile();
    assertThat(d.name()).isEqualTo("gcp-us-central1");
    assertThat(List.of(d.provider(), d.region())).containsExactly("GCP", "us-central1");
    assertThat(d.sources()).startsWith("cyclenerd-gcp-pricing");
  }
}
