package ai.llmd.prism.spark;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The two stable schemas of the {@code prism} data source: one row per benchmark point ({@link
 * #points()}) and one row per problem ({@link #problems()}). Columns are only ever added.
 *
 * <p>Every metric is one struct column named by its key ({@code ttft}, {@code output_throughput},
 * …) with one nullable double per statistic ({@code ttft.p90}) in the metric's canonical unit
 * (recorded in the column's {@code unit} metadata and comment), and {@code derivation}: null when
 * measured, else the rule that computed it. A statistic the source did not report is null, never 0.
 * The {@code cost_<pricing model>} columns hold the cost per million tokens: the source's own when
 * it stated one, else an estimate from the built-in pricing catalog ({@code estimated} true), else
 * nulls and {@code no_price_reason}. See docs/spark.md for every column.
 */
public final class PrismSchema {

  private static final StructType DISTRIBUTION = distribution(false);
  private static final StructType ROLE =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("replicas", DataTypes.IntegerType, false)
          .add("tp", DataTypes.IntegerType)
          .add("dp", DataTypes.IntegerType)
          .add("pp", DataTypes.IntegerType)
          .add("ep", DataTypes.IntegerType)
          .add("accelerators_per_replica", DataTypes.IntegerType);
  private static final StructType STATED_COST =
      new StructType()
          .add("pricing_model", DataTypes.StringType, false)
          .add("usd_per_million_output_tokens", DataTypes.DoubleType)
          .add("usd_per_million_input_tokens", DataTypes.DoubleType)
          .add("estimated", DataTypes.BooleanType, false)
          .add("basis", DataTypes.StringType, false);
  private static final StructType COST =
      new StructType()
          .add("usd_per_million_output_tokens", DataTypes.DoubleType)
          .add("usd_per_million_input_tokens", DataTypes.DoubleType)
          .add("usd_per_million_total_tokens", DataTypes.DoubleType)
          .add("estimated", DataTypes.BooleanType)
          .add("basis", DataTypes.StringType)
          .add("no_price_reason", DataTypes.StringType);

  private static final StructType POINTS = buildPoints();
  private static final StructType PROBLEMS =
      new StructType()
          .add("severity", DataTypes.StringType, false)
          .add("file", DataTypes.StringType, false)
          .add("location", DataTypes.StringType, false)
          .add("message", DataTypes.StringType, false);

  private PrismSchema() {}

  /** One row per benchmark point. */
  public static StructType points() {
    return POINTS;
  }

  /** One row per problem: {@code severity} (error, warning, info), file, location, message. */
  public static StructType problems() {
    return PROBLEMS;
  }

  /** The column holding {@code pricing}'s costs: {@code cost_on_demand}, {@code cost_cud_1y}… */
  public static String costColumn(PricingModel pricing) {
    return "cost_" + pricing.key().replace('-', '_');
  }

  private static StructType buildPoints() {
    StructType s =
        new StructType()
            .add("model_id", DataTypes.StringType, false)
            .add("model_raw", DataTypes.StringType, false)
            .add("model_family", DataTypes.StringType)
            .add("precision", DataTypes.StringType)
            .add("total_params_billions", DataTypes.DoubleType)
            .add("active_params_billions", DataTypes.DoubleType)
            .add("model_resolved", DataTypes.BooleanType, false)
            .add("accelerator", DataTypes.StringType)
            .add("accelerator_raw", DataTypes.StringType)
            .add("accelerator_vendor", DataTypes.StringType)
            .add("accelerator_memory_gib", DataTypes.DoubleType)
            .add("accelerator_count", DataTypes.IntegerType)
            .add("replicas", DataTypes.IntegerType)
            .add("nodes", DataTypes.IntegerType)
            .add("engine", DataTypes.StringType)
            .add("engine_version", DataTypes.StringType)
            .add("serving_stack", DataTypes.StringType)
            .add("components", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("architecture", DataTypes.StringType)
            .add("pd_ratio", DataTypes.StringType)
            .add("roles", DataTypes.createArrayType(ROLE, false), false)
            .add("isl", DataTypes.DoubleType)
            .add("osl", DataTypes.DoubleType)
            .add("input_length", DISTRIBUTION)
            .add("output_length", DISTRIBUTION)
            .add("dataset", DataTypes.StringType)
            .add("harness", DataTypes.StringType)
            .add("harness_version", DataTypes.StringType)
            .add("concurrency", DataTypes.DoubleType)
            .add("request_rate_target", DataTypes.DoubleType)
            .add("stage", DataTypes.IntegerType);
    for (Metric m : Metric.values()) {
      Metadata unit = new MetadataBuilder().putString("unit", m.unit().symbol()).build();
      s =
          s.add(
              new StructField(m.key(), distribution(true), true, unit)
                  .withComment(m.unit().symbol()));
    }
    s = s.add("costs", DataTypes.createArrayType(STATED_COST, false), false);
    for (PricingModel pm : PricingModel.values()) {
      s = s.add(costColumn(pm), COST, false);
    }
    return s.add(
            "labels",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false),
            false)
        .add("source", DataTypes.StringType, false)
        .add("format", DataTypes.StringType, false)
        .add("format_version", DataTypes.StringType)
        .add("location", DataTypes.StringType, false)
        .add("file", DataTypes.StringType, false);
  }

  private static StructType distribution(boolean withDerivation) {
    StructType s = new StructType();
    for (Statistic st : Statistic.values()) {
      s = s.add(st.key(), DataTypes.DoubleType);
    }
    return withDerivation ? s.add("derivation", DataTypes.StringType) : s;
  }

  /**
   * A point's cells in {@link #points()} order, as plain Java values: String, Integer, Double,
   * Boolean, {@code List} for arrays and structs (fields in order), {@code Map} for labels.
   */
  static List<Object> values(BenchmarkPoint p, String file, CostEstimator costs) {
    Deployment d = p.deployment();
    Workload w = p.workload();
    List<Object> row = new ArrayList<>(POINTS.size());
    row.add(p.model().id());
    row.add(p.model().raw());
    row.add(p.model().family());
    row.add(p.model().precision());
    row.add(p.model().totalParamsBillions());
    row.add(p.model().activeParamsBillions());
    row.add(p.model().resolved());
    row.add(d.accelerator() == null ? null : d.accelerator().name());
    row.add(d.accelerator() == null ? null : d.accelerator().raw());
    row.add(d.accelerator() == null ? null : d.accelerator().vendor());
    row.add(d.accelerator() == null ? null : d.accelerator().memoryGiB());
    row.add(boxed(Views.accelerators(d)));
    row.add(boxed(Views.divisor(d, Views.Basis.REPLICA)));
    row.add(d.nodes());
    row.add(d.engine());
    row.add(d.engineVersion());
    row.add(d.servingStack());
    row.add(List.copyOf(d.components()));
    row.add(
        d.architecture() == Architecture.UNKNOWN
            ? null
            : d.architecture().name().toLowerCase(Locale.ROOT));
    row.add(d.pdRatio());
    List<Object> roles = new ArrayList<>();
    for (Role r : d.roles()) {
      roles.add(
          Arrays.asList(
              r.kind().name().toLowerCase(Locale.ROOT),
              r.replicas(),
              r.tp(),
              r.dp(),
              r.pp(),
              r.ep(),
              r.acceleratorsPerReplica()));
    }
    row.add(roles);
    row.add(mean(w.inputLength()));
    row.add(mean(w.outputLength()));
    row.add(w.inputLength() == null ? null : statistics(w.inputLength()));
    row.add(w.outputLength() == null ? null : statistics(w.outputLength()));
    row.add(w.dataset());
    row.add(w.harness());
    row.add(w.harnessVersion());
    row.add(w.concurrency());
    row.add(w.targetRequestRate());
    row.add(w.stage());
    for (Metric m : Metric.values()) {
      Optional<MetricValue> v = p.metrics().get(m);
      if (v.isEmpty()) {
        row.add(null);
      } else {
        List<Object> cells = statistics(v.get().distribution());
        cells.add(v.get().derivation());
        row.add(cells);
      }
    }
    List<Object> stated = new ArrayList<>();
    for (Cost c : p.costs()) {
      stated.add(
          Arrays.asList(
              c.pricingModel().key(),
              c.perMillionOutputTokens(),
              c.perMillionInputTokens(),
              c.estimated(),
              c.basis()));
    }
    row.add(stated);
    for (PricingModel pm : PricingModel.values()) {
      row.add(cost(p, pm, costs));
    }
    row.add(new TreeMap<>(p.labels()));
    row.add(p.provenance().source().toString());
    row.add(p.provenance().format());
    row.add(p.provenance().formatVersion());
    row.add(p.provenance().location());
    row.add(file);
    return row;
  }

  /** A problem's cells in {@link #problems()} order. */
  static List<Object> values(Problem p) {
    return List.of(
        p.severity().name().toLowerCase(Locale.ROOT), p.file(), p.location(), p.message());
  }

  private static List<Object> cost(BenchmarkPoint p, PricingModel pm, CostEstimator costs) {
    Optional<CostEstimate> e = costs.estimate(p, pm);
    if (e.isEmpty()) {
      String why = costs.whyNoPrice(p, pm).orElse("no price");
      return Arrays.asList(null, null, null, null, null, why);
    }
    CostEstimate c = e.get();
    return Arrays.asList(
        c.perMillionOutputTokens(),
        c.perMillionInputTokens(),
        c.perMillionTotalTokens(),
        c.estimated(),
        c.basis(),
        null);
  }

  private static List<Object> statistics(Distribution d) {
    List<Object> cells = new ArrayList<>(Statistic.values().length + 1);
    for (Statistic s : Statistic.values()) {
      cells.add(d.has(s) ? d.get(s).getAsDouble() : null);
    }
    return cells;
  }

  private static Double mean(Distribution d) {
    return d == null || d.mean().isEmpty() ? null : d.mean().getAsDouble();
  }

  private static Integer boxed(OptionalInt v) {
    return v.isPresent() ? v.getAsInt() : null;
  }
}
