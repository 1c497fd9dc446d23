package ai.llmd.prism.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismDataSourceTest {

  private final SparkSession spark = LocalSpark.get();

  private static Path examples() {
    return Fixtures.repositoryRoot().orElseThrow().resolve("examples");
  }

  /** What Prism.load gives for {@code label}, as rows of the data source's schema. */
  private static List<List<Object>> singleMachine(String label) {
    return singleMachine(label, Prism.create());
  }

  private static List<List<Object>> singleMachine(String label, Prism prism) {
    LoadResult r = prism.load(label);
    CostEstimator costs = CostEstimator.of(PricingCatalog.builtIn());
    // provenance names the real file, as the walk of a linked directory does
    Path root;
    try {
      root = Path.of(label).toRealPath();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (BenchmarkPoint p : r.points()) {
      Path file = Path.of(p.provenance().source());
      String name =
          Files.isDirectory(root)
              ? (label.endsWith("/") ? label : label + "/") + root.relativize(file)
              : label;
      rows.add(PrismSchema.values(p, name, costs));
    }
    return rows;
  }

  private List<List<Object>> viaSpark(Dataset<Row> df) {
    return df.collectAsList().stream().map(Cells::of).toList();
  }

  @Test
  void everyExampleRowEqualsTheSingleMachineLoadInOrder() {
    String label = examples().toString();
    List<List<Object>> expected = singleMachine(label);
    // one file per task: the rows cross partitions and still come back in load order
    Dataset<Row> df = spark.read().format("prism").option("filesPerPartition", "1").load(label);

    assertThat(df.rdd().getNumPartitions()).isGreaterThan(10);
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(viaSpark(df)).containsExactlyElementsOf(expected);
  }

  @Test
  void everyFixtureRowEqualsTheSingleMachineLoadInOrder() {
    Path fixtures = Fixtures.require(".");
    String label = fixtures.toString();
    List<List<Object>> expected = singleMachine(label);
    Dataset<Row> df = spark.read().format("prism").option("filesPerPartition", "3").load(label);

    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(viaSpark(df)).containsExactlyElementsOf(expected);
  }

  @Test
  void problemsAreRowsTooAndNoneOfTheSingleMachineLoadsIsMissing() {
    Path fixtures = Fixtures.require(".");
    String label = fixtures.toString();
    List<List<Object>> expected =
        Prism.create().load(label).problems().stream().map(PrismSchema::values).toList();
    List<List<Object>> problems =
        viaSpark(spark.read().format("prism").option("problems", "only").load(label));

    assertThat(expected).isNotEmpty();
    assertThat(problems).containsAll(expected);
    // per file, a name the registries lack is reported at each file that has it, not just the
    // first: the only rows beyond the single-machine load's
    List<List<Object>> extra = new ArrayList<>(problems);
    expected.forEach(extra::remove);
    assertThat(extra).allSatisfy(p -> assertThat((String) p.get(3)).contains("is not in the"));
  }

  @Test
  void aColumnMappingIsReadOnTheDriverAndAppliedOnEveryExecutorAsOnOneMachine(@TempDir Path dir)
      throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("a.csv"), "model,ttft\na,10\nb,fast\nc,\nd,-1\ne,30\n");
    Files.writeString(data.resolve("b.csv"), "model,ttft\nf,11.5\n");
    Path mapping =
        Files.writeString(
            dir.resolve("team-mapping.yaml"),
            "columns: {model: model}\nmetrics: [{column: ttft, metric: ttft, unit: s}]\n");
    String label = data.toString();
    Prism mapped = Prism.create().withOptions(LoadOptions.defaults().withMapping(mapping));
    List<List<Object>> expected = singleMachine(label, mapped);
    List<List<Object>> expectedProblems =
        mapped.load(label).problems().stream().map(PrismSchema::values).toList();

    Dataset<Row> df =
        spark
            .read()
            .format("prism")
            .option("mapping", mapping.toString())
            .option("filesPerPartition", "1")
            .load(label);
    List<List<Object>> problems =
        viaSpark(
            spark
                .read()
                .format("prism")
                .option("mapping", mapping.toString())
                .option("problems", "only")
                .load(label));

    // a, c, e and f: seconds converted to milliseconds, the mapping named in provenance
    assertThat(expected).hasSize(4);
    assertThat(viaSpark(df)).containsExactlyElementsOf(expected);
    assertThat(problems).containsExactlyElementsOf(expectedProblems);
    assertThat(problems).filteredOn(p -> p.get(0).equals("error")).hasSize(2);
  }

  @Test
  void aMappingThatCannotBeReadOrHasMistakesIsRefusedNamingTheOptionAndTheKey(@TempDir Path dir)
      throws Exception {
    String label = Files.writeString(dir.resolve("a.csv"), "model,ttft\na,10\n").toString();
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"), "columns: {model: model}\nmetrics: [{column: ttft}]\n");

    assertThatThrownBy(
            () -> spark.read().format("prism").option("mapping", bad.toString()).load(label))
        .hasMessageStartingWith("option 'mapping': ")
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("metrics");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("prism")
                    .option("mapping", dir.resolve("none.yaml").toString())
                    .load(label))
        .hasMessageContaining(
            "option 'mapping': " + dir.resolve("none.yaml") + " could not be read");
  }

  @Test
  void aMissingPathIsAProblemAndTheOtherPathStillLoads() {
    String missing = examples().resolve("no-such-dir").toString();
    String giq = examples().resolve("giq").toString();

    List<List<Object>> problems =
        viaSpark(spark.read().format("prism").option("problems", "only").load(missing, giq));
    long points = spark.read().format("prism").load(missing, giq).count();

    assertThat(problems).contains(List.of("error", missing, "", "no such file or directory"));
    assertThat(points).isEqualTo(singleMachine(giq).size()).isPositive();
  }

  @Test
  void anUnrecognisedFileNamedExplicitlyIsAnErrorFoundInADirectoryAnInfo(@TempDir Path dir)
      throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "not a benchmark");

    List<List<Object>> named =
        viaSpark(spark.read().format("prism").option("problems", "only").load(notes.toString()));
    List<List<Object>> walked =
        viaSpark(spark.read().format("prism").option("problems", "only").load(dir.toString()));

    assertThat(named).singleElement().satisfies(p -> assertThat(p.get(0)).isEqualTo("error"));
    assertThat(walked).singleElement().satisfies(p -> assertThat(p.get(0)).isEqualTo("info"));
    assertThat(walked.get(0).get(1)).isEqualTo(dir + "/notes.txt");
  }

  @Test
  void theFormatOptionForcesAReaderAndAnUnknownOneIsRefusedNamingTheInstalledOnes() {
    String giq = examples().resolve("giq").toString();

    long forced = spark.read().format("prism").option("format", "giq").load(giq).count();

    assertThat(forced).isEqualTo(singleMachine(giq).size());
    assertThatThrownBy(() -> spark.read().format("prism").option("format", "nope").load(giq))
        .hasMessageContaining("option 'format': no reader 'nope'; installed:")
        .hasMessageContaining("giq");
    assertThatThrownBy(() -> spark.read().format("prism").option("maxFileBytes", "lots").load(giq))
        .hasMessageContaining("option 'maxFileBytes': a positive whole number, not 'lots'");
  }

  @Test
  void aFileOverTheSizeLimitIsAProblemNotAFailedJob() {
    String giq = examples().resolve("giq").toString();

    Dataset<Row> problems =
        spark
            .read()
            .format("prism")
            .option("maxFileBytes", "100")
            .option("problems", "only")
            .load(giq);

    assertThat(viaSpark(problems))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get(0)).isEqualTo("error");
              assertThat((String) p.get(3)).contains("over the limit of 100 bytes");
            });
  }

  @Test
  void metricsAreStructsOfStatisticsInTheirCanonicalUnitQueryableBySql() {
    String llmd = examples().resolve("llm-d").toString();
    LoadResult single = Prism.create().load(llmd);
    BenchmarkPoint first = single.points().get(0);
    spark.read().format("prism").load(llmd).createOrReplaceTempView("points");

    Row row =
        spark
            .sql(
                "SELECT ttft.p90, ttft.mean, output_throughput.mean / accelerator_count,"
                    + " ntpot.derivation, model_id, accelerator, source FROM points LIMIT 1")
            .first();

    assertThat(row.getDouble(0))
        .isEqualTo(first.metrics().get(Metric.TTFT, Statistic.P90).getAsDouble());
    assertThat(row.getDouble(1))
        .isEqualTo(first.metrics().get(Metric.TTFT, Statistic.MEAN).getAsDouble());
    assertThat(row.getString(4)).isEqualTo(first.model().id());
    assertThat(row.getString(5)).isEqualTo(first.deployment().accelerator().name());
    assertThat(URI.create(row.getString(6))).isEqualTo(first.provenance().source());
    assertThat(PrismSchema.points().apply("ttft").metadata().getString("unit")).isEqualTo("ms");
    assertThat(PrismSchema.points().apply("output_throughput").metadata().getString("unit"))
        .isEqualTo("tokens/s");
  }

  @Test
  void costsStatedByTheSourceWinAndAMissingPriceSaysWhy() {
    String giq = examples().resolve("giq").toString();
    List<Row> rows =
        spark
            .read()
            .format("prism")
            .load(giq)
            .select("costs", "cost_spot", "cost_cud_3y")
            .collectAsList();

    assertThat(rows).isNotEmpty();
    Row withStated = rows.stream().filter(r -> r.getSeq(0).nonEmpty()).findFirst().orElseThrow();
    Row stated = (Row) withStated.getSeq(0).head();
    Row spot = withStated.getStruct(1);
    if (stated.getString(0).equals("spot")) {
      assertThat(spot.getAs("estimated").equals(Boolean.FALSE)).isTrue();
      assertThat((Double) spot.getAs("usd_per_million_output_tokens"))
          .isEqualTo(stated.getAs("usd_per_million_output_tokens"));
    }
    for (Row r : rows) {
      Row cud = r.getStruct(2);
      boolean priced = cud.getAs("usd_per_million_output_tokens") != null;
      assertThat(priced || cud.getAs("no_price_reason") != null).isTrue();
    }
  }

  @Test
  void runsUnderSparksJacksonNotTheCorePin() {
    ObjectMapper mapper = new ObjectMapper();

    // Spark's Scala module refuses a databind of another minor version: this is Spark's Jackson
    mapper.registerModule(com.fasterxml.jackson.module.scala.DefaultScalaModule$.MODULE$);

    assertThat(mapper.version().toString()).startsWith("2.21.");
    assertThat(Stream.of(com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString()))
        .allSatisfy(v -> assertThat(v.toLowerCase(Locale.ROOT)).startsWith("2.21."));
  }

  @Test
  void listsFilesLikeADirectoryLoadSkippingDotFiles(@TempDir Path dir) throws Exception {
    Path giq = examples().resolve("giq/benchmarking-data.json");
    Files.createDirectories(dir.resolve(".hidden"));
    Files.copy(giq, dir.resolve(".hidden/benchmarking-data.json"));
    Files.createDirectories(dir.resolve("b"));
    Files.copy(giq, dir.resolve("b/x.json"));
    Files.copy(giq, dir.resolve("a.json"));

    List<Object> files =
        viaSpark(
                spark
                    .read()
                    .format("prism")
                    .load(dir.toString())
                    .select("file")
                    .distinct()
                    .orderBy("file"))
            .stream()
            .map(r -> r.get(0))
            .toList();

    assertThat(files).containsExactly(dir + "/a.json", dir + "/b/x.json");
    assertThat(viaSpark(spark.read().format("prism").load(dir.toString())))
        .containsExactlyElementsOf(singleMachine(dir.toString()));
  }
}
