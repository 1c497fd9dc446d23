package ai.llmd.prism.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code prism} Spark data source: {@code
 * spark.read.format("prism").load("s3a://bucket/runs/")} reads every benchmark result under any
 * Hadoop file system path into one row per point ({@link PrismSchema#points()}), each file read on
 * an executor by the same readers, normalizer and registries as {@code Prism.load}. With {@code
 * .option("problems", "only")} the rows are the load's problems instead ({@link
 * PrismSchema#problems()}). Options: {@code format} (force a reader), {@code maxFileBytes}, {@code
 * maxPointsPerFile}, {@code filesPerPartition}, {@code provider} and {@code region} (narrow the
 * pricing catalog for the cost columns); any other option is a Hadoop setting for this read.
 */
public final class PrismDataSource implements TableProvider, DataSourceRegister {

  /** Spark instantiates data sources reflectively. */
  public PrismDataSource() {}

  @Override
  public String shortName() {
    return "prism";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return "only".equals(options.get("problems")) ? PrismSchema.problems() : PrismSchema.points();
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new PrismTable(ReadOptions.parse(properties, paths(properties)));
  }

  /**
   * {@code load(path)} arrives as {@code path}; {@code load(a, b)} as a JSON list in {@code paths}.
   */
  private static List<String> paths(Map<String, String> properties) {
    List<String> out = new ArrayList<>();
    properties.forEach(
        (k, v) -> {
          if (k.equalsIgnoreCase("path")) {
            out.add(v);
          }
        });
    properties.forEach(
        (k, v) -> {
          if (k.equalsIgnoreCase("paths")) {
            out.addAll(JsonPaths.parse(v));
          }
        });
    return out;
  }
}
