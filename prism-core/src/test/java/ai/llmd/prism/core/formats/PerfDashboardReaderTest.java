package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.load;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** No real dashboard CSV is public; these follow the columns of perfdash.md §1.1–1.2. */
class PerfDashboardReaderTest {

  private final PerfDashboardReader reader = new PerfDashboardReader();

  private static double stat(BenchmarkPoint p, Metric m, Statistic s) {
    return p.metrics().get(m, s).orElseThrow();
  }

  @Test
  void readsEveryRhaiisColumnInCanonicalUnits() {
    LoadResult r = load(reader, resource("perfdash/consolidated_dashboard.csv"));

    BenchmarkPoint p = r.points().get(0);
    assertThat(p.provenance().formatVersion()).isEqualTo("rhaiis");
    assertThat(p.provenance().location()).isEqualTo("row 1");
    assertThat(p.model().raw()).isEqualTo("example/Example-8B-Instruct");
    assertThat(p.deployment().accelerator().raw()).isEqualTo("H200");
    assertThat(p.deployment().engine()).isEqualTo("vLLM");
    assertThat(p.deployment().engineVersion()).isEqualTo("0.21.0");
    assertThat(p.deployment().roles())
        .containsExactly(new Role(Role.Kind.AGGREGATED, 1, 2, null, null, null, 2));
    assertThat(p.deployment().acceleratorCount()).isEqualTo(2);
    assertThat(p.metrics().mean(Metric.REQUEST_RATE)).hasValue(3.25);
    assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(3240.5);
    assertThat(p.metrics().mean(Metric.TOTAL_THROUGHPUT)).hasValue(6489.75);
    assertThat(p.metrics().get(Metric.TTFT).orElseThrow().distribution().statistics())
        .containsExactly(
            Statistic.MEAN,
            Statistic.P1,
            Statistic.P50,
            Statistic.P95,
            Statistic.P99,
            Statistic.P99_9);
    assertThat(stat(p, Metric.TTFT, Statistic.MEAN)).isEqualTo(90.0);
    assertThat(stat(p, Metric.TTFT, Statistic.P50)).isEqualTo(85.5);
    assertThat(stat(p, Metric.TTFT, Statistic.P1)).isEqualTo(40.0);
    assertThat(stat(p, Metric.TTFT, Statistic.P99_9)).isEqualTo(300.0);
    assertThat(p.metrics().get(Metric.TPOT).orElseThrow().distribution().statistics())
        .containsExactly(
            Statistic.P1, Statistic.P50, Statistic.P95, Statistic.P99, Statistic.P99_9);
    assertThat(stat(p, Metric.TPOT, Statistic.P95)).isEqualTo(10.25);
    assertThat(stat(p, Metric.ITL, Statistic.MEAN)).isEqualTo(9.45);
    assertThat(stat(p, Metric.ITL, Statistic.P99)).isEqualTo(11.1);
    // request_latency_* are seconds
    assertThat(stat(p, Metric.E2E_LATENCY, Statistic.P50)).isEqualTo(9750.0);
    assertThat(stat(p, Metric.E2E_LATENCY, Statistic.MIN)).isEqualTo(8500.0);
    assertThat(stat(p, Metric.E2E_LATENCY, Statistic.MAX)).isEqualTo(12250.0);
    assertThat(p.metrics().mean(Metric.REQUESTS_SUCCEEDED)).hasValue(960.0);
    assertThat(p.metrics().mean(Metric.REQUESTS_FAILED)).hasValue(0.0);
    assertThat(p.workload().inputLength().mean()).hasValue(999.5);
    assertThat(p.workload().inputLength().get(Statistic.P99)).hasValue(1000.0);
    assertThat(p.workload().outputLength().mean()).hasValue(997.1);
    assertThat(p.workload().concurrency()).isEqualTo(32.0);
    assertThat(p.workload().harness()).isEqualTo("guidellm");
    assertThat(p.workload().harnessVersion()).isEqualTo("0.5.1");
    assertThat(p.labels())
        .containsEntry("uuid", "11111111-aaaa")
        .containsEntry("measured_concurrency", "31.6")
        .containsEntry("version", "vLLM-0.21.0-optimized")
        .containsEntry("runtime_args", "max-model-len: 8192; gpu-memory-utilization: 0.9");
  }

  @Test
  void aDataParallelRealDatasetRowHasNoInventedLengthsOrChipCount() {
    BenchmarkPoint p =
        load(reader, resource("perfdash/consolidated_dashboard.csv")).points().get(1);

    assertThat(p.deployment().engine()).isEqualTo("RHAIIS");
    assertThat(p.deployment().engineVersion()).isEqualTo("3.5");
    assertThat(p.deployment().roles())
        .containsExactly(new Role(Role.Kind.AGGREGATED, 1, null, 4, null, null, null));
    assertThat(p.deployment().acceleratorCount()).isNull();
    assertThat(p.workload().inputLength()).isNull(); // 0/0 means "real dataset", not zero tokens
    assertThat(p.workload().outputLength()).isNull();
    assertThat(p.workload().dataset()).isEqualTo("sharegpt");
    assertThat(p.metrics().mean(Metric.REQUESTS_FAILED)).hasValue(3.0);
  }

  @Test
  void badCellsAndRowsAreReportedByRowAndColumnAndTheRestLoads() {
    LoadResult r = load(reader, resource("perfdash/consolidated_dashboard.csv"));

    assertThat(r.points()).hasSize(3);
    BenchmarkPoint bad = r.points().get(2);
    assertThat(bad.metrics().has(Metric.REQUEST_RATE)).isFalse();
    assertThat(bad.metrics().has(Metric.TTFT)).isFalse();
    assertThat(bad.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(120.0);
    assertThat(stat(bad, Metric.TPOT, Statistic.P50)).isEqualTo(7.5);
    assertThat(bad.deployment().engine()).isNull(); // "TRT-LLM-gpt-oss-dev" names no version
    assertThat(bad.labels()).containsEntry("version", "TRT-LLM-gpt-oss-dev");
    assertThat(errors(r))
        .extracting(p -> p.location() + ": " + p.message())
        .containsExactly(
            "row 3: column 'measured rps': 'fast' is not a non-negative number; not read",
            "row 3: column 'ttft_median': '-3' is not a non-negative number; not read",
            "row 4: column 'model' is empty; skipped",
            "row 5: has 4 cells where the header has 52; skipped");
  }

  @Test
  void theFortyColumnLayoutOfTheFirstImporterReads() {
    LoadResult r = load(reader, resource("perfdash/consolidated_dashboard_v1.csv"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(3240.5);
              assertThat(p.workload().harnessVersion()).isNull();
              assertThat(p.provenance().formatVersion()).isEqualTo("rhaiis");
            });
  }

  @Test
  void readsLlmdRowsWithReplicasAndPrefillDecodePods() {
    LoadResult r = load(reader, resource("perfdash/llmd-dashboard.csv"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.points()).hasSize(3).allMatch(p -> p.provenance().formatVersion().equals("llmd"));
    BenchmarkPoint agg = r.points().get(0);
    assertThat(agg.deployment().servingStack()).isEqualTo("llm-d");
    assertThat(agg.deployment().engine()).isNull();
    assertThat(agg.deployment().roles())
        .containsExactly(new Role(Role.Kind.AGGREGATED, 4, 4, 1, null, null, 4));
    assertThat(agg.deployment().acceleratorCount()).isEqualTo(16);
    assertThat(stat(agg, Metric.E2E_LATENCY, Statistic.P50)).isEqualTo(18250.0);
    assertThat(agg.labels())
        .containsEntry("router_config", "precise-prefix-cache")
        .containsEntry("notes", "illustrative");

    BenchmarkPoint pd = r.points().get(1);
    assertThat(pd.deployment().architecture()).isEqualTo(Architecture.DISAGGREGATED);
    assertThat(pd.deployment().pdRatio()).isEqualTo("2:1");
    assertThat(pd.deployment().servingStack()).isEqualTo("RHOAI");
    assertThat(pd.deployment().acceleratorCount()).isNull();

    BenchmarkPoint ep = r.points().get(2);
    assertThat(ep.deployment().roles())
        .containsExactly(new Role(Role.Kind.AGGREGATED, 1, 1, 16, null, 16, 16));
    assertThat(ep.deployment().servingStack()).isEqualTo("Dynamo");
  }

  @Test
  void aCsvWithoutAModelColumnIsOneError() {
    String csv = "run,accelerator,output_tok/sec,intended concurrency\nr,H200,1,1\n";
    LoadResult r = ReaderTesting.forced(reader, "x.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("'model'");
            });
  }

  @Test
  void sniffingPicksThisReaderForBothLayouts() {
    for (String f :
        new String[] {"perfdash/consolidated_dashboard.csv", "perfdash/llmd-dashboard.csv"}) {
      LoadResult r = ReaderTesting.sniffed(resource(f));
      assertThat(r.points()).isNotEmpty().allMatch(p -> p.provenance().format().equals("perfdash"));
    }
  }

  @Test
  void theDatasetSummariesAreTokenLengthListsThatNoReaderClaims() {
    LoadResult r = ReaderTesting.sniffed(Fixtures.require("perfdash/datasets/summaries"));

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .hasSize(4)
        .allSatisfy(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(p.message()).contains("not a recognised benchmark format");
            });
  }

  @Test
  void aQuoteThatNeverClosesStopsReadingThereAndKeepsTheRowsAbove() {
    String csv =
        "run,accelerator,model,version,intended concurrency,output_tok/sec\n"
            + "a,H200,m,vLLM-0.1.0,1,10.5\n"
            + "b,H200,\"m,vLLM-0.1.0,2,20\n"
            + "c,H200,m,vLLM-0.1.0,3,30\n";
    LoadResult r = ReaderTesting.forced(reader, "q.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(r.points())
        .singleElement()
        .satisfies(p -> assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(10.5));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.location()).isEqualTo("row 2");
              assertThat(p.message()).contains("not valid CSV");
            });
  }
}
