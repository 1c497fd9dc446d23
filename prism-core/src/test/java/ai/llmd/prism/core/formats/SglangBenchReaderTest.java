package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.assertStat;
import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.locations;
import static ai.llmd.prism.core.formats.ReaderTesting.only;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** SGLang bench_serving results: JSON Lines, one point per line. */
class SglangBenchReaderTest {

  private static final SglangBenchReader READER = new SglangBenchReader();
  private static final String FILE = "sglang/bench_serving.jsonl";

  @Test
  void everyLineIsAPointWithEveryLatencyStatisticInMilliseconds() {
    LoadResult r = only(READER).load(resource(FILE));
    assertThat(r.points()).hasSize(2);
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.metrics().get(Metric.ITL).orElseThrow().distribution().statistics())
        .isEqualTo(
            EnumSet.of(
                Statistic.MEAN, Statistic.P50, Statistic.STDDEV, Statistic.P95, Statistic.P99));
    assertStat(p, Metric.TTFT, Statistic.MEAN, 150);
    assertStat(p, Metric.TTFT, Statistic.P50, 120);
    assertStat(p, Metric.TPOT, Statistic.P99, 12);
    assertStat(p, Metric.E2E_LATENCY, Statistic.STDDEV, 400);
    assertStat(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN, 4096);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 2048);
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 6144);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 4);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 200);
    assertStat(p, Metric.DURATION, Statistic.MEAN, 50);
    assertThat(p.metrics().get(Metric.INPUT_THROUGHPUT).orElseThrow().isDerived()).isFalse();
    assertThat(r.problems()).isEmpty();
    assertThat(r.points().get(1).provenance().location()).isEqualTo("record 2");
  }

  @Test
  void loadModelAndSpeculativeDecodingComeFromTheFile() {
    LoadResult r = only(READER).load(resource(FILE));
    BenchmarkPoint unlimited = r.points().get(0);
    assertThat(unlimited.workload().targetRequestRate()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(unlimited.workload().concurrency()).isEqualTo(16.0);
    assertThat(unlimited.workload().inputLength().mean()).hasValue(1024.0); // 204800 / 200
    assertThat(unlimited.workload().outputLength().mean()).hasValue(512.0);
    assertThat(unlimited.workload().dataset()).isEqualTo("random");
    assertThat(unlimited.workload().harness()).isEqualTo("sglang-bench");
    assertThat(unlimited.model().raw()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(unlimited.deployment().engine()).isNull();
    assertThat(unlimited.labels())
        .containsEntry("backend", "sglang")
        .containsEntry("accept_length", "2.75")
        .containsEntry("concurrency", "15.6")
        .containsEntry("server_info.speculative_algorithm", "EAGLE3")
        .containsEntry("server_info.tp_size", "2")
        .doesNotContainKey("server_info.mem_fraction_static");
    BenchmarkPoint rated = r.points().get(1);
    assertThat(rated.workload().targetRequestRate()).isEqualTo(4.0);
    assertThat(rated.workload().concurrency()).isNull();
    assertThat(rated.labels()).containsEntry("tag", "rate-4").doesNotContainKey("accept_length");
  }

  @Test
  void aSingleObjectIsOnePoint() {
    String one =
        "{\"backend\": \"sglang\", \"request_rate\": \"trace\", \"completed\": 10,"
            + " \"duration\": 5.0, \"request_throughput\": 2.0, \"output_throughput\": 50.0,"
            + " \"mean_ttft_ms\": 30.0, \"mean_e2e_latency_ms\": 900.0, \"max_itl_ms\": 80.0,"
            + " \"server_info\": {\"model_path\": \"Qwen/Qwen3-8B\"}}";
    LoadResult r = ReaderTesting.load(READER, "result.json", one.getBytes(StandardCharsets.UTF_8));
    assertThat(r.points()).singleElement();
    BenchmarkPoint p = r.points().get(0);
    assertThat(p.workload().targetRequestRate()).isNull();
    assertThat(p.labels()).containsEntry("request_rate", "trace");
    assertStat(p, Metric.ITL, Statistic.MAX, 80);
    assertThat(p.provenance().location()).isEmpty();
  }

  @Test
  void badValuesAreProblemsAtTheirRecordAndTheOtherLinesLoad() {
    LoadResult r = only(READER).load(resource("sglang/bad.jsonl"));
    assertThat(r.points()).hasSize(2);
    assertThat(locations(errors(r)))
        .contains(
            "record 1:/request_rate",
            "record 1:/max_concurrency",
            "record 1:/completed",
            "record 1:/request_throughput",
            "record 1:/mean_ttft_ms");
    assertThat(errors(r)).anySatisfy(x -> assertThat(x.location()).startsWith("line 4"));
    BenchmarkPoint bad = r.points().get(0);
    assertStat(bad, Metric.TTFT, Statistic.P50, 12);
    assertThat(bad.metrics().get(Metric.TTFT, Statistic.MEAN)).isEmpty();
    assertThat(bad.metrics().get(Metric.REQUEST_RATE)).isEmpty();
    assertStat(bad, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 100);
    assertThat(bad.model().raw()).isEmpty();
    assertThat(r.problems())
        .anySatisfy(x -> assertThat(x.message()).contains("[queue_time]"))
        .anySatisfy(x -> assertThat(x.message()).contains("percentile 42"));
    assertThat(r.points().get(1).model().raw()).isEqualTo("Qwen/Qwen3-8B");
  }
}
