package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.assertStat;
import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.locations;
import static ai.llmd.prism.core.formats.ReaderTesting.only;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static ai.llmd.prism.core.formats.ReaderTesting.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.internal.BytesSourceFile;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.ReadSink;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InferencePerfReaderTest {

  private static final InferencePerfReader READER = new InferencePerfReader();

  private static LoadResult load(String resource) {
    return only(READER).load(resource(resource));
  }

  private static BenchmarkPoint stage(LoadResult r, int stage) {
    return r.points().stream()
        .filter(p -> Integer.valueOf(stage).equals(p.workload().stage()))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class SelfWrittenRun {

    private final LoadResult run = load("inference-perf/run");

    @Test
    void aResultsDirectoryIsOnePointPerStageAndSaysWhatItSkipped() {
      assertThat(run.points()).extracting(p -> p.workload().stage()).containsExactly(0, 1);
      assertThat(run.problems())
          .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.INFO));
      assertThat(run.problems())
          .extracting(Problem::toString)
          .anySatisfy(s -> assertThat(s).contains("summary_lifecycle_metrics.json", "pools"))
          .anySatisfy(s -> assertThat(s).contains("summary_prometheus_metrics.json", "pools"))
          .anySatisfy(
              s ->
                  assertThat(s)
                      .contains(
                          "stage_0_prometheus_metrics.json",
                          "merged into the point of stage_0_lifecycle_metrics.json"));
    }

    @Test
    void convertsSecondsToMillisecondsAndKeepsEveryStatisticTheFileHas() {
      BenchmarkPoint p = stage(run, 0);
      assertThat(p.metrics().get(Metric.E2E_LATENCY).orElseThrow().distribution().statistics())
          .containsExactlyInAnyOrderElementsOf(
              EnumSet.of(
                  Statistic.MEAN,
                  Statistic.MIN,
                  Statistic.P0_1,
                  Statistic.P1,
                  Statistic.P5,
                  Statistic.P10,
                  Statistic.P25,
                  Statistic.P50,
                  Statistic.P75,
                  Statistic.P90,
                  Statistic.P95,
                  Statistic.P99,
                  Statistic.P99_9,
                  Statistic.MAX));
      assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 500);
      assertStat(p, Metric.E2E_LATENCY, Statistic.P0_1, 251);
      assertStat(p, Metric.E2E_LATENCY, Statistic.P99_9, 850);
      assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
          .containsExactlyInAnyOrder(
              Statistic.MEAN,
              Statistic.MIN,
              Statistic.P50,
              Statistic.P90,
              Statistic.P99,
              Statistic.P99_9,
              Statistic.MAX);
      assertStat(p, Metric.TTFT, Statistic.MEAN, 108);
      assertStat(p, Metric.TTFT, Statistic.P99_9, 210);
      assertStat(p, Metric.TPOT, Statistic.MEAN, 8); // s/token -> ms/token
      assertStat(p, Metric.TPOT, Statistic.P99, 11);
      assertStat(p, Metric.ITL, Statistic.P99, 30);
      assertStat(p, Metric.NTPOT, Statistic.P50, 9.5);
      assertThat(p.metrics().get(Metric.TTFT).orElseThrow().isDerived()).isFalse();
    }

    @Test
    void readsThroughputRequestsFailuresGoodputAndDuration() {
      BenchmarkPoint p = stage(run, 0);
      assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 95);
      assertStat(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN, 190);
      assertStat(p, Metric.TOTAL_THROUGHPUT, Statistic.MEAN, 285);
      assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 1.9);
      assertStat(p, Metric.REQUEST_GOODPUT, Statistic.MEAN, 1.77);
      assertStat(p, Metric.TOKEN_GOODPUT, Statistic.MEAN, 88.5);
      assertStat(p, Metric.REQUESTS_TOTAL, Statistic.MEAN, 60);
      assertStat(p, Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, 58);
      assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 2);
      assertStat(p, Metric.DURATION, Statistic.MEAN, 30.5);
      assertThat(p.metrics().get(Metric.DURATION).orElseThrow().isDerived()).isFalse();
    }

    @Test
    void prefersPromptTokensAndServerOutputTokensForTheMeasuredLengths() {
      BenchmarkPoint p = stage(run, 0);
      assertThat(p.workload().inputLength().mean()).hasValue(100.0);
      assertThat(p.workload().inputLength().get(Statistic.P90)).hasValue(130.0);
      assertThat(p.workload().inputLength().statistics())
          .containsExactlyInAnyOrder(
              Statistic.MEAN, Statistic.MIN, Statistic.P50, Statistic.P90, Statistic.MAX);
      assertThat(p.workload().outputLength().get(Statistic.MIN)).hasValue(41.0);
      assertThat(p.provenance().formatVersion()).isEqualTo("prompt_tokens");
      assertThat(p.labels())
          .containsEntry("configured_input_tokens", "100")
          .containsEntry("configured_output_tokens", "50");
    }

    @Test
    void mergesTheStagePrometheusReportsCacheMetricsAsPercentages() {
      BenchmarkPoint p = stage(run, 0);
      assertStat(p, Metric.KV_CACHE_USAGE, Statistic.MEAN, 25); // 0.25 gauge -> 25 %
      assertStat(p, Metric.KV_CACHE_USAGE, Statistic.P50, 20);
      assertStat(p, Metric.KV_CACHE_USAGE, Statistic.P99, 75);
      assertStat(p, Metric.PREFIX_CACHE_HIT_RATE, Statistic.MEAN, 40);
      // the server's own latencies do not replace the client's
      assertStat(p, Metric.TTFT, Statistic.MEAN, 108);
      assertThat(stage(run, 1).metrics().has(Metric.KV_CACHE_USAGE)).isFalse();
    }

    @Test
    void takesModelEngineDatasetAndStageRatesFromTheConfigBeside() {
      BenchmarkPoint p = stage(run, 0);
      assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-0.6B");
      assertThat(p.deployment().engine()).isEqualTo("SGLang");
      assertThat(p.workload().harness()).isEqualTo("inference-perf");
      assertThat(p.workload().dataset()).isEqualTo("random");
      assertThat(p.workload().targetRequestRate()).isEqualTo(2.0);
      assertThat(p.labels()).containsEntry("load_type", "constant");
      assertThat(p.labels().get("config")).endsWith("run/config.yaml");
      assertThat(p.provenance().location()).isEqualTo("stage 0");
      // stage 1 has no requested_rate: the configured load.stages[1].rate is used
      assertThat(stage(run, 1).workload().targetRequestRate()).isEqualTo(4.0);
    }

    @Test
    void readsTheOldShapeWithP50KeysAndSendDurationAsADerivedDuration() {
      BenchmarkPoint p = stage(run, 1);
      assertThat(p.provenance().formatVersion()).isEqualTo("prompt_len");
      assertStat(p, Metric.TTFT, Statistic.P50, 150);
      assertStat(p, Metric.E2E_LATENCY, Statistic.P99, 2000);
      assertThat(p.workload().inputLength().mean()).hasValue(101.0);
      assertThat(p.workload().inputLength().get(Statistic.P50)).hasValue(100.0);
      var d = p.metrics().get(Metric.DURATION).orElseThrow();
      assertThat(d.mean()).hasValue(29.95);
      assertThat(d.rule()).hasValue("load_summary.send_duration");
      assertThat(p.metrics().has(Metric.REQUEST_GOODPUT)).isFalse();
    }
  }

  @Test
  void aSummaryReadOnItsOwnIsOnePointWithoutAStage() throws Exception {
    byte[] bytes =
        Files.readAllBytes(resource("inference-perf/run/summary_lifecycle_metrics.json"));
    LoadResult r =
        only(READER).read("summary_lifecycle_metrics.json", new ByteArrayInputStream(bytes));
    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.workload().stage()).isNull();
              assertThat(p.labels()).containsEntry("scope", "all stages");
              assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 770);
            });
    assertThat(errors(r)).isEmpty();
  }

  @Test
  void aPrometheusReportWithoutItsLifecycleReportIsAPointOfCacheMetricsOnly() throws Exception {
    byte[] bytes =
        Files.readAllBytes(resource("inference-perf/run/stage_0_prometheus_metrics.json"));
    LoadResult r =
        only(READER).read("stage_0_prometheus_metrics.json", new ByteArrayInputStream(bytes));
    BenchmarkPoint p = r.points().get(0);
    assertThat(r.points()).hasSize(1);
    assertThat(p.metrics().metrics())
        .containsExactlyInAnyOrder(Metric.KV_CACHE_USAGE, Metric.PREFIX_CACHE_HIT_RATE);
    assertThat(p.workload().stage()).isZero();
    assertThat(p.provenance().formatVersion()).isEqualTo("prometheus");
    assertThat(r.problems()).extracting(Problem::message).anyMatch(m -> m.contains("only its"));
  }

  @Test
  void findsAConfigTwoDirectoriesUpAndDoesNotTakeAConcurrentStagesRequestCountForARate() {
    LoadResult r = load("inference-perf/demo/variant/results");
    BenchmarkPoint p = r.points().get(0);
    assertThat(r.points()).hasSize(1);
    assertThat(p.model().raw()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(p.deployment().engine()).isEqualTo("vLLM");
    assertThat(p.workload().concurrency()).isEqualTo(8.0);
    assertThat(p.workload().targetRequestRate()).isNull();
    assertThat(p.workload().dataset()).isEqualTo("shared_prefix");
    assertThat(p.workload().inputLength().mean()).hasValue(150.0); // measured
    assertThat(p.labels()).containsEntry("configured_input_tokens", "150"); // 100 + 50
    assertThat(p.workload().outputLength().mean()).hasValue(20.0); // configured only
    assertThat(p.labels().get("config")).endsWith("demo/config.yaml");
  }

  @Test
  void aConfigChangedUnderTheSameUriIsReadAgain() throws Exception {
    byte[] stage =
        Files.readAllBytes(resource("inference-perf/run/stage_1_lifecycle_metrics.json"));
    URI configUri = URI.create("mem:/run/config.yaml");
    List<String> models = new ArrayList<>();
    for (String model : new String[] {"org/first", "org/second"}) {
      byte[] config =
          ("server: {type: vllm, model_name: " + model + "}\nload: {type: constant}\n")
              .getBytes(StandardCharsets.UTF_8);
      var file =
          new BytesSourceFile(
              URI.create("mem:/run/results/stage_1_lifecycle_metrics.json"),
              "results/stage_1_lifecycle_metrics.json",
              stage,
              Map.of("../config.yaml", new BytesSourceFile(configUri, "config.yaml", config)));
      READER.read(
          file,
          new ReadSink() {
            @Override
            public void point(BenchmarkPoint point) {
              models.add(point.model().raw());
            }

            @Override
            public void problem(Problem problem) {}
          });
    }
    assertThat(models).containsExactly("org/first", "org/second");
  }

  @Test
  void sniffingPicksThisReaderAmongAllInstalled() {
    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .load(resource("inference-perf/run/stage_1_lifecycle_metrics.json"));
    assertThat(r.points())
        .singleElement()
        .satisfies(p -> assertThat(p.provenance().format()).isEqualTo("inference-perf"));
    assertThat(r.problems()).isEmpty();
  }

  @Nested
  class BadInput {

    @Test
    void aTruncatedFileIsAnErrorWithItsPosition() {
      LoadResult r = load("inference-perf/bad/stage_0_lifecycle_metrics.json");
      assertThat(r.points()).isEmpty();
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(p.location()).startsWith("line 1, column");
                assertThat(p.message()).contains("not valid JSON");
              });
    }

    @Test
    void wrongTypesAreErrorsAtTheirPointersAndTheRestStillLoads() {
      LoadResult r = load("inference-perf/bad/wrong-types.json");
      assertThat(locations(errors(r)))
          .containsExactlyInAnyOrder(
              "/successes/latency/time_to_first_token/mean",
              "/successes/latency/request_latency",
              "/successes/throughput/output_tokens_per_sec",
              "/successes/goodput_metrics",
              "/load_summary/count");
      BenchmarkPoint p = r.points().get(0);
      assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
          .containsExactly(Statistic.P50);
      assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 1.0);
      assertThat(p.metrics().has(Metric.OUTPUT_THROUGHPUT)).isFalse();
      assertThat(errors(r).get(0).toString()).contains("wrong-types.json:/");
    }

    @Test
    void negativeValuesAreErrorsAndLeftOut() {
      LoadResult r = load("inference-perf/bad/negative.json");
      assertThat(locations(errors(r)))
          .containsExactlyInAnyOrder(
              "/successes/latency/time_to_first_token/p99",
              "/successes/throughput/output_tokens_per_sec",
              "/failures/count");
      BenchmarkPoint p = r.points().get(0);
      assertStat(p, Metric.TTFT, Statistic.MEAN, 100);
      assertThat(p.metrics().get(Metric.TTFT, Statistic.P99)).isEmpty();
      assertThat(p.metrics().has(Metric.REQUESTS_FAILED)).isFalse();
    }

    @Test
    void nanAndInfinityAreErrorsAndLeftOut() {
      LoadResult r = load("inference-perf/bad/nan.json");
      assertThat(locations(errors(r)))
          .containsExactlyInAnyOrder(
              "/successes/latency/request_latency/mean",
              "/successes/latency/time_to_first_token/mean");
      BenchmarkPoint p = r.points().get(0);
      assertStat(p, Metric.E2E_LATENCY, Statistic.P50, 500);
      assertThat(p.metrics().has(Metric.TTFT)).isFalse();
    }

    @Test
    void aReportWithoutSuccessesIsAnErrorAndNoPoint() {
      LoadResult r =
          ReaderTesting.forced(READER).load(resource("inference-perf/bad/missing-successes.json"));
      assertThat(r.points()).isEmpty();
      assertThat(errors(r))
          .singleElement()
          .satisfies(p -> assertThat(p.location()).isEqualTo("/successes"));
    }
  }

  @Nested
  class KubeconFixture {

    private static final String DIR = "inference-perf/demos/kubecon-na-2025/vllm/results";

    @Test
    void theResultsDirectoryIsExactlyOnePointPerStage() {
      Path dir = Fixtures.require(DIR);
      LoadResult r = only(READER).load(dir);
      assertThat(r.points())
          .extracting(p -> p.workload().stage())
          .containsExactly(0, 1, 2, 3, 4, 5, 6);
      assertThat(r.points())
          .extracting(p -> p.workload().targetRequestRate())
          .containsExactly(1.0, 31.4, 61.79, 92.19, 122.59, 152.98, 183.38);
      assertThat(r.points())
          .extracting(p -> p.metrics().mean(Metric.REQUESTS_SUCCEEDED).getAsDouble())
          .containsExactly(60.0, 1884.0, 3707.0, 5531.0, 7355.0, 9178.0, 11002.0);
      assertThat(errors(r)).isEmpty();
      assertThat(r.problems())
          .extracting(Problem::toString)
          .anySatisfy(s -> assertThat(s).contains("summary_lifecycle_metrics.json", "pools"));
    }

    @Test
    void stageZeroInMillisecondsExactlyAsTheFileHasItInSeconds() {
      LoadResult r = only(READER).load(Fixtures.require(DIR));
      BenchmarkPoint p = stage(r, 0);
      assertStat(p, Metric.TTFT, Statistic.MEAN, 31.12733216257766);
      assertStat(p, Metric.TTFT, Statistic.P99_9, 40.956884782877775);
      assertStat(p, Metric.TTFT, Statistic.P0_1, 24.646742470911705);
      assertStat(p, Metric.E2E_LATENCY, Statistic.MEAN, 480.48226445680486);
      assertStat(p, Metric.E2E_LATENCY, Statistic.MAX, 490.0500680087134);
      assertStat(p, Metric.TPOT, Statistic.P50, 3.468046240533825);
      assertStat(p, Metric.ITL, Statistic.MIN, 0.0031779054552316666);
      assertStat(p, Metric.NTPOT, Statistic.MEAN, 7.6659232914650915);
      assertStat(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, 64.23350089997027);
      assertStat(p, Metric.REQUEST_RATE, Statistic.MEAN, 1.0171575756131475);
      assertStat(p, Metric.REQUESTS_FAILED, Statistic.MEAN, 0);
      assertThat(p.workload().inputLength().mean()).hasValue(204.1);
      assertThat(p.workload().outputLength().get(Statistic.P99_9)).hasValue(67.941);
      // from the stage-0 Prometheus report beside it
      assertStat(p, Metric.KV_CACHE_USAGE, Statistic.P99, 0);
      assertStat(p, Metric.PREFIX_CACHE_HIT_RATE, Statistic.MEAN, 0);
      // 11 percentiles + mean, min, max
      assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
          .hasSize(14);
    }

    @Test
    void theSweepConfigTwoDirectoriesUpNamesModelEngineAndWorkload() {
      BenchmarkPoint p = stage(only(READER).load(Fixtures.require(DIR)), 3);
      assertThat(p.model().raw()).isEqualTo("meta-llama/Meta-Llama-3-8B-Instruct");
      assertThat(p.deployment().engine()).isEqualTo("vLLM");
      assertThat(p.workload().dataset()).isEqualTo("shared_prefix");
      assertThat(p.labels())
          .containsEntry("configured_input_tokens", "192")
          .containsEntry("configured_output_tokens", "64")
          .containsEntry("load_type", "constant");
    }

    @Test
    void theNumbersAgreeWithEachOther() {
      for (BenchmarkPoint p : only(READER).load(Fixtures.require(DIR)).points()) {
        double in = p.metrics().mean(Metric.INPUT_THROUGHPUT).getAsDouble();
        double out = p.metrics().mean(Metric.OUTPUT_THROUGHPUT).getAsDouble();
        assertThat(p.metrics().mean(Metric.TOTAL_THROUGHPUT).getAsDouble())
            .isCloseTo(in + out, within(1e-6));
        // NTPOT is per-request e2e / output tokens: its mean is near mean e2e / mean OSL
        double e2e = p.metrics().mean(Metric.E2E_LATENCY).getAsDouble();
        double osl = p.workload().outputLength().mean().getAsDouble();
        assertThat(stat(p, Metric.NTPOT, Statistic.MEAN))
            .isCloseTo(e2e / osl, within(0.03 * e2e / osl));
      }
    }

    @Test
    void sniffingPicksThisReaderForEveryReport() {
      LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(Fixtures.require(DIR));
      assertThat(r.points())
          .hasSize(7)
          .allSatisfy(p -> assertThat(p.provenance().format()).isEqualTo("inference-perf"));
    }

    @Test
    void theYamlRenderingOfANewerReportReadsToo() {
      LoadResult r =
          Prism.create()
              .withNormalizer(Normalizer.none())
              .load(
                  Fixtures.require("llm-d-benchmark/tests/fixtures/inference_perf_lifecycle.yaml"));
      BenchmarkPoint p = r.points().get(0);
      assertThat(r.points()).hasSize(1);
      assertThat(p.provenance().format()).isEqualTo("inference-perf");
      assertStat(p, Metric.DURATION, Statistic.MEAN, 2.48);
      assertThat(p.workload().targetRequestRate()).isEqualTo(1.0);
      assertThat(p.workload().inputLength().mean()).hasValue(200.33333333333334);
      assertThat(errors(r)).isEmpty();
    }
  }
}
