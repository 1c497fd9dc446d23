package ai.llmd.prism.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.fixtures.Fixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The distributed frontier is the single-machine one: same points, ties and exclusions, whatever
 * the partitioning.
 */
class DistributedParetoProperties {

  private static final String[] ACCELERATORS = {"H100", "H200", null};
  private static final CostEstimator COSTS = CostEstimator.of(PricingCatalog.builtIn());

  private final SparkSession spark = LocalSpark.get();

  /** Points with few distinct values (ties and duplicates are common), some lacking a measure. */
  private static List<BenchmarkPoint> points(long seed, int n, int distinct) {
    Random r = new Random(seed);
    List<BenchmarkPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String acc = ACCELERATORS[r.nextInt(ACCELERATORS.length)];
      Integer chips = r.nextInt(5) == 0 ? null : 1 + r.nextInt(4);
      Metrics.Builder m = Metrics.builder();
      m.put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, 100.0 * (1 + r.nextInt(distinct))));
      m.put(MetricValue.measured(Metric.TPOT, 5.0 + r.nextInt(distinct)));
      if (r.nextInt(4) != 0) {
        m.put(
            MetricValue.measured(
                Metric.TTFT,
                Distribution.builder()
                    .put(Statistic.MEAN, 50.0 + r.nextInt(distinct))
                    .put(Statistic.P90, 80.0 + r.nextInt(distinct))
                    .build()));
      }
      Deployment d =
          new Deployment(
              acc == null ? null : AcceleratorRef.unresolved(acc),
              chips,
              "vLLM",
              null,
              null,
              List.of(),
              List.of(),
              null);
      out.add(
          new BenchmarkPoint(
              new Scenario(ModelRef.unresolved("m"), d, Workload.unknown()),
              m.build(),
              new Provenance(URI.create("file:///generated.json"), "generated", null, "row " + i)));
    }
    return out;
  }

  /**
   * The points as rows in {@code partitions} partitions, cut to the columns a frontier reads (the
   * full schema works alike; it only makes each try slower).
   */
  private Dataset<Row> frame(List<BenchmarkPoint> points, int partitions) {
    List<Row> rows =
        points.stream()
            .map(
                p ->
                    Cells.row(PrismSchema.values(p, "generated.json", COSTS), PrismSchema.points()))
            .toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark
        .createDataFrame(jsc.parallelize(rows, partitions), PrismSchema.points())
        .select(
            "location",
            "accelerator",
            "accelerator_count",
            "output_throughput",
            "tpot",
            "ttft",
            "duration");
  }

  private static Set<String> locations(Dataset<Row> rows) {
    return rows.select("location").collectAsList().stream()
        .map(r -> r.getString(0))
        .collect(Collectors.toSet());
  }

  private static Set<String> locations(ParetoResult r) {
    return r.frontierPoints().stream()
        .map(p -> p.provenance().location())
        .collect(Collectors.toSet());
  }

  private static Measure[] parsed(String... measures) {
    return Arrays.stream(measures).map(Measure::parse).toArray(Measure[]::new);
  }

  @Property(tries = 12)
  void theFrontierOfPartitionFrontiersIsTheSingleMachineFrontier(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 120) int n,
      @ForAll @IntRange(min = 1, max = 6) int distinct,
      @ForAll @IntRange(min = 1, max = 5) int partitions,
      @ForAll boolean threeMeasures) {
    List<BenchmarkPoint> points = points(seed, n, distinct);
    String[] measures =
        threeMeasures
            ? new String[] {"output_throughput/chip", "tpot.mean", "ttft.p90"}
            : new String[] {"output_throughput/chip", "tpot.mean"};

    Set<String> distributed =
        locations(DistributedPareto.frontier(frame(points, partitions), measures));

    assertThat(distributed).isEqualTo(locations(Pareto.frontier(points, parsed(measures))));
  }

  @Property(tries = 10)
  void groupedFrontiersAreTheSingleMachineGroupedFrontiers(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 120) int n,
      @ForAll @IntRange(min = 1, max = 6) int distinct,
      @ForAll @IntRange(min = 1, max = 5) int partitions) {
    List<BenchmarkPoint> points = points(seed, n, distinct);
    String[] measures = {"output_throughput/chip", "ttft.p90"};

    Set<String> distributed =
        locations(
            DistributedPareto.frontiers(
                frame(points, partitions), List.of("accelerator"), measures));

    Map<String, ParetoResult> single =
        Pareto.frontiers(
            points,
            p -> p.deployment().accelerator() == null ? null : p.deployment().accelerator().name(),
            parsed(measures));
    Set<String> expected = new HashSet<>();
    single.values().forEach(r -> expected.addAll(locations(r)));
    assertThat(distributed).isEqualTo(expected);
  }

  @Example
  void onTheExamplesTheDistributedFrontierIsTheLibrarysFrontier() {
    String llmd = Fixtures.repositoryRoot().orElseThrow().resolve("examples/llm-d").toString();
    List<BenchmarkPoint> points = Prism.create().load(llmd).points();
    Dataset<Row> df = spark.read().format("prism").option("filesPerPartition", "2").load(llmd);

    Set<String> distributed =
        DistributedPareto.frontier(df, "output_throughput/chip", "tpot.mean")
            .select("source", "location")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + "#" + r.getString(1))
            .collect(Collectors.toSet());
    Set<String> single =
        Pareto.frontier(points, parsed("output_throughput/chip", "tpot.mean"))
            .frontierPoints()
            .stream()
            .map(p -> p.provenance().source() + "#" + p.provenance().location())
            .collect(Collectors.toSet());

    assertThat(single).isNotEmpty().hasSizeLessThan(points.size());
    assertThat(distributed).isEqualTo(single);
  }

  @Example
  void aMeasureWithoutDirectionOrColumnIsRefused() {
    Dataset<Row> df = frame(points(1, 3, 2), 1);

    assertThatThrownBy(() -> DistributedPareto.frontier(df, "duration", "tpot.mean"))
        .hasMessageContaining("duration has no better direction");
    assertThatThrownBy(
            () ->
                DistributedPareto.frontier(
                    df.drop("accelerator_count"), "output_throughput/chip", "tpot.mean"))
        .hasMessageContaining("needs the column 'accelerator_count'");
    assertThatThrownBy(
            () -> DistributedPareto.frontiers(df, List.of("gpu"), "ttft.p90", "tpot.mean"))
        .hasMessageContaining("no column 'gpu' to group by");
  }
}
