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
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class VllmBenchReaderTest {

  private static final VllmBenchReader READER = new VllmBenchReader();
  private static final String FILE =
      "vllm/vllm-infqps-concurrency16-Qwen3-0.6B-20250923-201033.json";
  private static final String FIXTURE =
      "llm-d-benchmark/collected/data/openshift/exp-7/H100/llm-d-1p1d/benchmark_2025-05-13_04-37-51.json";

  private static BenchmarkPoint one(LoadResult r) {
    assertThat(r.points()).hasSize(1);
    return r.points().get(0);
  }

  @Test
  void readsEveryPercentileKeyTheFileHasInMilliseconds() {
    LoadResult r = only(READER).load(resource(FILE));
    BenchmarkPoint p = one(r);
    assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(Statistic.MIN, Statistic.MAX)));
    assertStat(p, Metric.TTFT, Statistic.MEAN, 200);
    assertStat(p, Metric.TTFT, Statistic.P50, 190); // median_ttft_ms
    assertStat(p, Metric.TTFT, Statistic.STDDEV, 20);
    assertStat(p, Metric.TTFT, Statistic.P0_1, 150);
    assertStat(p, Metric.TTFT, Statistic.P99_9, 270);
    assertStat(p, Metric.TPOT, Statistic.P99_9, 14);
    assertStat(p, Metric.ITL, Statistic.STDDEV, 5);
    assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 1190);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P99, 1400);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void derivesInputThroughputFromTotalMinusOutputAndNamesTheRule() {
    BenchmarkPoint p = one(only(READER).load(resource(FILE)));
    MetricValue in = p.metrics().get(Metric.INPUT_THROUGHPUT).orElseThrow();
    assertThat(in.mean()).hasValue(2048.0);
    assertThat(in.rule()).hasValue("total_token_throughput − output_throughput");
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 200);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 2248);
    assertThat(p.metrics().get(Metric.OUTPUT_THROUGHPUT).orElseThrow().isDerived()).isFalse();
  }

  @Test
  void readsRequestsGoodputFailuresAndTheUnlimitedRate() {
    BenchmarkPoint p = one(only(READER).load(resource(FILE)));
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 2.0);
    assertStat(p, Metric.REQUEST_GOODPUT, Statistic.MEAN, 1.5);
    assertStat(p, Metric.REQUESTS_TOTAL, Statistic.MEAN, 52);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 50);
    assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 2);
    assertThat(p.metrics().get(Metric.REQUESTS_FAILED).orElseThrow().isDerived()).isFalse();
    assertStat(p, Metric.DURATION, Statistic.MEAN, 25);
    assertThat(p.workload().targetRequestRate()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p.workload().concurrency()).isEqualTo(16.0);
    assertThat(p.workload().harness()).isEqualTo("vllm-bench");
    assertThat(p.deployment().engine()).isNull();
  }

  @Test
  void workloadLengthsAreTheMeansFromTheTotalsAndNothingElse() {
    BenchmarkPoint p = one(only(READER).load(resource(FILE)));
    assertThat(p.workload().inputLength().mean()).hasValue(1024.0); // 51200 / 50
    assertThat(p.workload().outputLength().mean()).hasValue(100.0); // 5000 / 50
    assertThat(p.workload().inputLength().statistics()).containsExactly(Statistic.MEAN);
    // and the latencies agree: e2e = ttft + tpot × (OSL − 1)
    double osl = p.workload().outputLength().mean().getAsDouble();
    assertThat(p.metrics().mean(Metric.E2E_LATENCY).getAsDouble())
        .isCloseTo(
            p.metrics().mean(Metric.TTFT).getAsDouble()
                + p.metrics().mean(Metric.TPOT).getAsDouble() * (osl - 1),
            within(1e-9));
  }

  @Test
  void keepsMetadataStringsAsLabels() {
    BenchmarkPoint p = one(only(READER).load(resource(FILE)));
    assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-0.6B");
    assertThat(p.labels())
        .containsEntry("tp", "2")
        .containsEntry("date", "20250923-201033")
        .containsEntry("backend", "openai")
        .containsEntry("tokenizer_id", "Qwen/Qwen3-0.6B")
        .doesNotContainKeys("label", "mean_ttft_ms", "latencies", "model_id");
  }

  @Test
  void anAppendedResultFileIsOnePointPerLine() {
    LoadResult r = only(READER).load(resource("vllm/append-result.jsonl"));
    assertThat(r.points()).hasSize(2);
    assertThat(r.points())
        .extracting(p -> p.provenance().location())
        .containsExactly("record 1", "record 2");
    BenchmarkPoint second = r.points().get(1);
    assertThat(r.points().get(0).metrics().has(Metric.REQUEST_GOODPUT)).isFalse();
    assertStat(second, Metric.REQUEST_GOODPUT, Statistic.MEAN, 1.2); // old "request_goodput:" key
    MetricValue failed = second.metrics().get(Metric.REQUESTS_FAILED).orElseThrow();
    assertThat(failed.mean()).hasValue(1.0);
    assertThat(failed.rule()).hasValue("num_prompts − completed");
    assertThat(second.workload().targetRequestRate()).isEqualTo(2.0);
    assertThat(second.workload().concurrency()).isNull();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aCutAppendedFileKeepsTheRecordsBeforeTheCut() {
    LoadResult r = only(READER).load(resource("vllm/cut-append-result.jsonl"));
    assertThat(r.points()).hasSize(2);
    assertThat(r.points())
        .extracting(p -> p.workload().targetRequestRate())
        .containsExactly(1.0, 2.0);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.location()).startsWith("line 3, column");
            });
  }

  @Test
  void aTruncatedFileIsOneErrorWithItsPosition() {
    LoadResult r = only(READER).load(resource("vllm/truncated.json"));
    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.location()).startsWith("line 1, column");
            });
  }

  @Test
  void badValuesAreProblemsAtTheirKeysAndThePointStillLoads() {
    LoadResult r = ReaderTesting.forced(READER).load(resource("vllm/bad-values.json"));
    assertThat(locations(errors(r)))
        .containsExactlyInAnyOrder(
            "/request_rate",
            "/max_concurrency",
            "/duration",
            "/completed",
            "/mean_ttft_ms",
            "/p99_ttft_ms",
            "/std_itl_ms");
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.WARNING)
        .extracting(Problem::location)
        .containsExactlyInAnyOrder("/total_token_throughput", "/model_id");
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.INFO)
        .extracting(Problem::toString)
        .anySatisfy(s -> assertThat(s).contains("/p99.99_ttft_ms"))
        .anySatisfy(s -> assertThat(s).contains("client_queue_time"));
    BenchmarkPoint p = one(r);
    assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
        .containsExactly(Statistic.P50);
    assertStat(p, Metric.ITL, Statistic.MEAN, 5);
    assertThat(p.metrics().has(Metric.INPUT_THROUGHPUT)).isFalse();
    assertThat(p.workload().inputLength()).isNull();
    assertThat(p.model().id()).isEqualTo("unknown");
  }

  @Test
  void sniffingPicksThisReader() {
    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(resource(FILE));
    assertThat(one(r).provenance().format()).isEqualTo("vllm-bench");
  }

  @Test
  void theLlmdFixtureReadsExactly() {
    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(Fixtures.require(FIXTURE));
    BenchmarkPoint p = one(r);
    assertThat(r.problems()).isEmpty();
    assertThat(p.provenance().format()).isEqualTo("vllm-bench");
    assertThat(p.model().raw()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertStat(p, Metric.TTFT, Statistic.MEAN, 249.5401489152573);
    assertStat(p, Metric.TTFT, Statistic.P50, 248.47486198996194);
    assertStat(p, Metric.TTFT, Statistic.STDDEV, 6.146017628174242);
    assertStat(p, Metric.TTFT, Statistic.P95, 261.13618802046403);
    assertStat(p, Metric.TTFT, Statistic.P99, 267.2010898106964);
    assertStat(p, Metric.TPOT, Statistic.MEAN, 17.815322619286626);
    assertStat(p, Metric.ITL, Statistic.P99, 215.33389096613976);
    assertThat(p.metrics().has(Metric.E2E_LATENCY)).isFalse(); // e2el was not requested
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 698.4979897701463);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 28634.925090627148);
    assertStat(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN, 28634.925090627148 - 698.4979897701463);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 3.4924899488507317);
    assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 0);
    assertThat(p.metrics().has(Metric.REQUEST_GOODPUT)).isFalse(); // "request_goodput:": null
    assertThat(p.workload().inputLength().mean()).hasValue(7999.0);
    assertThat(p.workload().outputLength().mean()).hasValue(200.0);
    assertThat(p.workload().targetRequestRate()).isEqualTo(3.6);
    assertThat(p.workload().concurrency()).isNull();
  }

  @Test
  void everyLlmdFixtureAgreesWithItsOwnTotals() {
    for (String topology :
        new String[] {
          "llm-d-1p1d/benchmark_2025-05-13_04-37-51.json",
          "llm-d-2p1d/benchmark_2025-05-13_05-00-45.json",
          "vllm-2replicas/benchmark_2025-05-13_04-55-27.json",
          "vllm-3replicas/benchmark_2025-05-13_05-23-51.json"
        }) {
      BenchmarkPoint p =
          one(
              only(READER)
                  .load(
                      Fixtures.require(
                          "llm-d-benchmark/collected/data/openshift/exp-7/H100/" + topology)));
      double duration = p.metrics().mean(Metric.DURATION).getAsDouble();
      double completed = p.metrics().mean(Metric.REQUESTS_SUCCEEDED).getAsDouble();
      double osl = p.workload().outputLength().mean().getAsDouble();
      double isl = p.workload().inputLength().mean().getAsDouble();
      assertThat(p.metrics().mean(Metric.REQUEST_RATE).getAsDouble())
          .isCloseTo(completed / duration, within(1e-9));
      assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT).getAsDouble())
          .isCloseTo(completed * osl / duration, within(1e-6));
      assertThat(p.metrics().mean(Metric.INPUT_THROUGHPUT).getAsDouble())
          .isCloseTo(completed * isl / duration, within(1e-6));
    }
  }
}
