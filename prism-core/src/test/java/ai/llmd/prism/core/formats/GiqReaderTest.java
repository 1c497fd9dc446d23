package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.load;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import org.junit.jupiter.api.Test;

/** No real GIQ response is public; these inputs follow the v1 proto and proto3 JSON rules. */
class GiqReaderTest {

  private final GiqReader reader = new GiqReader();

  @Test
  void readsOnePointPerProfileOfAProfilesFetchResponse() {
    LoadResult r = load(reader, resource("giq/profiles-fetch.json"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.points()).hasSize(2);
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.model().raw()).isEqualTo("google/gemma-2-27b-it");
    assertThat(p.deployment().engine()).isEqualTo("vllm");
    assertThat(p.deployment().engineVersion()).isEqualTo("v0.7.2");
    assertThat(p.deployment().accelerator().raw()).isEqualTo("nvidia-h100-80gb");
    assertThat(p.deployment().acceleratorCount()).isEqualTo(2);
    assertThat(p.metrics().mean(Metric.REQUEST_RATE)).hasValue(5.25);
    assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1650.0);
    assertThat(p.metrics().mean(Metric.NTPOT)).hasValue(38.0);
    assertThat(p.metrics().mean(Metric.TTFT)).hasValue(212.0);
    assertThat(p.metrics().size()).isEqualTo(4);
    assertThat(p.labels()).containsEntry("instanceType", "a3-highgpu-2g");
    assertThat(p.provenance().location()).isEqualTo("/profile/0/performanceStats/0");
    assertThat(p.provenance().formatVersion()).isEqualTo("v1");
    assertThat(p.costs())
        .containsExactly(
            new Cost(
                PricingModel.SPOT,
                1.25,
                0.3125,
                false,
                "source: profile/0/performanceStats/0/cost/0"));

    BenchmarkPoint tpu = r.points().get(1);
    assertThat(tpu.deployment().engineVersion()).isNull();
    assertThat(tpu.deployment().accelerator().raw()).isEqualTo("tpu-v6e-slice");
    assertThat(tpu.labels()).containsEntry("tpuTopology", "2x2");
    assertThat(tpu.costs()).isEmpty();
  }

  @Test
  void readsTheWholeCurveWithACostPerPricingModel() {
    LoadResult r = load(reader, resource("giq/benchmarking-data.json"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.points()).hasSize(3);
    assertThat(r.points()).extracting(p -> p.workload().stage()).containsExactly(0, 1, 2);
    BenchmarkPoint first = r.points().get(0);
    assertThat(first.costs())
        .extracting(Cost::pricingModel)
        .containsExactly(
            PricingModel.ON_DEMAND, PricingModel.SPOT, PricingModel.CUD_1Y, PricingModel.CUD_3Y);
    assertThat(first.costs()).allMatch(c -> !c.estimated());
    assertThat(first.costs().get(0).perMillionOutputTokens()).isEqualTo(20.5);
    assertThat(first.costs().get(0).perMillionInputTokens()).isEqualTo(5.125);
    assertThat(first.costs().get(1).perMillionOutputTokens()).isEqualTo(8.2);
    assertThat(first.costs().get(1).perMillionInputTokens()).isCloseTo(2.05, within(1e-12));
    assertThat(first.costs().get(2).perMillionOutputTokens()).isEqualTo(14.0);
    assertThat(first.costs().get(3).perMillionOutputTokens()).isEqualTo(10.000000001);
    assertThat(first.costs().get(3).basis())
        .isEqualTo("source: profile/0/performanceStats/0/cost/3");

    // proto3 omits zero fields: an omitted rate or TTFT is absent, never 0
    BenchmarkPoint last = r.points().get(2);
    assertThat(last.metrics().metrics())
        .containsExactlyInAnyOrder(Metric.OUTPUT_THROUGHPUT, Metric.NTPOT);
    assertThat(last.costs()).isEmpty();
  }

  @Test
  void badValuesAreReportedAtTheirPointersAndTheRestLoads() {
    LoadResult r = load(reader, resource("giq/bad.json"));

    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.metrics().metrics()).containsExactly(Metric.OUTPUT_THROUGHPUT);
              assertThat(p.deployment().acceleratorCount()).isNull();
              assertThat(p.costs())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.pricingModel()).isEqualTo(PricingModel.SPOT);
                        assertThat(c.perMillionOutputTokens()).isEqualTo(2.5);
                        assertThat(c.basis()).contains("pricingModel omitted");
                      });
              assertThat(p.provenance().location())
                  .isEqualTo("/benchmarkingData/0/performanceStats/0");
            });
    assertThat(errors(r))
        .extracting(Problem::location)
        .containsExactly(
            "/benchmarkingData/0/resourcesUsed/acceleratorCount",
            "/benchmarkingData/0/performanceStats/0/queriesPerSecond",
            "/benchmarkingData/0/performanceStats/0/ttftMilliseconds",
            "/benchmarkingData/0/performanceStats/0/cost/0/costPerMillionOutputTokens/units",
            "/benchmarkingData/0/performanceStats/0/cost/1/pricingModel",
            "/benchmarkingData/1/modelServerInfo/model");
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.WARNING)
        .extracting(Problem::location)
        .containsExactly(
            "/benchmarkingData/0/performanceStats/0/cost/0",
            "/benchmarkingData/0/performanceStats/0/cost/2/pricingModel",
            "/benchmarkingData/2/performanceStats");
  }

  @Test
  void mapsEveryPricingModelStringOfTheApi() {
    assertThat(GiqReader.pricingModel("spot")).isEqualTo(PricingModel.SPOT);
    assertThat(GiqReader.pricingModel("on-demand")).isEqualTo(PricingModel.ON_DEMAND);
    assertThat(GiqReader.pricingModel("1-year-cud")).isEqualTo(PricingModel.CUD_1Y);
    assertThat(GiqReader.pricingModel("3-years-cud")).isEqualTo(PricingModel.CUD_3Y);
    assertThat(GiqReader.pricingModel("preemptible")).isNull();
  }

  @Test
  void sniffingPicksThisReader() {
    for (String f :
        new String[] {"giq/profiles-fetch.json", "giq/benchmarking-data.json", "giq/bad.json"}) {
      LoadResult r = ReaderTesting.sniffed(resource(f));
      assertThat(r.points()).isNotEmpty().allMatch(p -> p.provenance().format().equals("giq"));
    }
  }
}
