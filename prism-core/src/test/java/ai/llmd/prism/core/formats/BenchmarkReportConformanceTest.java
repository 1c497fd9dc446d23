package ai.llmd.prism.core.formats;

import static ai.llmd.prism.api.Statistic.MAX;
import static ai.llmd.prism.api.Statistic.MEAN;
import static ai.llmd.prism.api.Statistic.MIN;
import static ai.llmd.prism.api.Statistic.P0_1;
import static ai.llmd.prism.api.Statistic.P1;
import static ai.llmd.prism.api.Statistic.P10;
import static ai.llmd.prism.api.Statistic.P25;
import static ai.llmd.prism.api.Statistic.P5;
import static ai.llmd.prism.api.Statistic.P50;
import static ai.llmd.prism.api.Statistic.P75;
import static ai.llmd.prism.api.Statistic.P90;
import static ai.llmd.prism.api.Statistic.P95;
import static ai.llmd.prism.api.Statistic.P99;
import static ai.llmd.prism.api.Statistic.P99_9;
import static ai.llmd.prism.api.Statistic.STDDEV;
import static ai.llmd.prism.core.formats.BrAssertions.assertDistribution;
import static ai.llmd.prism.core.formats.BrAssertions.assertStatistics;
import static ai.llmd.prism.core.formats.BrAssertions.load;
import static ai.llmd.prism.core.formats.BrAssertions.stats;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.Detection;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The upstream example reports of every BR version, read value by value (public fixtures). */
class BenchmarkReportConformanceTest {

  private static final String BR = "llm-d-benchmark/llmdbenchmark/analysis/benchmark_report/";

  /** vLLM benchmark_serving.py results kept beside the reports in llm-d-benchmark's history. */
  private static final String VLLM = "llm-d-benchmark/collected/data/openshift/exp-7/H100/";

  /** The 14 statistics of the v0.2 examples' full Statistics blocks, from p0p1 to p99p9. */
  private static Map<Statistic, Double> fullBlock(double scale) {
    return stats(
        MEAN, 2262.448 * scale,
        MIN, 2223.0 * scale,
        P0_1, 2223.998 * scale,
        P1, 2227.99 * scale,
        P5, 2234.95 * scale,
        P10, 2240.0 * scale,
        P25, 2252.0 * scale,
        P50, 2262.0 * scale,
        P75, 2270.0 * scale,
        P90, 2286.0 * scale,
        P95, 2294.0 * scale,
        P99, 2322.0 * scale,
        P99_9, 2326.503 * scale,
        MAX, 2328.0 * scale);
  }

  private static BenchmarkPoint only(LoadResult r) {
    assertThat(r.points()).hasSize(1);
    return r.points().get(0);
  }

  @Nested
  class Version01 {

    private final Path file = Fixtures.require(BR + "br_v0_1_example.yaml");

    @Test
    void readsOnePointWithProvenanceAndNoProblems() {
      LoadResult r = load(file);

      assertThat(r.problems()).isEmpty();
      BenchmarkPoint p = only(r);
      assertThat(p.provenance().format()).isEqualTo("llmd-br");
      assertThat(p.provenance().formatVersion()).isEqualTo("0.1");
      assertThat(p.provenance().location()).isEmpty();
      assertThat(p.provenance().source()).isEqualTo(file.toAbsolutePath().normalize().toUri());
    }

    @Test
    void keepsMillisecondLatenciesAsDeclaredWithEveryStatisticTheFileHas() {
      BenchmarkPoint p = only(load(file));

      assertStatistics(
          p,
          Metric.TTFT,
          stats(
              MEAN, 0.800974442732916,
              STDDEV, 0.00198353456345,
              MIN, 0.0625283779809251,
              P10, 0.072068731742911,
              P50, 0.203539535985328,
              P90, 2.26959549135063,
              MAX, 4.46773961000145));
      assertThat(p.metrics().mean(Metric.E2E_LATENCY)).hasValue(3.31325431142327);
      assertThat(p.metrics().mean(Metric.NTPOT)).hasValue(0.104340420636009);
      assertThat(p.metrics().mean(Metric.TPOT)).hasValue(0.0836929455635872);
      assertThat(p.metrics().get(Metric.ITL, MIN)).hasValue(7.129972800612e-06);
    }

    @Test
    void readsThroughputsCountsAndDuration() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.metrics().mean(Metric.INPUT_THROUGHPUT)).hasValue(643.576644186323);
      assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(32.544923821416);
      assertThat(p.metrics().mean(Metric.TOTAL_THROUGHPUT)).hasValue(676.121568007739);
      assertThat(p.metrics().mean(Metric.REQUEST_RATE)).hasValue(1.0238155253639);
      assertThat(p.metrics().mean(Metric.REQUESTS_TOTAL)).hasValue(32);
      assertThat(p.metrics().mean(Metric.REQUESTS_FAILED)).hasValue(0);
      assertThat(p.metrics().mean(Metric.REQUESTS_INCOMPLETE)).hasValue(1);
      assertThat(p.metrics().mean(Metric.DURATION)).hasValue(16.531641244888306);
      // service.kv_cache_size is a block count, not a usage share: not KV_CACHE_USAGE
      assertThat(p.metrics().has(Metric.KV_CACHE_USAGE)).isFalse();
    }

    @Test
    void groupsOnePrefillAndTwoIdenticalDecodePodsIntoRoles() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.deployment().roles())
          .containsExactly(
              new Role(Role.Kind.PREFILL, 1, 1, 1, 1, 1, 1),
              new Role(Role.Kind.DECODE, 2, 8, 1, 1, 8, 8));
      assertThat(p.deployment().acceleratorCount()).isEqualTo(17);
      assertThat(p.deployment().architecture()).isEqualTo(Architecture.DISAGGREGATED);
      assertThat(p.deployment().pdRatio()).isEqualTo("1:2");
      assertThat(p.deployment().accelerator().raw()).isEqualTo("H100");
      assertThat(p.deployment().accelerator().resolved()).isFalse();
      assertThat(p.deployment().engine()).isEqualTo("vllm");
      assertThat(p.deployment().engineVersion()).isEqualTo("0.9.0.1");
    }

    @Test
    void readsModelWorkloadAndLabels() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.model().raw()).isEqualTo("deepseek-ai/DeepSeek-R1-0528");
      assertThat(p.model().precision()).isEqualTo("FP16");
      assertThat(p.workload().harness()).isEqualTo("inference-perf");
      assertThat(p.workload().dataset()).isEqualTo("long-input");
      assertThat(p.workload().targetRequestRate()).isNull();
      assertDistribution(
          p.workload().inputLength(),
          stats(
              MEAN, 628.606060606061,
              STDDEV, 19.8353456345,
              MIN, 4,
              P10, 11,
              P50, 364,
              P90, 2427,
              MAX, 3836),
          "input length");
      assertThat(p.workload().outputLength().get(P50)).hasValue(32);
      assertThat(p.labels())
          .containsEntry(
              "scenario.description",
              "This is a heterogeneous accelerator setup with two lora adapters")
          .containsEntry("model.adapters", "lora=sql_adapter,lora=golang_adapter")
          .containsEntry("run.start_epoch_s", "1749570583.5714512");
    }
  }

  @Nested
  class Version02 {

    private final Path file = Fixtures.require(BR + "br_v0_2_example.yaml");

    @Test
    void readsOnePointDespiteTheUnquotedInfinityConcurrency() {
      LoadResult r = load(file);

      BenchmarkPoint p = only(r);
      assertThat(p.provenance().formatVersion()).isEqualTo("0.2");
      assertThat(p.workload().concurrency()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(p.workload().targetRequestRate()).isEqualTo(10.0);
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              pr -> {
                assertThat(pr.severity()).isEqualTo(Problem.Severity.INFO);
                assertThat(pr.location()).isEqualTo("/scenario/stack");
                assertThat(pr.message()).contains("read as aggregated");
              });
    }

    @Test
    void convertsSecondsToMillisecondsForEveryPercentileTheFileHas() {
      BenchmarkPoint p = only(load(file));

      assertStatistics(
          p,
          Metric.TTFT,
          stats(
              MEAN, 36.8578234128654,
              MIN, 27.276142966002226,
              P0_1, 27.322400792501866,
              P1, 27.85794825293124,
              P5, 30.159439309500158,
              P10, 31.235878029838203,
              P25, 33.357357955537736,
              P50, 36.22930939309299,
              P75, 39.93474820163101,
              P90, 42.62634576298297,
              P95, 45.246614259667695,
              P99, 50.29489721637218,
              P99_9, 57.014757215045425,
              MAX, 57.4655020609498));
      for (Metric m : List.of(Metric.ITL, Metric.TPOT, Metric.NTPOT, Metric.E2E_LATENCY)) {
        assertStatistics(p, m, stats(MEAN, 36.8578234128654));
      }
    }

    @Test
    void readsThroughputsAndLengthsWithAllTheirStatistics() {
      BenchmarkPoint p = only(load(file));

      assertStatistics(p, Metric.INPUT_THROUGHPUT, fullBlock(1));
      assertStatistics(p, Metric.OUTPUT_THROUGHPUT, fullBlock(1));
      assertStatistics(p, Metric.TOTAL_THROUGHPUT, fullBlock(1));
      assertStatistics(p, Metric.REQUEST_RATE, fullBlock(1));
      assertThat(p.metrics().mean(Metric.REQUESTS_TOTAL)).hasValue(500);
      assertThat(p.metrics().mean(Metric.REQUESTS_FAILED)).hasValue(0);
      assertThat(p.metrics().has(Metric.REQUESTS_INCOMPLETE)).isFalse();
      assertThat(p.metrics().mean(Metric.DURATION)).hasValue(49.97206788184121);
      // measured lengths win over the configured 2148 / 1000
      assertDistribution(p.workload().inputLength(), fullBlock(1), "input length");
      assertDistribution(p.workload().outputLength(), fullBlock(1), "output length");
    }

    @Test
    void readsObservabilityAggregates() {
      BenchmarkPoint p = only(load(file));

      // the schema's own per-component aggregate, not the ad-hoc pod gauge (40.3)
      assertStatistics(
          p,
          Metric.KV_CACHE_USAGE,
          stats(
              MEAN, 42.5, MIN, 12.3, P50, 41.8, P75, 52.1, P90, 63.4, P95, 71.2, P99, 85.6, MAX,
              92.1));
      // only in the ad-hoc key, for one pod, with no across-pod aggregate
      assertStatistics(
          p, Metric.PREFIX_CACHE_HIT_RATE, stats(MEAN, 65.3, STDDEV, 18.7, P50, 68.1, P99, 92.4));
    }

    @Test
    void readsTheStackAsTwoReplicasOfEightAcceleratorsEach() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.deployment().roles())
          .containsExactly(new Role(Role.Kind.AGGREGATED, 2, 8, 1, 1, 1, 8));
      assertThat(p.deployment().acceleratorCount()).isEqualTo(16);
      assertThat(p.deployment().architecture()).isEqualTo(Architecture.AGGREGATED);
      assertThat(p.deployment().accelerator().raw()).isEqualTo("NVIDIA-H100-80GB-HBM3");
      assertThat(p.deployment().engine()).isEqualTo("llm-d");
      assertThat(p.deployment().engineVersion()).isEqualTo("ghcr.io/llm-d/llm-d-cuda:0.3.1");
      assertThat(p.deployment().components()).containsExactly("llm-d-inference-scheduler");
      assertThat(p.model().raw()).isEqualTo("Qwen/Qwen3-0.6B");
      assertThat(p.model().id()).isEqualTo("qwen/qwen3-0.6b");
    }

    @Test
    void keepsTheHarnessOutOfTheEngineAndRunIdentityAsLabels() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.workload().harness()).isEqualTo("inference-perf");
      assertThat(p.workload().harnessVersion()).isEqualTo("0.3.0");
      assertThat(p.workload().stage()).isEqualTo(3);
      assertThat(p.workload().dataset()).isEqualTo("shared_prefix");
      assertThat(p.labels())
          .containsEntry("run.uid", "38b1f169ca178b756f7483523b17de61")
          .containsEntry("run.eid", "d9c5a5ddce6c2f885a9f8e6a6a6db0fb")
          .containsEntry(
              "run.description",
              "Baseline latency test for Qwen3-0.6B on inference-scheduling stack")
          .containsEntry("run.keywords", "baseline,latency,qwen3")
          .containsEntry("load.source", "sampled")
          .containsEntry("load.multi_turn", "true");
    }

    @Test
    void keepsSessionFiguresAsLabels() {
      BenchmarkPoint p = only(load(file));

      assertThat(p.labels())
          .containsEntry("session.total", "112")
          .containsEntry("session.succeeded", "110")
          .containsEntry("session.failed", "2")
          .containsEntry("session.events", "1340")
          .containsEntry("session.events_completed", "1320")
          .containsEntry("session.events_cancelled", "20")
          .containsEntry("session.rate_per_s.mean", "2.24")
          .containsEntry("session.duration_s.mean", "48.3")
          .containsEntry("session.input_tokens_per_session.mean", "25612.4");
    }

    @Test
    void readsTheSameValuesFromTheReportRenderedAsJson() throws Exception {
      BenchmarkPoint yaml = only(load(file));
      byte[] json =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsBytes(LenientTrees.parse(Files.readAllBytes(file)));

      LoadResult r = BrAssertions.prism().read("br.json", new ByteArrayInputStream(json));

      BenchmarkPoint p = only(r);
      assertThat(p.scenario()).isEqualTo(yaml.scenario());
      assertThat(p.metrics()).isEqualTo(yaml.metrics());
      assertThat(p.labels()).isEqualTo(yaml.labels());
    }
  }

  @Nested
  class Version021 {

    private final Path file = Fixtures.require(BR + "br_v0_2_1_example.yaml");

    @Test
    void readsTheSortedKeyLayoutWithTheSameValuesAsVersion02() {
      LoadResult r = load(file);
      BenchmarkPoint v02 = only(load(Fixtures.require(BR + "br_v0_2_example.yaml")));

      BenchmarkPoint p = only(r);
      assertThat(p.provenance().formatVersion()).isEqualTo("0.2.1");
      assertThat(r.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.INFO);
      assertThat(p.metrics()).isEqualTo(v02.metrics());
      assertThat(p.scenario()).isEqualTo(v02.scenario());
      assertThat(p.labels()).containsEntry("load.parallelism", "1");
    }
  }

  @Nested
  class Sniffing {

    @Test
    void sniffingPicksThisReaderForEveryVersion() {
      for (String name :
          List.of("br_v0_1_example.yaml", "br_v0_2_example.yaml", "br_v0_2_1_example.yaml")) {
        LoadResult r =
            Prism.create().withNormalizer(Normalizer.none()).load(Fixtures.require(BR + name));

        assertThat(r.points()).as(name).singleElement();
        assertThat(r.points().get(0).provenance().format()).isEqualTo("llmd-br");
        assertThat(r.problems()).as(name).noneMatch(p -> p.message().contains("several formats"));
      }
    }

    @Test
    void declinesTheInferencePerfLifecycleAndVllmBenchFilesOfTheSameRepository() throws Exception {
      List<String> others =
          List.of(
              "llm-d-benchmark/tests/fixtures/inference_perf_lifecycle.yaml",
              VLLM + "llm-d-1p1d/benchmark_2025-05-13_04-37-51.json",
              VLLM + "llm-d-2p1d/benchmark_2025-05-13_05-00-45.json",
              VLLM + "vllm-2replicas/benchmark_2025-05-13_04-55-27.json",
              VLLM + "vllm-3replicas/benchmark_2025-05-13_05-23-51.json");
      for (String o : others) {
        Path f = Fixtures.require(o);
        HeadSniff sniff = new HeadSniff(f.getFileName().toString(), Files.readAllBytes(f));

        assertThat(new BenchmarkReportReader().detect(sniff)).as(o).isEqualTo(Detection.NO);
      }
    }
  }
}
