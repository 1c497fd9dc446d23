package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.load;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrismArchiveReaderTest {

  private final PrismArchiveReader reader = new PrismArchiveReader();

  private static double mean(BenchmarkPoint p, Metric m) {
    return p.metrics().mean(m).orElseThrow();
  }

  // ---- the real archives ----

  @Test
  void readsEveryLlmdBenchmarksRowAsTotalThroughputWithOutputAndInputDerived() {
    LoadResult r = load(reader, Fixtures.require("prism/llm-d-benchmarks.json"));

    assertThat(r.points()).hasSize(114);
    assertThat(errors(r)).isEmpty();
    for (BenchmarkPoint p : r.points()) {
      double rate = mean(p, Metric.REQUEST_RATE);
      double isl = p.workload().inputLength().mean().orElseThrow();
      double osl = p.workload().outputLength().mean().orElseThrow();
      MetricValue total = p.metrics().get(Metric.TOTAL_THROUGHPUT).orElseThrow();
      MetricValue output = p.metrics().get(Metric.OUTPUT_THROUGHPUT).orElseThrow();
      MetricValue input = p.metrics().get(Metric.INPUT_THROUGHPUT).orElseThrow();
      assertThat(total.isDerived()).isFalse();
      assertThat(total.mean().orElseThrow())
          .isCloseTo(rate * (isl + osl), within(1e-9 * rate * (isl + osl)));
      assertThat(output.rule()).hasValue("output = request_rate × OSL");
      assertThat(output.mean().orElseThrow()).isEqualTo(rate * osl);
      assertThat(input.rule()).hasValue("input = request_rate × ISL");
      assertThat(input.mean().orElseThrow()).isEqualTo(rate * isl);
      assertThat(p.provenance().format()).isEqualTo("prism-archive");
      assertThat(p.provenance().formatVersion()).isEqualTo("llm-d-benchmarks");
      assertThat(p.metrics().has(Metric.E2E_LATENCY)).isTrue();
      // latency.p99 is 0 on every row: Prism's placeholder, never a measurement
      assertThat(p.metrics().get(Metric.E2E_LATENCY, Statistic.P99)).isEmpty();
      assertThat(p.deployment().acceleratorCount())
          .isEqualTo(p.deployment().roles().stream().mapToInt(Role::accelerators).sum());
    }
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(p.location()).isEqualTo("/0/metrics/latency/p99");
              assertThat(p.message()).startsWith("114 ");
            });
  }

  @Test
  void theFirstLlmdRecordIsOnePrefillAndThreeDecodeReplicasOfTp4() {
    BenchmarkPoint p =
        load(reader, Fixtures.require("prism/llm-d-benchmarks.json")).points().get(0);

    assertThat(p.model().raw()).isEqualTo("Llama-3.1-70B");
    assertThat(p.deployment().accelerator().raw()).isEqualTo("H100");
    assertThat(p.deployment().accelerator().resolved()).isFalse();
    assertThat(p.deployment().engine()).isEqualTo("vllm");
    assertThat(p.deployment().architecture()).isEqualTo(Architecture.DISAGGREGATED);
    assertThat(p.deployment().pdRatio()).isEqualTo("1:3");
    assertThat(p.deployment().roles())
        .containsExactly(
            new Role(Role.Kind.PREFILL, 1, 4, null, null, null, 4),
            new Role(Role.Kind.DECODE, 3, 4, null, null, null, 4));
    assertThat(p.deployment().acceleratorCount()).isEqualTo(16);
    assertThat(mean(p, Metric.TOTAL_THROUGHPUT)).isCloseTo(24275.673515613435, within(1e-9));
    assertThat(mean(p, Metric.REQUEST_RATE)).isCloseTo(2.2070800541515987, within(1e-12));
    assertThat(mean(p, Metric.E2E_LATENCY)).isCloseTo(55943.76397331653, within(1e-9));
    assertThat(p.metrics().get(Metric.E2E_LATENCY, Statistic.P50).getAsDouble())
        .isCloseTo(52607.57012781687, within(1e-9));
    assertThat(mean(p, Metric.TTFT)).isCloseTo(6863.319998192674, within(1e-9));
    assertThat(p.metrics().get(Metric.TTFT, Statistic.P50).getAsDouble())
        .isCloseTo(2648.146854015067, within(1e-9));
    assertThat(mean(p, Metric.TPOT)).isCloseTo(49.12957354867252, within(1e-12));
    assertThat(mean(p, Metric.ITL)).isCloseTo(49.129573725568605, within(1e-12));
    assertThat(mean(p, Metric.REQUESTS_FAILED)).isZero();
    assertThat(p.workload().concurrency()).isEqualTo(128.0);
    assertThat(p.workload().targetRequestRate()).isNull();
    assertThat(p.labels()).containsEntry("configuration", "4: 1P-TP4 3D-TP4");
    assertThat(p.provenance().location()).isEqualTo("/0");
  }

  @Test
  void pdOneToOneOfTp8IsSixteenChips() {
    LoadResult r = load(reader, Fixtures.require("prism/llm-d-benchmarks.json"));

    BenchmarkPoint p = r.points().get(10);
    assertThat(p.labels()).containsEntry("configuration", "2: 1P-TP8 1D-TP8");
    assertThat(p.deployment().roles())
        .containsExactly(
            new Role(Role.Kind.PREFILL, 1, 8, null, null, null, 8),
            new Role(Role.Kind.DECODE, 1, 8, null, null, null, 8));
    assertThat(p.deployment().acceleratorCount()).isEqualTo(16);
    assertThat(p.workload().concurrency()).isEqualTo(64.0);
    assertThat(mean(p, Metric.TOTAL_THROUGHPUT)).isCloseTo(20960.346753894475, within(1e-9));
    assertThat(r.points())
        .filteredOn(x -> x.deployment().architecture() == Architecture.DISAGGREGATED)
        .hasSize(30);
    assertThat(r.points())
        .filteredOn(x -> x.deployment().architecture() == Architecture.AGGREGATED)
        .hasSize(84);
  }

  @Test
  void readsTheDriveArchiveWithOutputThroughputAndPerRequestNtpot() {
    LoadResult r = load(reader, Fixtures.require("prism/archived_drive_data.json"));

    assertThat(r.points()).hasSize(63);
    assertThat(errors(r)).isEmpty();
    for (BenchmarkPoint p : r.points()) {
      double rate = mean(p, Metric.REQUEST_RATE);
      double osl = p.workload().outputLength().mean().orElseThrow();
      assertThat(mean(p, Metric.OUTPUT_THROUGHPUT))
          .isCloseTo(rate * osl, within(1e-9 * rate * osl));
      assertThat(p.metrics().get(Metric.OUTPUT_THROUGHPUT).orElseThrow().isDerived()).isFalse();
      assertThat(p.metrics().has(Metric.TPOT)).isFalse();
      assertThat(p.metrics().has(Metric.NTPOT)).isTrue();
      assertThat(p.metrics().has(Metric.TOTAL_THROUGHPUT)).isFalse();
      assertThat(mean(p, Metric.REQUESTS_TOTAL)).isEqualTo(3600.0);
      assertThat(p.provenance().formatVersion()).isEqualTo("drive-archive");
      assertThat(p.workload().harness()).isEqualTo("inference-perf");
    }
    BenchmarkPoint first = r.points().get(0);
    assertThat(first.model().raw()).isEqualTo("Qwen3-0.6B");
    assertThat(first.labels())
        .containsEntry(
            "run_id",
            "inference-perf_1758823773-setup_inf_sche_kv_yaml-run_1000_1000_llm-d-0p6b-base")
        .containsEntry("variant", "1000/1000");
    assertThat(first.workload().inputLength().mean()).hasValue(3209.2194444444444);
    assertThat(first.workload().outputLength().mean()).hasValue(851.7266666666667);
    assertThat(mean(first, Metric.OUTPUT_THROUGHPUT)).isEqualTo(6086.6426581357955);
    assertThat(mean(first, Metric.INPUT_THROUGHPUT)).isEqualTo(22933.85041743566);
    assertThat(mean(first, Metric.REQUEST_RATE)).isEqualTo(7.146239393861641);
    assertThat(mean(first, Metric.NTPOT)).isEqualTo(192.64717267172077);
    assertThat(mean(first, Metric.E2E_LATENCY)).isEqualTo(27252.09005484445);
    assertThat(first.metrics().get(Metric.E2E_LATENCY).orElseThrow().distribution().statistics())
        .containsExactly(Statistic.MEAN);
  }

  @Test
  void sniffingPicksThisReaderForBothArchivesAndLeavesArenaScoresAlone() {
    for (String f :
        new String[] {"prism/llm-d-benchmarks.json", "prism/archived_drive_data.json"}) {
      LoadResult r = ReaderTesting.sniffed(Fixtures.require(f));
      assertThat(r.points())
          .isNotEmpty()
          .allMatch(p -> p.provenance().format().equals("prism-archive"));
    }
    LoadResult arena = ReaderTesting.sniffed(Fixtures.require("prism/arena_scores.json"));
    assertThat(arena.points()).isEmpty();
  }

  // ---- our own inputs ----

  @Test
  void readsOwnSweepAndReportsEachBadEntryWhileTheOthersLoad() {
    LoadResult r = load(reader, resource("prism-archive/llmd-sweep.json"));

    assertThat(r.points()).hasSize(3);
    BenchmarkPoint pd = r.points().get(0);
    assertThat(mean(pd, Metric.TOTAL_THROUGHPUT)).isEqualTo(22000.0);
    assertThat(mean(pd, Metric.OUTPUT_THROUGHPUT)).isEqualTo(2000.0);
    assertThat(mean(pd, Metric.INPUT_THROUGHPUT)).isEqualTo(20000.0);
    assertThat(pd.deployment().pdRatio()).isEqualTo("1:1");
    BenchmarkPoint agg = r.points().get(1);
    assertThat(agg.deployment().roles())
        .containsExactly(new Role(Role.Kind.AGGREGATED, 4, 2, null, null, null, 2));
    assertThat(mean(agg, Metric.REQUESTS_FAILED)).isEqualTo(2.0);
    assertThat(agg.provenance().location()).isEqualTo("/1");
    BenchmarkPoint bad = r.points().get(2);
    assertThat(bad.metrics().has(Metric.TOTAL_THROUGHPUT)).isFalse();
    assertThat(bad.metrics().has(Metric.OUTPUT_THROUGHPUT)).isTrue(); // derived from the rate
    assertThat(mean(bad, Metric.TPOT)).isEqualTo(20.0);

    assertThat(errors(r))
        .extracting(Problem::location)
        .containsExactly("/2/metrics/throughput", "/3", "/4/model");
    assertThat(errors(r).get(0).message()).contains("'fast'");
    assertThat(errors(r).get(0).toString()).contains("llmd-sweep.json:/2/metrics/throughput");
  }

  @Test
  void aThroughputThatIsNotRateTimesTokensIsFlagged() {
    String json =
        "[{\"model\":\"m\",\"metrics\":{\"throughput\":100.0,\"request_rate\":1.0},"
            + "\"workload\":{\"input_tokens\":10,\"output_tokens\":10},\"source\":\"llm-d-benchmark\","
            + "\"source_info\":{},\"metadata\":{}}]";
    LoadResult r = load(reader, "x.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.points()).hasSize(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.location()).isEqualTo("/0/metrics/throughput");
            });
  }

  @Test
  void anUnknownSourceIsAnErrorAndItsThroughputIsNotGuessed() {
    String json =
        "[{\"model\":\"m\",\"metrics\":{\"throughput\":100.0,\"request_rate\":1.0,"
            + "\"latency\":{\"mean\":5}},\"workload\":{},\"source\":\"elsewhere\","
            + "\"source_info\":{},\"metadata\":{}}]";
    LoadResult r = load(reader, "x.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.metrics().metrics())
                  .containsExactlyInAnyOrder(Metric.REQUEST_RATE, Metric.E2E_LATENCY);
              assertThat(p.provenance().formatVersion()).isNull();
            });
    assertThat(errors(r)).extracting(Problem::location).containsExactly("/0/source");
  }

  @Test
  void readsOwnDriveEntry() {
    LoadResult r = load(reader, resource("prism-archive/drive.json"));

    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(mean(p, Metric.OUTPUT_THROUGHPUT)).isEqualTo(6000.0);
              assertThat(mean(p, Metric.INPUT_THROUGHPUT)).isEqualTo(22000.0);
              assertThat(mean(p, Metric.NTPOT)).isEqualTo(190.5);
              assertThat(mean(p, Metric.REQUESTS_FAILED)).isEqualTo(1.0);
              assertThat(p.deployment().roles()).isEmpty();
            });
    assertThat(r.problems()).extracting(Problem::severity).containsExactly(Problem.Severity.INFO);
  }

  @Test
  void truncatedJsonKeepsTheEntriesBeforeTheCut() throws Exception {
    byte[] all = java.nio.file.Files.readAllBytes(resource("prism-archive/llmd-sweep.json"));
    String text = new String(all, java.nio.charset.StandardCharsets.UTF_8);
    byte[] cut =
        text.substring(0, text.indexOf("\"bad-throughput\""))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    LoadResult r = load(reader, "cut.json", cut);

    assertThat(r.points()).hasSize(2);
    assertThat(errors(r))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
  }

  @Test
  void anObjectInsteadOfAnArrayIsOneError() {
    Path p = resource("prism-archive/not-an-array.json");
    LoadResult r =
        Prism.of(
                Plugins.builder().reader(reader).build(),
                LoadOptions.defaults().withFormat("prism-archive"))
            .withNormalizer(Normalizer.none())
            .load(p);

    assertThat(r.points()).isEmpty();
    assertThat(errors(r)).singleElement().satisfies(e -> assertThat(e.message()).contains("array"));
  }

  @Test
  void sniffingPicksThisReaderForOwnFiles() {
    LoadResult r = ReaderTesting.sniffed(resource("prism-archive/drive.json"));
    assertThat(r.points())
        .singleElement()
        .satisfies(p -> assertThat(p.provenance().format()).isEqualTo("prism-archive"));
  }

  @Test
  void aDuplicatedMemberSkipsItsEntryAndAStructureWhereANumberBelongsIsReported() {
    String json =
        "[{\"model\":\"m\",\"metrics\":{\"request_rate\":1.0,\"request_rate\":2.0},"
            + "\"workload\":{},\"source\":\"llm-d-benchmark\",\"source_info\":{},\"metadata\":{}},"
            + "{\"model\":\"m\",\"metrics\":{\"request_rate\":{\"mean\":1.0},\"tpot\":5},"
            + "\"workload\":{},\"source\":\"llm-d-benchmark\",\"source_info\":{},\"metadata\":{}}]";
    LoadResult r = load(reader, "dup.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.points())
        .singleElement()
        .satisfies(p -> assertThat(p.metrics().metrics()).containsExactly(Metric.TPOT));
    assertThat(errors(r))
        .extracting(p -> p.location() + ": " + p.message())
        .containsExactly(
            "/0/metrics/request_rate: the member occurs twice; entry skipped",
            "/1/metrics/request_rate: '{…}' is not a non-negative number; not read");
  }
}
