package ai.llmd.prism.spark;

import ai.llmd.prism.api.Direction;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Pareto;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Exact Pareto frontiers over a DataFrame of {@link PrismSchema#points()} rows, computed where the
 * rows are: each partition keeps its own frontier, then one task (or one per group) takes the
 * frontier of their union. That is exact, not an approximation: a point dominated within its
 * partition is dominated in the whole, and every point of the whole frontier survives its
 * partition. Dominance, ties and the treatment of a point lacking a measure (left out) are those of
 * the single-machine {@link Pareto}, whose core decides both steps.
 *
 * <p>Measures are written as everywhere in Prism: {@code output_throughput/chip}, {@code
 * tpot.mean}, {@code ttft.p90}; a per-chip, per-replica or per-node measure divides by the {@code
 * accelerator_count}, {@code replicas} or {@code nodes} column, as {@code Views} does. The result
 * has the input's schema and its rows in no particular order.
 */
public final class DistributedPareto {

  private DistributedPareto() {}

  /** The rows of {@code points} on the frontier over {@code measures} (two or more). */
  public static Dataset<Row> frontier(Dataset<Row> points, String... measures) {
    Step step = step(points.schema(), List.of(), measures);
    return points
        .mapPartitions(step, Encoders.row(points.schema()))
        .repartition(1)
        .mapPartitions(step, Encoders.row(points.schema()));
  }

  /**
   * One frontier per group of equal values in {@code groupBy} columns (e.g. {@code accelerator},
   * {@code architecture}); a null value forms a group of its own, as in {@link Pareto#frontiers}.
   */
  public static Dataset<Row> frontiers(
      Dataset<Row> points, List<String> groupBy, String... measures) {
    if (groupBy.isEmpty()) {
      return frontier(points, measures);
    }
    Step step = step(points.schema(), groupBy, measures);
    Column[] keys = groupBy.stream().map(functions::col).toArray(Column[]::new);
    return points
        .mapPartitions(step, Encoders.row(points.schema()))
        .repartition(keys)
        .mapPartitions(step, Encoders.row(points.schema()));
  }

  private static Step step(StructType schema, List<String> groupBy, String... texts) {
    if (texts.length < 2) {
      throw new IllegalArgumentException("a Pareto frontier needs two or more measures");
    }
    Set<String> columns = Set.of(schema.fieldNames());
    List<Objective> objectives = new ArrayList<>();
    for (String text : texts) {
      Measure m = Measure.parse(text);
      if (m.direction() == Direction.NEUTRAL) {
        throw new IllegalArgumentException(
            m.metric().key() + " has no better direction (NEUTRAL), so it cannot be optimised");
      }
      String divisor =
          m.basis() == Views.Basis.TOTAL || !m.metric().scalesWithAccelerators()
              ? null
              : switch (m.basis()) {
                case ACCELERATOR -> "accelerator_count";
                case REPLICA -> "replicas";
                case NODE -> "nodes";
                case TOTAL -> throw new AssertionError();
              };
      for (String c :
          divisor == null ? List.of(m.metric().key()) : List.of(m.metric().key(), divisor)) {
        if (!columns.contains(c)) {
          throw new IllegalArgumentException(
              "measure '" + text + "' needs the column '" + c + "', which these rows lack");
        }
      }
      objectives.add(new Objective(m.metric().key(), m.statistic().key(), divisor, m.direction()));
    }
    for (String g : groupBy) {
      if (!columns.contains(g)) {
        throw new IllegalArgumentException("no column '" + g + "' to group by");
      }
    }
    return new Step(List.copyOf(objectives), List.copyOf(groupBy));
  }

  /** One measure, read from a row: a statistic of a metric column, divided by a count column. */
  private record Objective(String metric, String statistic, String divisor, Direction direction)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The value, or null when the row lacks it (such rows are left out, as single-machine). */
    Double valueOf(Row row) {
      Row m = row.getAs(metric);
      if (m == null) {
        return null;
      }
      Double v = m.getAs(statistic);
      if (v == null || divisor == null) {
        return v;
      }
      Integer d = row.getAs(divisor);
      return d == null ? null : v / d;
    }
  }

  /** Keeps the frontier of each group among the rows it is given. */
  private record Step(List<Objective> objectives, List<String> groupBy)
      implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Map<List<Object>, Group> groups = new LinkedHashMap<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        double[] values = new double[objectives.size()];
        boolean complete = true;
        for (int k = 0; k < values.length && complete; k++) {
          Double v = objectives.get(k).valueOf(r);
          complete = v != null;
          values[k] = complete ? v : 0;
        }
        if (complete) {
          List<Object> key = new ArrayList<>(groupBy.size());
          for (String g : groupBy) {
            key.add(r.getAs(g));
          }
          groups.computeIfAbsent(key, k -> new Group()).add(r, values);
        }
      }
      Direction[] directions =
          objectives.stream().map(Objective::direction).toArray(Direction[]::new);
      List<Row> out = new ArrayList<>();
      for (Group g : groups.values()) {
        if (g.rows.size() == 1) {
          out.add(g.rows.get(0));
          continue;
        }
        double[][] columns = new double[objectives.size()][g.rows.size()];
        for (int i = 0; i < g.rows.size(); i++) {
          for (int k = 0; k < columns.length; k++) {
            columns[k][i] = g.values.get(i)[k];
          }
        }
        for (int i : Pareto.frontierIndices(columns, directions)) {
          out.add(g.rows.get(i));
        }
      }
      return out.iterator();
    }
  }

  /** The rows of one group in a partition, with their measure values. */
  private static final class Group {
    final List<Row> rows = new ArrayList<>();
    final List<double[]> values = new ArrayList<>();

    void add(Row r, double[] v) {
      rows.add(r);
      values.add(Arrays.copyOf(v, v.length));
    }
  }
}
