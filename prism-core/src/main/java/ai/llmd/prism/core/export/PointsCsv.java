package ai.llmd.prism.core.export;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Writes points as one flat CSV row each. Metric columns are named {@code <metric>_<stat>_<unit>}
 * (e.g. {@code ttft_p90_ms}) and exist only for statistics some point has; a cell is empty where
 * that point lacks it. A {@code <metric>_derived} column says which values were computed.
 *
 * <p>A text cell that a spreadsheet would take for a formula (one starting with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading {@code '}, as
 * OWASP advises against CSV injection; numbers are always written as numbers.
 */
public final class PointsCsv {

  private static final CsvMapper CSV = new CsvMapper();

  private static final List<String> FIXED =
      List.of(
          "model_id",
          "model_raw",
          "precision",
          "accelerator",
          "accelerator_count",
          "engine",
          "engine_version",
          "architecture",
          "pd_ratio",
          "isl",
          "osl",
          "concurrency",
          "request_rate_target",
          "harness",
          "stage");

  private PointsCsv() {}

  /** Writes a header and one row per point, in the given order. */
  public static void write(List<BenchmarkPoint> points, Views.Basis basis, OutputStream out)
      throws IOException {
    Map<Metric, Set<Statistic>> present = new EnumMap<>(Metric.class);
    for (BenchmarkPoint p : points) {
      for (MetricValue v : p.metrics().values()) {
        present
            .computeIfAbsent(v.metric(), k -> EnumSet.noneOf(Statistic.class))
            .addAll(v.distribution().statistics());
      }
    }
    List<String> header = new ArrayList<>(FIXED);
    for (Map.Entry<Metric, Set<Statistic>> e : present.entrySet()) {
      for (Statistic s : e.getValue()) {
        header.add(column(e.getKey(), s));
      }
      header.add(e.getKey().key() + "_derived");
    }
    header.addAll(List.of("source", "format", "format_version", "location"));

    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    try (SequenceWriter w = CSV.writer(schema.build()).writeValues(out)) {
      for (BenchmarkPoint p : points) {
        w.write(row(p, basis, present));
      }
    }
  }

  private static List<String> row(
      BenchmarkPoint p, Views.Basis basis, Map<Metric, Set<Statistic>> present) {
    Deployment d = p.deployment();
    List<String> row = new ArrayList<>();
    row.add(text(p.model().id()));
    row.add(text(p.model().raw()));
    row.add(text(p.model().precision()));
    row.add(d.accelerator() == null ? "" : text(d.accelerator().name()));
    OptionalInt n = Views.accelerators(d);
    row.add(n.isPresent() ? Integer.toString(n.getAsInt()) : "");
    row.add(text(d.engine()));
    row.add(text(d.engineVersion()));
    row.add(d.architecture().name().toLowerCase(Locale.ROOT));
    row.add(text(d.pdRatio()));
    row.add(mean(p.workload().inputLength()));
    row.add(mean(p.workload().outputLength()));
    row.add(number(p.workload().concurrency()));
    row.add(number(p.workload().targetRequestRate()));
    row.add(text(p.workload().harness()));
    row.add(p.workload().stage() == null ? "" : p.workload().stage().toString());
    for (Map.Entry<Metric, Set<Statistic>> e : present.entrySet()) {
      Optional<MetricValue> v = Views.value(p, e.getKey(), basis);
      for (Statistic s : e.getValue()) {
        row.add(
            v.isPresent() && v.get().distribution().has(s)
                ? number(v.get().distribution().get(s).getAsDouble())
                : "");
      }
      row.add(v.isEmpty() ? "" : Boolean.toString(v.get().isDerived()));
    }
    row.add(text(p.provenance().source().toString()));
    row.add(text(p.provenance().format()));
    row.add(text(p.provenance().formatVersion()));
    row.add(text(p.provenance().location()));
    return row;
  }

  private static String column(Metric m, Statistic s) {
    String unit =
        m.unit()
            .symbol()
            .replace("/", "_per_")
            .replace("%", "percent")
            .replace(" ", "_")
            .toLowerCase(Locale.ROOT);
    return m.key() + "_" + s.key() + "_" + unit;
  }

  private static String mean(Distribution d) {
    return d == null || d.mean().isEmpty() ? "" : number(d.mean().getAsDouble());
  }

  private static String number(Double v) {
    if (v == null) {
      return "";
    }
    return v.isInfinite() ? "inf" : number(v.doubleValue());
  }

  /** Shortest round-tripping decimal: what Java prints, without a trailing ".0". */
  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** A text cell: empty for none, and never something a spreadsheet would evaluate. */
  private static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return switch (s.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + s;
      default -> s;
    };
  }
}
