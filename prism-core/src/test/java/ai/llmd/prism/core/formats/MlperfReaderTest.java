package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.ReaderTesting.errors;
import static ai.llmd.prism.core.formats.ReaderTesting.load;
import static ai.llmd.prism.core.formats.ReaderTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MlperfReaderTest {

  private final MlperfReader reader = new MlperfReader();

  /** A system as perfdash keys it: Public ID, organization, system name, accelerator, nodes. */
  private static Set<List<Object>> systems(LoadResult r) {
    return r.points().stream()
        .map(
            p ->
                List.<Object>of(
                    p.labels().get("public_id"),
                    p.labels().get("organization"),
                    p.labels().get("system"),
                    p.deployment().accelerator() == null ? "" : p.deployment().accelerator().raw(),
                    p.deployment().nodes() == null ? 0 : p.deployment().nodes()))
        .collect(Collectors.toSet());
  }

  private static List<BenchmarkPoint> of(LoadResult r, String publicId) {
    return r.points().stream().filter(p -> publicId.equals(p.labels().get("public_id"))).toList();
  }

  // ---- the real exports ----

  @Test
  void v50PivotHas69SystemsAndEveryResultCell() {
    LoadResult r = load(reader, Fixtures.require("perfdash/mlperf-data/mlperf-5.0.csv"));

    // llama3.1-405b is declared in Samples/s and Queries/s in this export: kept, and said so
    assertThat(r.problems())
        .extracting(p -> p.severity() + " " + p.message().substring(0, p.message().indexOf(" is ")))
        .containsExactly("INFO 'llama3.1-405b Offline'", "INFO 'llama3.1-405b Server'");
    assertThat(systems(r)).hasSize(69);
    assertThat(r.points()).hasSize(859);
    assertThat(r.points().stream().filter(p -> p.metrics().has(Metric.OUTPUT_THROUGHPUT)))
        .hasSize(472);
    assertThat(r.points().stream().filter(p -> p.metrics().has(Metric.REQUEST_RATE)))
        .hasSize(231 + 156);
    assertThat(r.points()).allMatch(p -> "5.0".equals(p.provenance().formatVersion()));

    BenchmarkPoint first = r.points().get(0);
    assertThat(first.labels())
        .containsEntry("public_id", "5.0-0001")
        .containsEntry("round", "5.0")
        .containsEntry("benchmark", "llama2-70b-99")
        .containsEntry("scenario", "Offline")
        .containsEntry("organization", "AMD");
    assertThat(first.model().raw()).isEqualTo("llama2-70b-99");
    assertThat(first.workload().dataset()).isEqualTo("Offline");
    assertThat(first.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(33928.10);
    assertThat(first.deployment().accelerator().raw()).isEqualTo("AMD Instinct MI325X 256GB HBM3E");
    assertThat(first.deployment().acceleratorCount()).isEqualTo(8);
    assertThat(first.provenance().location()).isEqualTo("row 3");

    List<BenchmarkPoint> gb200 = of(r, "5.0-0058");
    assertThat(gb200)
        .extracting(p -> p.metrics().mean(Metric.REQUEST_RATE).orElseThrow())
        .containsExactly(13886.40, 8850.10);
    assertThat(gb200)
        .allSatisfy(
            p -> {
              assertThat(p.deployment().nodes()).isEqualTo(18);
              assertThat(p.deployment().acceleratorCount()).isEqualTo(72);
              assertThat(p.provenance().location()).isEqualTo("row 195");
            });
  }

  @Test
  void v51PivotHas83Systems() {
    LoadResult r = load(reader, Fixtures.require("perfdash/mlperf-data/mlperf-5.1.csv"));

    assertThat(r.problems())
        .hasSize(5)
        .allMatch(p -> p.severity() == Problem.Severity.INFO)
        .allMatch(
            p -> p.message().startsWith("'deepseek-r1") || p.message().startsWith("'llama3.1-8b"));
    assertThat(systems(r)).hasSize(83);
    assertThat(r.points()).hasSize(554);
    BenchmarkPoint first = r.points().get(0);
    assertThat(first.labels()).containsEntry("public_id", "5.1-0001");
    assertThat(first.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(27803.90);
    assertThat(r.points().stream().map(p -> p.workload().dataset()).distinct())
        .containsExactlyInAnyOrder("Offline", "Server", "Interactive");
  }

  @Test
  void v60Utf16TabSeparatedHas93SystemsAndReportsItsLatencyRows() {
    LoadResult r = load(reader, Fixtures.require("perfdash/mlperf-data/mlperf-6.0.csv"));

    assertThat(errors(r)).isEmpty();
    assertThat(systems(r)).hasSize(93);
    assertThat(r.points()).hasSize(493 - 7);
    assertThat(r.problems())
        .hasSize(7)
        .allSatisfy(p -> assertThat(p.message()).contains("'Latency (s)'"));
    BenchmarkPoint first = r.points().get(0);
    assertThat(first.labels())
        .containsEntry("public_id", "v6.0-0001")
        .containsEntry("round", "6.0");
    assertThat(first.provenance().formatVersion()).isEqualTo("6.0");
    assertThat(first.provenance().location()).isEqualTo("row 1");
    assertThat(first.model().raw()).isEqualTo("llama2-70b-99");
    assertThat(first.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1042110.0);
    assertThat(first.deployment().acceleratorCount()).isEqualTo(87); // irregular: not 11 × 8
    assertThat(first.deployment().nodes()).isEqualTo(11);
    assertThat(first.labels()).containsEntry("accelerators_per_node", "8");
  }

  @Test
  void sniffingPicksThisReaderForEveryExportAndNoneForTheTokenLengthSummaries() {
    for (String v : new String[] {"5.0", "5.1", "6.0"}) {
      LoadResult r =
          ReaderTesting.sniffed(Fixtures.require("perfdash/mlperf-data/mlperf-" + v + ".csv"));
      assertThat(r.points()).isNotEmpty().allMatch(p -> p.provenance().format().equals("mlperf"));
    }
    // Token-length lists (one row per dataset sample), not benchmark results.
    LoadResult s = ReaderTesting.sniffed(Fixtures.require("perfdash/mlperf-data/summaries"));
    assertThat(s.points()).isEmpty();
    assertThat(s.problems()).hasSize(5).allMatch(p -> p.message().contains("not a recognised"));
  }

  // ---- our own inputs ----

  @Test
  void readsOwnPivotBlocksAndReportsBadCellsMissingResultRowsAndRaggedRows() {
    LoadResult r = load(reader, resource("mlperf/pivot.csv"));

    assertThat(r.points())
        .extracting(
            p -> p.labels().get("public_id") + " " + p.model().raw() + " " + p.workload().dataset())
        .containsExactly(
            "9.9-0001 llama2-70b-99 Offline",
            "9.9-0001 llama2-70b-99 Server",
            "9.9-0001 resnet Offline",
            "9.9-0002 llama2-70b-99 Offline",
            "9.9-0003 llama2-70b-99 Server",
            "9.9-0006 resnet Server");
    assertThat(r.points().get(0).metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(27803.90);
    assertThat(r.points().get(0).labels()).containsEntry("round", "9.9");
    assertThat(r.points().get(1).metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(24593.77);
    assertThat(r.points().get(2).metrics().mean(Metric.REQUEST_RATE)).hasValue(812.5);
    assertThat(r.points().get(2).metrics().has(Metric.OUTPUT_THROUGHPUT)).isFalse();
    assertThat(r.points().get(3).deployment().acceleratorCount()).isEqualTo(16);
    assertThat(r.points().get(3).deployment().nodes()).isEqualTo(2);
    assertThat(r.points().get(3).provenance().location()).isEqualTo("row 8");
    assertThat(r.points().get(4).metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1234.5);
    BenchmarkPoint cpu = r.points().get(5);
    assertThat(cpu.deployment().accelerator()).isNull();
    assertThat(cpu.deployment().acceleratorCount()).isNull();
    assertThat(cpu.metrics().mean(Metric.REQUEST_RATE)).hasValue(5000.0);

    assertThat(r.problems())
        .extracting(p -> p.severity() + " " + p.location())
        .containsExactly("ERROR row 10", "ERROR row 11", "ERROR row 13", "WARNING row 14");
    assertThat(r.problems().get(0).message())
        .contains("llama2-70b-99 Offline (Tokens/s)")
        .contains("'fast'");
    assertThat(r.problems().get(1).message()).contains("9.9-0004").contains("Avg. Result");
    assertThat(r.problems().get(2).message()).contains("12 cells").contains("15");
  }

  @Test
  void readsOwnUtf16FileByItsByteOrderMarkAndTabs() {
    LoadResult r = load(reader, resource("mlperf/flat-utf16.csv"));
    assertOwnFlat(r);
    assertThat(r.problems())
        .extracting(Problem::severity)
        .containsExactly(Problem.Severity.WARNING, Problem.Severity.ERROR, Problem.Severity.ERROR);
  }

  @Test
  void readsTheSameTableAsUtf8AndAsUtf16WithoutBom() throws Exception {
    byte[] utf8 = Files.readAllBytes(resource("mlperf/flat.tsv"));
    assertOwnFlat(load(reader, "flat.tsv", utf8));
    byte[] utf16 = new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
    assertOwnFlat(load(reader, "flat-nobom.csv", utf16));
  }

  private static void assertOwnFlat(LoadResult r) {
    assertThat(r.points()).hasSize(4);
    BenchmarkPoint a = r.points().get(0);
    assertThat(a.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1042110.0);
    assertThat(a.deployment().acceleratorCount()).isEqualTo(87);
    assertThat(a.deployment().accelerator().raw()).isEqualTo("Example X100 80GB (x87)");
    assertThat(a.provenance().formatVersion()).isEqualTo("9.9");
    assertThat(a.labels()).containsEntry("round", "9.9"); // from the Public ID v9.9-…
    assertThat(r.points().get(1).metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1016375.5);
    BenchmarkPoint whisper = r.points().get(2);
    assertThat(whisper.metrics().mean(Metric.REQUEST_RATE)).hasValue(5596.6);
    assertThat(whisper.deployment().acceleratorCount()).isEqualTo(8); // 4 per node × 2 nodes
    BenchmarkPoint cpu = r.points().get(3);
    assertThat(cpu.deployment().accelerator()).isNull();
    assertThat(cpu.provenance().location()).isEqualTo("row 5");
    assertThat(r.problems())
        .extracting(Problem::location)
        .containsExactly("row 4", "row 6", "row 7");
    assertThat(r.problems().get(0).message()).contains("Latency (s)");
    assertThat(r.problems().get(1).message())
        .contains("Avg. Result at System Name")
        .contains("'n/a'");
    assertThat(r.problems().get(2).message()).contains("5 cells");
  }

  @Test
  void aFileInTheWrongCharsetIsReportedAndItsNumbersStillLoad() {
    LoadResult r = load(reader, resource("mlperf/flat-latin1.tsv"));

    assertThat(r.points()).hasSize(4);
    assertThat(r.points().get(0).labels().get("organization")).contains("\uFFFD");
    assertThat(r.problems().get(0).severity()).isEqualTo(Problem.Severity.WARNING);
    assertThat(r.problems().get(0).message()).contains("not valid UTF-8").contains("line 2");
  }

  @Test
  void aTableWithoutAResultColumnIsOneError() {
    String t = "Public ID\tModel MLC\tScenario\tUnits\nv1.0-0001\tm\tOffline\tTokens/s\n";
    LoadResult r = ReaderTesting.forced(reader, "x.csv", t.getBytes(StandardCharsets.UTF_8));

    assertThat(r.points()).isEmpty();
    assertThat(errors(r))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("avg. result"));
  }

  @Test
  void sniffingPicksThisReaderForOwnFiles() {
    for (String f : new String[] {"mlperf/pivot.csv", "mlperf/flat-utf16.csv", "mlperf/flat.tsv"}) {
      LoadResult r = ReaderTesting.sniffed(resource(f));
      assertThat(r.points()).isNotEmpty().allMatch(p -> p.provenance().format().equals("mlperf"));
    }
  }
}
