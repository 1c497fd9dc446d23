package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.assertStat;
import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.locations;
import static ai.llmd.prism.core.formats.ReaderTesting.only;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GuideLlmReaderTest {

  private static final GuideLlmReader READER = new GuideLlmReader();

  /** e2e ≈ ttft + GuideLLM's ITL × (OSL − 1): its ITL leaves out the first token. */
  private static void latenciesAgree(BenchmarkPoint p, double tolerance) {
    double osl = p.workload().outputLength().mean().getAsDouble();
    double e2e = p.metrics().mean(Metric.E2E_LATENCY).getAsDouble();
    double sum =
        p.metrics().mean(Metric.TTFT).getAsDouble()
            + p.metrics().mean(Metric.ITL).getAsDouble() * (osl - 1);
    assertThat(sum).isCloseTo(e2e, within(tolerance * e2e));
  }

  @Test
  void aSchemaV1YamlReportIsOnePointPerBenchmarkWithMixedUnitsConverted() {
    LoadResult r = only(READER).load(resource("guidellm/v1-report.yaml"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.points()).extracting(p -> p.workload().stage()).containsExactly(0, 1);
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.provenance().formatVersion()).isEqualTo("v1");
    assertThat(p.provenance().location()).isEqualTo("/benchmarks/0");
    assertThat(p.workload().harnessVersion()).isEqualTo("0.5.0");
    assertThat(p.model().raw()).isEqualTo("ibm-granite/granite-3.3-8b-instruct");
    // request_latency is in seconds
    assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().distribution().statistics())
        .isEqualTo(EnumSet.allOf(Statistic.class));
    assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 2500);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 2400); // the median: no p50 in v1
    assertStat(p, Metric.E2E_LATENCY, Statistic.P0_1, 2000); // p001
    assertStat(p, Metric.E2E_LATENCY, Statistic.P1, 2050); // p01
    assertStat(p, Metric.E2E_LATENCY, Statistic.P99_9, 3500); // p999
    assertStat(p, Metric.E2E_LATENCY, Statistic.STDDEV, 200);
    // *_ms metrics are already ms
    assertStat(p, Metric.TTFT, Statistic.MEAN, 150);
    assertStat(p, Metric.TTFT, Statistic.P99, 290);
    assertStat(p, Metric.TPOT, Statistic.MEAN, 36.7);
    assertStat(p, Metric.ITL, Statistic.P99, 51);
    latenciesAgree(p, 1e-3);
  }

  @Test
  void throughputsKeepOnlyTheirMeanAndTotalsCountEveryStatus() {
    BenchmarkPoint p = only(READER).load(resource("guidellm/v1-report.yaml")).points().get(0);
    assertThat(p.metrics().get(Metric.OUTPUT_THROUGHPUT).orElseThrow().distribution().statistics())
        .containsExactly(Statistic.MEAN);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 102.4);
    assertStat(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN, 819.2);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 921.6);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 1.6);
    assertStat(p, Metric.REQUESTS_TOTAL, Statistic.MEAN, 103);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 100);
    assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 1);
    assertStat(p, Metric.REQUESTS_INCOMPLETE, Statistic.MEAN, 2);
    assertStat(p, Metric.DURATION, Statistic.MEAN, 60);
    assertThat(p.workload().inputLength().get(Statistic.P99)).hasValue(514.0);
    assertThat(p.labels())
        .containsEntry("data", "prompt_tokens=512,output_tokens=64")
        .containsEntry("configured_input_tokens", "512")
        .containsEntry("strategy", "concurrent")
        .containsEntry("run_id", "run-1")
        .containsEntry("benchmark_id", "b-0");
  }

  @Test
  void theStrategyGivesTheLoadLevel() {
    LoadResult r = only(READER).load(resource("guidellm/v1-report.yaml"));
    assertThat(r.points().get(0).workload().concurrency()).isEqualTo(4.0); // concurrent streams
    assertThat(r.points().get(0).workload().targetRequestRate()).isNull();
    assertThat(r.points().get(1).workload().concurrency()).isEqualTo(32.0); // throughput
    // an empty successful population holds placeholder zeros, not measurements
    assertThat(r.points().get(1).workload().outputLength()).isNull();
    assertThat(r.points().get(1).metrics().has(Metric.E2E_LATENCY)).isFalse();
  }

  @Test
  void aPreV04ReportUsesTheMedianAndTheBenchmarkLevelTotals() {
    LoadResult r = only(READER).load(resource("guidellm/pre-v04.json"));
    assertThat(r.problems()).isEmpty();
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.provenance().formatVersion()).isEqualTo("pre-v0.4");
    assertThat(p.model().raw()).isEqualTo("example_model");
    assertThat(p.workload().concurrency()).isEqualTo(1.0); // synchronous
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 642);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P25, 640);
    assertThat(p.metrics().get(Metric.E2E_LATENCY, Statistic.P10)).isEmpty(); // never invented
    assertStat(p, Metric.REQUESTS_INCOMPLETE, Statistic.MEAN, 1);
    assertThat(p.labels()).containsEntry("configured_output_tokens", "128");
  }

  @Test
  void badValuesAreProblemsAtTheirPointersAndTheOtherBenchmarksStillLoad() {
    LoadResult r = ReaderTesting.forced(READER).load(resource("guidellm/bad.json"));
    assertThat(locations(errors(r)))
        .containsExactlyInAnyOrder(
            "/benchmarks/0",
            "/benchmarks/1/config/strategy/rate",
            "/benchmarks/1/metrics/request_latency/successful/mean",
            "/benchmarks/1/metrics/request_latency/successful/median",
            "/benchmarks/1/metrics/request_latency/successful/percentiles/p99",
            "/benchmarks/1/metrics/inter_token_latency_ms",
            "/benchmarks/1/metrics/request_totals/errored",
            "/benchmarks/2/metrics",
            "/benchmarks/3/type_");
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.WARNING)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location())
                  .isEqualTo("/benchmarks/1/metrics/time_to_first_token_ms/successful/median");
              assertThat(p.message()).contains("given twice");
            });
    BenchmarkPoint p = r.points().get(0);
    assertThat(r.points()).hasSize(1);
    assertThat(p.workload().stage()).isEqualTo(1);
    assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().distribution().statistics())
        .containsExactly(Statistic.P50);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 500);
    assertStat(p, Metric.TTFT, Statistic.P50, 7);
    assertThat(p.workload().targetRequestRate()).isNull();
  }

  @Test
  void sniffingPicksThisReaderForJsonAndYaml() {
    assertThat(
            Prism.create()
                .withNormalizer(Normalizer.none())
                .load(resource("guidellm/v1-report.yaml"))
                .points())
        .allSatisfy(p -> assertThat(p.provenance().format()).isEqualTo("guidellm"));
    assertThat(
            Prism.create()
                .withNormalizer(Normalizer.none())
                .load(resource("guidellm/pre-v04.json"))
                .points())
        .singleElement()
        .satisfies(p -> assertThat(p.provenance().format()).isEqualTo("guidellm"));
  }

  @Test
  void aSchemaV2ReportTakesModelDataAndRateFromItsConfig() {
    LoadResult r = only(READER).load(resource("guidellm/v2-report.json"));
    assertThat(r.problems()).isEmpty();
    BenchmarkPoint p = r.points().get(0);
    assertThat(r.points()).hasSize(1);
    assertThat(p.provenance().formatVersion()).isEqualTo("v2");
    assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-8B");
    assertThat(p.workload().dataset()).isEqualTo("synthetic_text");
    assertThat(p.workload().harnessVersion()).isEqualTo("0.7.1");
    assertThat(p.workload().targetRequestRate()).isEqualTo(5.0); // poisson: the rate, not a level
    assertThat(p.workload().concurrency()).isNull();
    assertThat(p.labels())
        .containsEntry("configured_input_tokens", "1024")
        .containsEntry("configured_output_tokens", "256")
        .containsEntry("run_id", "r-9");
    assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().distribution().statistics())
        .isEqualTo(EnumSet.allOf(Statistic.class));
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 3400); // p50 and median agree
    assertStat(p, Metric.E2E_LATENCY, Statistic.P99, 4600);
    assertStat(p, Metric.TTFT, Statistic.P99, 400);
    assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 10);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 6272);
    latenciesAgree(p, 0.01);
  }

  @Test
  void aTruncatedReportIsOneErrorWithItsPosition() {
    LoadResult r = only(READER).load(resource("guidellm/truncated.yaml"));
    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.location()).startsWith("line ");
              assertThat(p.message()).contains("not valid JSON or YAML");
            });
  }

  @Test
  void theSchemaV2FixtureIsOnePointPerRate() {
    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .load(Fixtures.require("llm-d-benchmark/tests/fixtures/guidellm_report_v2.json"));
    assertThat(errors(r)).isEmpty();
    assertThat(r.points())
        .extracting(p -> p.workload().targetRequestRate())
        .containsExactly(2.0, 4.0);
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.provenance().format()).isEqualTo("guidellm");
    assertThat(p.provenance().formatVersion()).isEqualTo("v2");
    assertThat(p.workload().harnessVersion()).isEqualTo("0.8.0.dev18");
    assertThat(p.model().raw()).isEqualTo("e2e-mock-model");
    assertThat(p.workload().dataset()).isEqualTo("synthetic_text");
    assertThat(p.labels())
        .containsEntry("configured_input_tokens", "32")
        .containsEntry("configured_output_tokens", "8");
    assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 19.78909969329834);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 19.269227981567383);
    assertStat(p, Metric.TTFT, Statistic.MEAN, 11.481165885925293);
    assertStat(p, Metric.ITL, Statistic.MEAN, 1.1508464813232422);
    assertStat(p, Metric.TPOT, Statistic.MEAN, 2.4421364068984985);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 3.1950675815128577);
    assertStat(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN, 28.60612866096848);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 0.39843430656414264);
    assertStat(p, Metric.REQUESTS_TOTAL, Statistic.MEAN, 2);
    assertThat(p.workload().outputLength().mean()).hasValue(8.0);
    assertThat(p.workload().inputLength().get(Statistic.P75)).hasValue(92.0);
    latenciesAgree(p, 0.02);
  }

  @Test
  void theStrippedPreV04FixtureReadsExactly() {
    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .load(
                Fixtures.require(
                    "guidellm/tests/unit/entrypoints/assets/benchmarks_stripped.json"));
    assertThat(errors(r)).isEmpty();
    BenchmarkPoint p = r.points().get(0);
    assertThat(r.points()).hasSize(1);
    assertThat(p.provenance().formatVersion()).isEqualTo("pre-v0.4");
    assertThat(p.model().raw()).isEqualTo("example_model");
    assertThat(p.workload().concurrency()).isEqualTo(1.0);
    assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 644.4743664368339);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 642.4565315246582); // from median
    assertStat(p, Metric.E2E_LATENCY, Statistic.P99_9, 689.1846656799316);
    assertStat(p, Metric.TTFT, Statistic.MEAN, 16.792535781860348);
    assertStat(p, Metric.ITL, Statistic.MEAN, 4.941609043733832);
    assertStat(p, Metric.TPOT, Statistic.P99, 5.217265337705612);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 198.13346751788123);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 992.6867036588937);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 46);
    assertStat(p, Metric.REQUESTS_INCOMPLETE, Statistic.MEAN, 1);
    assertStat(p, Metric.DURATION, Statistic.MEAN, 29.997201442718506);
    assertThat(p.metrics().has(Metric.INPUT_THROUGHPUT)).isFalse();
    assertThat(p.labels()).containsEntry("data", "prompt_tokens=256,output_tokens=128");
    latenciesAgree(p, 1e-3);
  }
}
