package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.formats.ColumnMapping.Field;
import ai.llmd.prism.core.formats.ColumnMapping.MetricColumn;
import ai.llmd.prism.core.formats.ColumnMapping.UnitSource;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CSV or TSV whose layout no built-in reader knows, as a column mapping file says ({@code
 * docs/mapping.md}): one point per data row. It is never chosen by sniffing: the load applies it to
 * tabular files when a mapping is given ({@code LoadOptions.withMapping}, {@code --mapping}) or a
 * {@code prism-mapping.yaml} lies beside the file (or one level up, beside a spreadsheet whose tabs
 * are its CSVs).
 */
public final class ColumnMappedReader implements FormatReader {

  /** The reader id, in provenance. */
  public static final String ID = "mapped";

  /** The name of a mapping found beside the data. */
  public static final String BESIDE = "prism-mapping.yaml";

  private static final Pattern SUFFIX =
      Pattern.compile("^(.*?)\\s*[(\\[]([^()\\[\\]]+)[)\\]]\\s*$");

  private final ColumnMapping mapping;
  private final String mappingName;
  private final List<Problem> mappingProblems;

  private ColumnMappedReader(ColumnMapping mapping, String name, List<Problem> problems) {
    this.mapping = mapping;
    this.mappingName = name;
    this.mappingProblems = List.copyOf(problems);
  }

  /**
   * A reader for the mapping {@code content} of file {@code name}, valid or not; {@code null}
   * content is a mapping file that could not be read.
   */
  public static ColumnMappedReader of(String name, byte[] content) {
    List<Problem> problems = new ArrayList<>();
    ColumnMapping m = null;
    if (content == null) {
      problems.add(Problem.error(name, "", "the column mapping could not be read"));
    } else {
      m = ColumnMapping.parse(name, content, problems);
    }
    return new ColumnMappedReader(m, name, problems);
  }

  /** Whether {@code fileName} is one this reader may be applied to (CSV or TSV). */
  public static boolean tabular(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".tsv");
  }

  /** What is wrong with the mapping, each naming its key; empty when it is valid. */
  public List<Problem> mappingProblems() {
    return mappingProblems;
  }

  @Override
  public String toString() {
    return "ColumnMappedReader(" + mappingName + ")";
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "any CSV or TSV, as a column mapping says (--mapping FILE or " + BESIDE + ")";
  }

  @Override
  public Detection detect(Sniff sniff) {
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext context = ReadContext.of(file, sink);
    if (mapping == null) {
      sink.problem(
          Problem.error(
              file.name(), "", "not read: its column mapping " + mappingName + " has errors"));
      return;
    }
    DelimitedText.Decoded d = DelimitedText.decode(file.bytes());
    if (d.warning() != null) {
      sink.problem(Problem.warning(file.name(), "", d.warning()));
    }
    DelimitedText.Records table =
        DelimitedText.records(d.text(), DelimitedText.separator(d.text()));
    List<String[]> rows = table.rows();
    int h = mapping.headerRow - 1;
    if (rows.size() <= h) {
      sink.problem(
          Problem.error(
              file.name(),
              "",
              table.error() != null
                  ? "not valid CSV: " + table.error()
                  : "no header at row " + mapping.headerRow + " (mapping " + mappingName + ")"));
      return;
    }
    Layout layout = layout(file, sink, rows);
    if (layout == null) {
      return;
    }
    int first = mapping.units == UnitSource.ROW ? Math.max(h, mapping.unitsRow - 1) + 1 : h + 1;
    for (int i = first; i < rows.size(); i++) {
      String[] r = rows.get(i);
      if (r.length == 0 || blank(r)) {
        continue;
      }
      String where = "row " + (i + 1);
      context.row(where, () -> readRow(file, sink, layout, r, where));
    }
    if (table.error() != null) {
      sink.problem(
          Problem.error(
              file.name(),
              "row " + (rows.size() + 1),
              "not valid CSV here (" + table.error() + "); this and later rows are not read"));
    }
  }

  /** Column indexes and metric factors, resolved against the header. */
  private record Layout(
      Map<Field, Integer> fields,
      List<MetricColumn> metrics,
      List<Integer> metricCols,
      List<Double> factors,
      Map<String, Integer> labels) {}

  private Layout layout(SourceFile file, ReadSink sink, List<String[]> rows) {
    String[] header = rows.get(mapping.headerRow - 1);
    Map<String, Integer> index = new HashMap<>();
    Map<String, String> suffixUnit = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String name = DelimitedText.cell(header, i);
      if (mapping.units == UnitSource.SUFFIX) {
        Matcher m = SUFFIX.matcher(name);
        if (m.matches()) {
          name = m.group(1).strip();
          suffixUnit.put(name, m.group(2).strip());
        }
      }
      index.putIfAbsent(name, i);
    }
    String[] unitRow =
        mapping.units == UnitSource.ROW && rows.size() >= mapping.unitsRow
            ? rows.get(mapping.unitsRow - 1)
            : new String[0];
    String where = "row " + mapping.headerRow;
    boolean ok = true;
    Map<Field, Integer> fields = new EnumMap<>(Field.class);
    for (Map.Entry<Field, String> e : mapping.columns.entrySet()) {
      Integer i = index.get(e.getValue());
      if (i == null) {
        sink.problem(
            Problem.error(
                file.name(),
                where,
                "no column '"
                    + e.getValue()
                    + "' (columns."
                    + e.getKey().key()
                    + " in "
                    + mappingName
                    + ")"));
        ok = false;
      } else {
        fields.put(e.getKey(), i);
      }
    }
    List<MetricColumn> metrics = new ArrayList<>();
    List<Integer> cols = new ArrayList<>();
    List<Double> factors = new ArrayList<>();
    for (MetricColumn m : mapping.metrics) {
      Integer i = index.get(m.column());
      if (i == null) {
        sink.problem(
            Problem.error(
                file.name(),
                where,
                "no column '" + m.column() + "' (" + m.key() + " in " + mappingName + ")"));
        ok = false;
        continue;
      }
      String unit = m.unit();
      String from = m.key() + ".unit in " + mappingName;
      if (unit == null) {
        unit =
            mapping.units == UnitSource.ROW
                ? DelimitedText.cell(unitRow, i)
                : suffixUnit.getOrDefault(m.column(), "");
        from =
            mapping.units == UnitSource.ROW
                ? "units row " + mapping.unitsRow
                : "the header's unit suffix";
      }
      if (unit.isEmpty() || !ColumnMapping.convertible(unit, m.metric())) {
        sink.problem(
            Problem.error(
                file.name(),
                mapping.units == UnitSource.ROW ? "row " + mapping.unitsRow : where,
                "column '"
                    + m.column()
                    + "': "
                    + (unit.isEmpty()
                        ? "no unit"
                        : "'" + unit + "' is not a unit of " + m.metric().key())
                    + " (from "
                    + from
                    + "); "
                    + m.metric().key()
                    + " is not read"));
        ok = false;
        continue;
      }
      metrics.add(m);
      cols.add(i);
      factors.add(m.metric().unit().factorFrom(unit).orElseThrow());
    }
    Map<String, Integer> labels = new TreeMap<>();
    for (Map.Entry<String, String> e : mapping.labels.entrySet()) {
      Integer i = index.get(e.getValue());
      if (i == null) {
        sink.problem(
            Problem.error(
                file.name(),
                where,
                "no column '"
                    + e.getValue()
                    + "' (labels."
                    + e.getKey()
                    + " in "
                    + mappingName
                    + ")"));
        ok = false;
      } else {
        labels.put(e.getKey(), i);
      }
    }
    // a mapping that does not fit the file reads nothing rather than a part of each row
    return ok ? new Layout(fields, metrics, cols, factors, labels) : null;
  }

  private void readRow(SourceFile file, ReadSink sink, Layout l, String[] r, String where) {
    Cells cells = new Cells(file, sink, r, where, l.fields());
    String model = cells.text(Field.MODEL);
    if (model == null) {
      sink.problem(Problem.error(file.name(), where, "no model in this row; skipped"));
      return;
    }
    boolean bad = false;
    Metrics.Builder metrics = Metrics.builder();
    Map<Metric, Distribution.Builder> dists = new TreeMap<>();
    for (int k = 0; k < l.metrics().size(); k++) {
      MetricColumn m = l.metrics().get(k);
      String cell = DelimitedText.cell(r, l.metricCols().get(k));
      if (cell.isEmpty()) {
        continue;
      }
      double v = DelimitedText.number(cell, false);
      if (!(v >= 0) || !Double.isFinite(v)) {
        cells.bad(m.column(), cell);
        bad = true;
        continue;
      }
      dists
          .computeIfAbsent(m.metric(), x -> Distribution.builder())
          .put(m.statistic(), v * l.factors().get(k));
    }
    dists.forEach((metric, b) -> metrics.put(MetricValue.measured(metric, b.build())));
    Double isl = cells.number(Field.ISL);
    Double osl = cells.number(Field.OSL);
    Double concurrency = cells.number(Field.CONCURRENCY);
    Double rate = cells.number(Field.REQUEST_RATE);
    Integer count = cells.whole(Field.ACCELERATOR_COUNT);
    Integer tp = cells.whole(Field.TP);
    Integer replicas = cells.whole(Field.REPLICAS);
    if (cells.bad || bad) {
      return; // each bad cell is its own problem; a point never carries half a row
    }
    String accel = cells.text(Field.ACCELERATOR);
    List<Role> roles =
        tp == null && replicas == null
            ? List.of()
            : List.of(
                new Role(
                    Role.Kind.AGGREGATED,
                    replicas == null || replicas == 0 ? 1 : replicas,
                    tp,
                    null,
                    null,
                    null,
                    tp));
    Deployment deployment =
        new Deployment(
            accel == null ? null : AcceleratorRef.unresolved(accel),
            count,
            cells.text(Field.ENGINE),
            cells.text(Field.ENGINE_VERSION),
            null,
            List.of(),
            roles,
            null);
    Workload workload =
        new Workload(
            isl == null ? null : Distribution.ofMean(isl),
            osl == null ? null : Distribution.ofMean(osl),
            cells.text(Field.DATASET),
            null,
            null,
            rate != null && rate > 0 ? rate : null,
            concurrency != null && concurrency > 0 ? concurrency : null,
            null);
    Map<String, String> labels = new TreeMap<>();
    l.labels()
        .forEach(
            (k, i) -> {
              String v = DelimitedText.cell(r, i);
              if (!v.isEmpty()) {
                labels.put(k, v);
              }
            });
    sink.point(
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(model), deployment, workload),
            metrics.build(),
            List.of(),
            labels,
            new Provenance(file.uri(), ID, mappingName, where)));
  }

  private static boolean blank(String[] r) {
    for (String c : r) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The cells of one row, by field, from its column or the mapping's constant. */
  private final class Cells {
    final SourceFile file;
    final ReadSink sink;
    final String[] r;
    final String where;
    final Map<Field, Integer> cols;
    boolean bad;

    Cells(SourceFile file, ReadSink sink, String[] r, String where, Map<Field, Integer> cols) {
      this.file = file;
      this.sink = sink;
      this.r = r;
      this.where = where;
      this.cols = cols;
    }

    String text(Field f) {
      Integer i = cols.get(f);
      String v = i == null ? mapping.constants.get(f) : DelimitedText.cell(r, i);
      return v == null || v.isEmpty() ? null : v;
    }

    Double number(Field f) {
      String t = text(f);
      if (t == null) {
        return null;
      }
      double v = DelimitedText.number(t, false);
      if (!(v >= 0) || !Double.isFinite(v)) {
        bad(mapping.columns.getOrDefault(f, f.key()), t);
        return null;
      }
      return v;
    }

    Integer whole(Field f) {
      Double v = number(f);
      if (v == null) {
        return null;
      }
      if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
        bad(mapping.columns.getOrDefault(f, f.key()), text(f));
        return null;
      }
      return v.intValue();
    }

    void bad(String column, String cell) {
      bad = true;
      sink.problem(
          Problem.error(
              file.name(),
              where + ", column '" + column + "'",
              "'" + cell + "' is not a non-negative number; the row is not read"));
    }
  }
}
