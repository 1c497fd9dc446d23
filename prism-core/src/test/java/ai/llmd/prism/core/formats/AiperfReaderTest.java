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
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** aiperf and genai-perf summary exports, JSON and CSV. */
class AiperfReaderTest {

  private static final AiperfReader READER = new AiperfReader();

  private static BenchmarkPoint one(LoadResult r) {
    assertThat(r.points()).hasSize(1);
    return r.points().get(0);
  }

  @Test
  void readsThePublicAiperfRecordsExportWithEveryStatisticItHas() {
    LoadResult r = only(READER).load(resource("aiperf/run1/profile_export_aiperf.json"));
    BenchmarkPoint p = one(r);
    assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
        .isEqualTo(
            EnumSet.of(
                Statistic.MEAN,
                Statistic.MIN,
                Statistic.MAX,
                Statistic.STDDEV,
                Statistic.P1,
                Statistic.P5,
                Statistic.P25,
                Statistic.P50,
                Statistic.P75,
                Statistic.P90,
                Statistic.P95,
                Statistic.P99));
    assertStat(p, Metric.TTFT, Statistic.MEAN, 2343.219436988764);
    assertStat(p, Metric.TTFT, Statistic.P99, 3833.3894000399996);
    assertStat(p, Metric.ITL, Statistic.P50, 27.615130366666666);
    assertStat(p, Metric.E2E_LATENCY, Statistic.STDDEV, 220.21827319725128);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 2320.7222350404572);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 9.551622221540914);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 89);
    assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 11);
    assertStat(p, Metric.DURATION, Statistic.MEAN, 9.317788951); // declared "sec"
    assertThat(p.workload().inputLength().get(Statistic.P99)).hasValue(550.0);
    assertThat(p.workload().outputLength().mean()).hasValue(242.96629213483146);
    assertThat(p.workload().concurrency()).isEqualTo(100.0);
    assertThat(p.workload().harness()).isEqualTo("aiperf");
    assertThat(p.model().raw()).isEqualTo("openai/gpt-oss-20b");
    assertThat(p.labels())
        .containsEntry("endpoint_type", "chat")
        .containsEntry("streaming", "true")
        .containsEntry("output_tokens_mean", "250");
    assertThat(p.provenance().formatVersion()).isEqualTo("records");
    assertThat(errors(r)).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(x.location()).isEqualTo("/records");
              assertThat(x.message()).contains("ttst", "inter_chunk_latency", "total_isl");
            });
  }

  @Test
  void readsALaterSchemaWithModelPhaseAndMultiTurnDataset() {
    LoadResult r = only(READER).load(resource("aiperf/schema-1.3/profile_export_aiperf.json"));
    BenchmarkPoint p = one(r);
    assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-8B");
    assertThat(p.workload().concurrency()).isEqualTo(8.0); // the profiling phase, not warmup
    assertThat(p.workload().harnessVersion()).isEqualTo("0.10.0");
    assertThat(p.workload().dataset()).isEqualTo("main");
    assertThat(p.labels())
        .containsEntry("dataset_format", "multi_turn")
        .containsEntry("schema_version", "1.3")
        .containsEntry("url", "http://localhost:8000");
    assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 9000);
    assertStat(p, Metric.REQUEST_GOODPUT, Statistic.MEAN, 3.5);
    assertStat(p, Metric.FAILURE_RATE, Statistic.MEAN, 0.01); // declared "%"
    assertStat(p, Metric.E2E_LATENCY, Statistic.P10, 1000);
    assertThat(p.workload().inputLength().get(Statistic.MAX)).hasValue(9000.0);
    assertThat(p.provenance().formatVersion()).isEqualTo("schema 1.3");
    assertThat(errors(r)).isEmpty();
  }

  @Test
  void readsGenaiPerfJsonAsGenaiPerf() {
    LoadResult r = only(READER).load(resource("genai-perf/json/profile_export_genai_perf.json"));
    BenchmarkPoint p = one(r);
    assertThat(p.workload().harness()).isEqualTo("genai-perf");
    assertThat(p.provenance().formatVersion()).isEqualTo("genai-perf");
    assertThat(p.model().raw()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(p.workload().concurrency()).isEqualTo(10.0);
    assertThat(p.workload().targetRequestRate()).isNull();
    assertThat(p.labels()).containsEntry("input_tokens_mean", "3000");
    assertStat(p, Metric.TTFT, Statistic.P25, 290);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 40); // unit "count"
    assertThat(errors(r)).isEmpty();
  }

  @Test
  void readsTheGenaiPerfCsvWithGroupedNumbersAndPerSecondThroughputs() {
    LoadResult r = only(READER).load(resource("genai-perf/csv/profile_export_genai_perf.csv"));
    BenchmarkPoint p = one(r);
    assertStat(p, Metric.TTFT, Statistic.MEAN, 1150);
    assertStat(p, Metric.TTFT, Statistic.MAX, 3500);
    assertStat(p, Metric.E2E_LATENCY, Statistic.P25, 5500);
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 261.25);
    assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 1.5);
    assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 40);
    assertThat(p.workload().inputLength().mean()).hasValue(3000.0);
    assertThat(p.provenance().formatVersion()).isEqualTo("csv");
    assertThat(errors(r)).isEmpty();
    assertThat(r.problems()).anySatisfy(x -> assertThat(x.message()).contains("names no model"));
  }

  @Test
  void readsTheAiperfCsvWithTheSameValuesAsItsJsonToTheirPrecision() throws IOException {
    byte[] csv = Files.readAllBytes(resource("aiperf/run1/profile_export_aiperf.csv"));
    BenchmarkPoint c = one(ReaderTesting.load(READER, "export.csv", csv));
    BenchmarkPoint j = one(only(READER).load(resource("aiperf/run1/profile_export_aiperf.json")));
    for (Metric m : EnumSet.of(Metric.TTFT, Metric.ITL, Metric.E2E_LATENCY)) {
      for (Statistic s : j.metrics().get(m).orElseThrow().distribution().statistics()) {
        assertThat(c.metrics().get(m, s).orElseThrow())
            .as(m + "." + s)
            .isCloseTo(j.metrics().get(m, s).orElseThrow(), within(0.005));
      }
    }
    assertStat(c, Metric.REQUESTS_FAILED, Statistic.MEAN, 11);
    assertStat(c, Metric.DURATION, Statistic.MEAN, 9.32);
    assertThat(c.workload().outputLength().get(Statistic.P5)).hasValue(228.6);
  }

  @Test
  void aCsvBesideItsJsonIsNotReadTwice() {
    LoadResult r = only(READER).load(resource("aiperf/run1"));
    assertThat(r.points()).singleElement();
    assertThat(r.points().get(0).provenance().formatVersion()).isEqualTo("records");
    assertThat(r.problems())
        .anySatisfy(
            x -> {
              assertThat(x.file()).endsWith("profile_export_aiperf.csv");
              assertThat(x.message()).contains("read instead");
            });
  }

  @Test
  void badUnitsAndValuesAreProblemsAtTheirPointersAndTheRestLoads() {
    LoadResult r = only(READER).load(resource("aiperf/bad/profile_export_aiperf.json"));
    BenchmarkPoint p = one(r);
    assertThat(locations(errors(r)))
        .containsExactlyInAnyOrder(
            "/request_throughput/unit",
            "/request_latency/unit",
            "/time_to_first_token/p50",
            "/time_to_first_token/p99",
            "/input_config/loadgen/concurrency");
    assertThat(p.metrics().get(Metric.REQUEST_RATE)).isEmpty();
    assertThat(p.metrics().get(Metric.E2E_LATENCY)).isEmpty();
    assertStat(p, Metric.TTFT, Statistic.MEAN, 120); // 0.12 s
    assertStat(p, Metric.TTFT, Statistic.MAX, 300);
    assertThat(p.metrics().get(Metric.TTFT, Statistic.P50)).isEmpty();
    assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 1000);
    assertThat(r.problems())
        .anySatisfy(
            x -> {
              assertThat(x.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(x.location()).isEqualTo("/was_cancelled");
            });
  }

  @Test
  void aTruncatedExportIsAnErrorWithItsPlace() {
    LoadResult r =
        ReaderTesting.forced(
            READER,
            "profile_export_aiperf.json",
            "{\"request_throughput\": {\"unit\": \"requests/sec\", \"avg\": 1"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.points()).isEmpty();
    assertThat(errors(r))
        .singleElement()
        .satisfies(x -> assertThat(x.location()).contains("line 1"));
  }
}
