package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV of any layout, read as its column mapping says, and never otherwise. */
class ColumnMappedReaderTest {

  @TempDir Path dir;

  private static LoadResult load(LoadOptions options, Path path) {
    return Prism.create().withOptions(options).withNormalizer(Normalizer.none()).load(path);
  }

  private static LoadResult load(Path path) {
    return load(LoadOptions.defaults(), path);
  }

  private static double get(BenchmarkPoint p, Metric m, Statistic s) {
    return p.metrics().get(m, s).orElseThrow();
  }

  /** The mapping of the worked example, exactly as docs/mapping.md shows it. */
  private static String documentedMapping() throws Exception {
    String doc =
        Files.readString(Fixtures.repositoryRoot().orElseThrow().resolve("docs/mapping.md"));
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(m.find()).as("a yaml block in docs/mapping.md").isTrue();
    return m.group(1);
  }

  @Test
  void theWorkedExampleReadsThePrismArchiveAsASpreadsheetWithEveryValueInItsUnit()
      throws Exception {
    JsonNode archive =
        new ObjectMapper().readTree(Fixtures.require("prism/archived_drive_data.json").toFile());
    StringBuilder csv =
        new StringBuilder(
            "run_id,model_name,hardware,variant,input_tokens,output_tokens,request_count,"
                + "output_tput,input_tput,request_rate,tpot,latency_mean\n"
                + ",,,,tokens,tokens,count,tokens/s,tokens/s,req/s,ms/token,ms\n");
    for (JsonNode r : archive) {
      csv.append(
          String.join(
              ",",
              r.path("run_id").asText(),
              r.at("/metadata/model_name").asText(),
              r.at("/metadata/hardware").asText(),
              r.at("/metadata/variant").asText(),
              r.at("/workload/input_tokens").asText(),
              r.at("/workload/output_tokens").asText(),
              r.at("/workload/request_count").asText(),
              r.at("/metrics/output_tput").asText(),
              r.at("/metrics/input_tput").asText(),
              r.at("/metrics/request_rate").asText(),
              r.at("/metrics/tpot").asText(),
              r.at("/metrics/latency/mean").asText()));
      csv.append('\n');
    }
    Files.writeString(dir.resolve("archive.csv"), csv);
    Files.writeString(dir.resolve(ColumnMappedReader.BESIDE), documentedMapping());

    LoadResult r = load(dir);

    assertThat(r.problems()).filteredOn(p -> p.severity() != Problem.Severity.INFO).isEmpty();
    assertThat(r.points()).hasSize(63);
    BenchmarkPoint p =
        r.points().stream()
            .filter(
                x ->
                    x.labels()
                        .get("run")
                        .equals(
                            "inference-perf_1758823773-setup_inf_sche_kv_yaml-run_1000_1000_llm-d-0p6b-base"))
            .findFirst()
            .orElseThrow();
    assertThat(p.scenario().model().raw()).isEqualTo("Qwen3-0.6B");
    assertThat(p.scenario().deployment().accelerator().raw()).isEqualTo("H100");
    assertThat(p.scenario().deployment().acceleratorCount()).isNull();
    assertThat(p.scenario().workload().inputLength().mean().orElseThrow())
        .isCloseTo(3209.22, within(0.01));
    assertThat(get(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN)).isCloseTo(6086.64, within(0.01));
    assertThat(get(p, Metric.INPUT_THROUGHPUT, Statistic.MEAN)).isCloseTo(22933.85, within(0.01));
    assertThat(get(p, Metric.REQUEST_RATE, Statistic.MEAN)).isCloseTo(7.146, within(0.001));
    assertThat(get(p, Metric.NTPOT, Statistic.MEAN)).isCloseTo(192.65, within(0.01));
    assertThat(get(p, Metric.E2E_LATENCY, Statistic.MEAN)).isCloseTo(27252.09, within(0.01));
    assertThat(p.metrics().get(Metric.TPOT, Statistic.MEAN)).isEmpty();
    assertThat(p.provenance().format()).isEqualTo("mapped");
    assertThat(p.provenance().location()).startsWith("row ");
  }

  @Test
  void unitsComeFromTheHeaderSuffixAndAreConvertedToCanonicalUnits() throws Exception {
    Files.writeString(
        dir.resolve("summary.csv"),
        "Model,Chips,TTFT p90 (s),TPOT [us/token],Out [tok/s]\nllama-3.1-8b,8,0.25,20500,1200\n");
    Files.writeString(
        dir.resolve("prism-mapping.yaml"),
        "units: suffix\n"
            + "columns: {model: Model, accelerator_count: Chips}\n"
            + "metrics:\n"
            + "  - {column: TTFT p90, metric: ttft, statistic: p90}\n"
            + "  - {column: TPOT, metric: tpot}\n"
            + "  - {column: Out, metric: output_throughput}\n");

    LoadResult r = load(dir);

    BenchmarkPoint p = r.points().get(0);
    assertThat(get(p, Metric.TTFT, Statistic.P90)).isEqualTo(250.0);
    assertThat(get(p, Metric.TPOT, Statistic.MEAN)).isCloseTo(20.5, within(1e-9));
    assertThat(get(p, Metric.OUTPUT_THROUGHPUT, Statistic.MEAN)).isEqualTo(1200.0);
    assertThat(p.scenario().deployment().acceleratorCount()).isEqualTo(8);
  }

  @Test
  void aBadCellIsAProblemAtItsRowAndColumnAndTheOtherRowsStillLoad() throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft\na,10\nb,fast\nc,\nd,-1\ne,30\n");
    Path mapping = dir.resolve("elsewhere.yaml");
    Files.writeString(
        mapping, "columns: {model: model}\nmetrics: [{column: ttft, metric: ttft, unit: ms}]\n");

    LoadResult r = load(LoadOptions.defaults().withMapping(mapping), dir.resolve("runs.csv"));

    assertThat(r.points())
        .extracting(p -> p.scenario().model().raw())
        .containsExactly("a", "c", "e");
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .extracting(Problem::location, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "row 3, column 'ttft'", "'fast' is not a non-negative number; the row is not read"),
            org.assertj.core.groups.Tuple.tuple(
                "row 5, column 'ttft'", "'-1' is not a non-negative number; the row is not read"));
  }

  @Test
  void aMappingGivenAsContentAppliesAsAFileWouldAndIsNamedAsGiven() throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft\na,0.5\nb,fast\n");
    byte[] mapping =
        "columns: {model: model}\nmetrics: [{column: ttft, metric: ttft, unit: s}]\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // a mapping beside the data is overridden, as --mapping overrides it
    Files.writeString(dir.resolve(ColumnMappedReader.BESIDE), "not: [a mapping");

    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withMapping("s3://team/mapping.yaml", mapping)
            .load(dir);

    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(get(p, Metric.TTFT, Statistic.MEAN)).isEqualTo(500.0);
              assertThat(p.provenance().formatVersion()).isEqualTo("s3://team/mapping.yaml");
            });
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .extracting(Problem::location)
        .containsExactly("row 3, column 'ttft'");
  }

  @Test
  void everyMistakeInTheMappingIsAnErrorNamingItsKeyAndNothingIsRead() throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft\na,10\n");
    Files.writeString(
        dir.resolve("prism-mapping.yaml"),
        "colums: {}\n"
            + "columns: {gpu: GPU}\n"
            + "metrics:\n"
            + "  - {column: ttft, metric: ttft}\n"
            + "  - {column: ttft, metric: tpot, unit: tokens/s}\n"
            + "  - {column: ttft, metric: latency, unit: ms}\n"
            + "  - {column: ttft, metric: ttft, statistic: p42, unit: ms}\n");

    LoadResult r = load(dir);

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .filteredOn(p -> p.file().endsWith("prism-mapping.yaml"))
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .extracting(Problem::location)
        .containsExactlyInAnyOrder(
            "colums",
            "columns.gpu",
            "columns.model",
            "metrics[0].unit",
            "metrics[1].unit",
            "metrics[2].metric",
            "metrics[3].statistic");
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              assertThat(p.file()).endsWith("runs.csv");
              assertThat(p.message()).contains("its column mapping").contains("has errors");
            });
  }

  @Test
  void aUnitRowThatDoesNotFitTheMetricStopsTheFileAndSaysWhere() throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft\n,tokens/s\na,10\n");
    Files.writeString(
        dir.resolve("prism-mapping.yaml"),
        "units: row\ncolumns: {model: model}\nmetrics: [{column: ttft, metric: ttft}]\n");

    LoadResult r = load(dir);

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .filteredOn(p -> p.file().endsWith("runs.csv"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("row 2");
              assertThat(p.message()).contains("'tokens/s' is not a unit of ttft");
            });
  }

  @Test
  void withoutAMappingACsvIsSniffedAsBefore() throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft\na,10\n");

    LoadResult r = load(dir);

    assertThat(r.points()).isEmpty();
    assertThat(r.problems()).extracting(Problem::message).allMatch(m -> !m.contains("mapping"));
  }

  @Test
  void aGivenMappingLeavesOtherFormatsToTheirReaders() throws Exception {
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(
        mapping, "columns: {model: model}\nmetrics: [{column: x, metric: ttft, unit: ms}]\n");
    Files.writeString(dir.resolve("a.csv"), "model,x\nm1,5\n");
    Files.writeString(dir.resolve("notes.txt"), "hello");

    LoadResult r = load(LoadOptions.defaults().withMapping(mapping), dir);

    assertThat(r.points()).hasSize(1);
    assertThat(r.problems())
        .filteredOn(p -> p.file().endsWith("notes.txt"))
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.INFO));
    assertThat(List.of(get(r.points().get(0), Metric.TTFT, Statistic.MEAN))).containsExactly(5.0);
  }
}
