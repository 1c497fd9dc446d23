package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MLPerf Inference (Datacenter) results tables that MLCommons' results site exports and
 * dashboards keep: the v5.0/v5.1 "pivot" export (UTF-8, comma-separated, a five-row header and one
 * block of rows per system) and the v6.0 "flat" export (UTF-16LE with a BOM, tab-separated despite
 * the {@code .csv} name, one row per system, benchmark and scenario).
 *
 * <p>One point per (system, benchmark, scenario) result. The {@code Units} cell decides the metric:
 * {@code Tokens/s} is output tokens/s; {@code Queries/s} and {@code Samples/s} are completed
 * requests per second (an MLPerf sample is one query); any other unit (v6.0's {@code Latency (s)}
 * for SingleStream) is reported and not read. The exports declare some LLM benchmarks in Samples/s
 * (v5.0 {@code llama3.1-405b}, v5.1 {@code deepseek-r1}, {@code llama3.1-8b-datacenter}) where v6.0
 * says Tokens/s; the declared unit is kept, never relabelled, with an INFO problem. The benchmark
 * name (e.g. {@code llama2-70b-99}) is the model; the scenario ({@code Offline}, {@code Server},
 * {@code Interactive}) goes into {@link Workload#dataset()} so that points of different load
 * patterns never group together, and into the {@code scenario} label. Systems are found by block (a
 * row with a Public ID and the rows under it), never by pairing rows by order.
 *
 * <p>The {@code summaries/*.csv} files kept beside these exports are token-length lists (one row
 * per dataset sample: {@code input_length}, {@code output_length}), not results; no reader claims
 * them.
 */
public final class MlperfReader implements FormatReader {

  static final String ID = "mlperf";

  private static final String PIVOT_MARK = "benchmark / model mlc / scenario / units";
  private static final String RESULT = "avg. result at system name";

  /** Token-generating benchmarks; only used to point out a declared unit worth checking. */
  private static final Pattern LLM =
      Pattern.compile("^(llama|deepseek|mixtral|gptj|gpt-oss)", Pattern.CASE_INSENSITIVE);

  private static final Pattern ROUND = Pattern.compile("v?(\\d+\\.\\d+)-\\d+");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "MLPerf Inference results exports (v5.x pivot CSV, v6.0 UTF-16 TSV)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    String line =
        DelimitedText.normalizeHeader(
            DelimitedText.firstLine(DelimitedText.headText(sniff.head())));
    if (line.contains(PIVOT_MARK) || (line.contains("model mlc") && line.contains(RESULT))) {
      return Detection.CERTAIN;
    }
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    DelimitedText.Decoded d = DelimitedText.decode(file.bytes());
    if (d.warning() != null) {
      sink.problem(Problem.warning(file.name(), "", d.warning()));
    }
    char sep = DelimitedText.separator(d.text());
    DelimitedText.Records table = DelimitedText.records(d.text(), sep);
    List<String[]> records = table.rows();
    Context ctx = new Context(file, sink);
    int header = -1;
    boolean pivot = false;
    for (int i = 0; i < Math.min(records.size(), 10); i++) {
      String[] r = records.get(i);
      for (String c : r) {
        if (DelimitedText.normalizeHeader(c).equals(PIVOT_MARK)) {
          pivot = true;
        }
      }
      if (DelimitedText.normalizeHeader(DelimitedText.cell(r, 0)).equals("public id")) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      sink.problem(
          Problem.error(
              file.name(), "", "no header row starting with 'Public ID' in the first 10"));
      return;
    }
    if (pivot) {
      readPivot(ctx, records, header);
    } else {
      readFlat(ctx, records, header);
    }
    if (table.error() != null) {
      ctx.error(
          records.size() - header,
          "not valid CSV here (" + table.error() + "); this and later rows are not read");
    }
  }

  private static final class Context {
    final SourceFile file;
    final ReadSink sink;
    final ReadContext context;
    final Set<String> noted = new HashSet<>();

    Context(SourceFile file, ReadSink sink) {
      this.file = file;
      this.sink = sink;
      this.context = ReadContext.of(file, sink);
    }

    /** Runs the code of one row; what it throws is an error at the row, and reading goes on. */
    void row(int row, Runnable body) {
      context.row("row " + row, body);
    }

    void error(int row, String msg) {
      sink.problem(Problem.error(file.name(), "row " + row, msg));
    }

    void warn(int row, String msg) {
      sink.problem(Problem.warning(file.name(), "row " + row, msg));
    }
  }

  /** Metadata column positions by normalised header name (the first of duplicated names). */
  private static Map<String, Integer> columns(String[] header, int limit) {
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < Math.min(header.length, limit); i++) {
      String h = DelimitedText.normalizeHeader(header[i]).replace(" (click + for details)", "");
      if (!h.isEmpty()) {
        cols.putIfAbsent(h, i);
      }
    }
    return cols;
  }

  /** The metadata of one system, as read from its first row. */
  private record SystemInfo(
      String publicId,
      String organization,
      String system,
      String availability,
      String division,
      String processor,
      String accelerator,
      String code,
      Integer nodes,
      Integer perNode,
      Integer total) {}

  private static SystemInfo system(
      Context ctx, int rowNo, String[] row, Map<String, Integer> cols, String[] header) {
    return new SystemInfo(
        text(row, cols, "public id"),
        text(row, cols, "organization"),
        text(row, cols, "system name"),
        text(row, cols, "availability"),
        text(row, cols, "division/power"),
        text(row, cols, "processor"),
        text(row, cols, "accelerator"),
        text(row, cols, "code"),
        count(ctx, rowNo, row, cols, "# of nodes", header),
        cols.containsKey("accelerators per node")
            ? count(ctx, rowNo, row, cols, "accelerators per node", header)
            : count(ctx, rowNo, row, cols, "# of accelerators", header),
        count(ctx, rowNo, row, cols, "total accelerators", header));
  }

  private static String text(String[] row, Map<String, Integer> cols, String name) {
    Integer i = cols.get(name);
    return i == null ? "" : DelimitedText.cell(row, i);
  }

  private static Integer count(
      Context ctx, int rowNo, String[] row, Map<String, Integer> cols, String name, String[] h) {
    Integer i = cols.get(name);
    if (i == null) {
      return null;
    }
    return wholeNumber(ctx, rowNo, DelimitedText.cell(row, i), h[i].strip());
  }

  private static Integer wholeNumber(Context ctx, int rowNo, String cell, String column) {
    if (cell.isEmpty()) {
      return null;
    }
    double v = DelimitedText.number(cell, true);
    if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
      ctx.error(rowNo, "column '" + column + "': '" + cell + "' is not a whole number; not read");
      return null;
    }
    return (int) v;
  }

  // ---- v5.x pivot ----

  private void readPivot(Context ctx, List<String[]> records, int header) {
    if (header < 2) {
      ctx.sink.problem(
          Problem.error(ctx.file.name(), "", "the pivot header lacks its model and scenario rows"));
      return;
    }
    String[] head = records.get(header);
    String[] scenarios = records.get(header - 1);
    String[] models = records.get(header - 2);
    int width = head.length;
    List<Integer> metricCols = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      if (!DelimitedText.cell(scenarios, j).isEmpty()) {
        metricCols.add(j);
      }
    }
    if (metricCols.isEmpty()) {
      ctx.sink.problem(Problem.error(ctx.file.name(), "", "no scenario columns in the header"));
      return;
    }
    int labelCol = metricCols.get(0) - 1;
    String[] modelOf = new String[width];
    String current = "";
    for (int j : metricCols) {
      String m = DelimitedText.cell(models, j);
      current = m.isEmpty() ? current : m; // merged cells: the name is written once
      modelOf[j] = current;
    }
    Map<String, Integer> cols = columns(head, labelCol);

    SystemInfo sys = null;
    int sysRow = 0;
    Map<String, String[]> labelled = new HashMap<>();
    Map<String, Integer> labelledRow = new HashMap<>();
    for (int i = header + 1; i <= records.size(); i++) {
      String[] r = i < records.size() ? records.get(i) : null;
      int rowNo = i - header;
      boolean starts = r != null && !DelimitedText.cell(r, 0).isEmpty();
      if ((r == null || starts) && sys != null) {
        SystemInfo block = sys;
        int blockRow = sysRow;
        ctx.row(
            blockRow,
            () ->
                emitBlock(
                    ctx,
                    block,
                    blockRow,
                    labelled,
                    labelledRow,
                    metricCols,
                    modelOf,
                    scenarios,
                    head));
        sys = null;
        labelled.clear();
        labelledRow.clear();
      }
      if (r == null || r.length == 0) {
        continue;
      }
      if (r.length != width) {
        ctx.error(
            rowNo, "has " + r.length + " cells where the header has " + width + "; row skipped");
        continue;
      }
      if (starts) {
        sys = system(ctx, rowNo, r, cols, head);
        sysRow = rowNo;
      } else if (sys == null) {
        ctx.warn(rowNo, "a continuation row with no system row above it; skipped");
        continue;
      }
      String label = DelimitedText.normalizeHeader(DelimitedText.cell(r, labelCol));
      labelled.put(label, r);
      labelledRow.put(label, rowNo);
    }
  }

  private void emitBlock(
      Context ctx,
      SystemInfo sys,
      int sysRow,
      Map<String, String[]> labelled,
      Map<String, Integer> labelledRow,
      List<Integer> metricCols,
      String[] modelOf,
      String[] scenarios,
      String[] units) {
    String[] result = labelled.get(RESULT);
    if (result == null) {
      ctx.error(
          sysRow,
          "system '"
              + sys.publicId()
              + "' has no 'Avg. Result at System Name' row; its results are not read");
      return;
    }
    int resultRow = labelledRow.get(RESULT);
    String[] accRow = labelled.get("# of accelerators");
    String[] nodeRow = labelled.get("# of nodes");
    for (int j : metricCols) {
      String cell = DelimitedText.cell(result, j);
      if (cell.isEmpty()) {
        continue;
      }
      String model = modelOf[j];
      String scenario = DelimitedText.cell(scenarios, j);
      String unit = DelimitedText.cell(units, j);
      String column = model + " " + scenario + " (" + unit + ")";
      Integer perNode = sys.perNode();
      Integer nodes = sys.nodes();
      // Per-benchmark counts on the label rows, where present, describe this very result.
      if (accRow != null) {
        Integer v =
            wholeNumber(
                ctx, labelledRow.get("# of accelerators"), DelimitedText.cell(accRow, j), column);
        perNode = v != null ? v : perNode;
      }
      if (nodeRow != null) {
        Integer v =
            wholeNumber(ctx, labelledRow.get("# of nodes"), DelimitedText.cell(nodeRow, j), column);
        nodes = v != null ? v : nodes;
      }
      emit(ctx, resultRow, sys, model, scenario, unit, cell, column, perNode, nodes, null);
    }
  }

  // ---- v6.0 flat ----

  private void readFlat(Context ctx, List<String[]> records, int header) {
    String[] head = records.get(header);
    Map<String, Integer> cols = columns(head, head.length);
    for (String need : List.of("model mlc", "scenario", "units", RESULT)) {
      if (!cols.containsKey(need)) {
        ctx.sink.problem(
            Problem.error(ctx.file.name(), "header", "no '" + need + "' column; nothing read"));
        return;
      }
    }
    for (int i = header + 1; i < records.size(); i++) {
      String[] r = records.get(i);
      int rowNo = i - header;
      if (r.length == 0) {
        continue;
      }
      if (r.length != head.length) {
        ctx.error(
            rowNo, "has " + r.length + " cells where the header has " + head.length + "; skipped");
        continue;
      }
      SystemInfo sys = system(ctx, rowNo, r, cols, head);
      String model = text(r, cols, "model mlc");
      String scenario = text(r, cols, "scenario");
      String unit = text(r, cols, "units");
      String cell = text(r, cols, RESULT);
      if (model.isEmpty() || cell.isEmpty()) {
        ctx.error(
            rowNo,
            "column '"
                + (model.isEmpty() ? "Model MLC" : "Avg. Result at System Name")
                + "' is empty; row skipped");
        continue;
      }
      ctx.row(
          rowNo,
          () ->
              emit(
                  ctx,
                  rowNo,
                  sys,
                  model,
                  scenario,
                  unit,
                  cell,
                  "Avg. Result at System Name",
                  sys.perNode(),
                  sys.nodes(),
                  sys.total()));
    }
  }

  // ---- both ----

  private void emit(
      Context ctx,
      int rowNo,
      SystemInfo sys,
      String model,
      String scenario,
      String unit,
      String cell,
      String column,
      Integer perNode,
      Integer nodes,
      Integer total) {
    Metric metric =
        switch (unit.strip().toLowerCase(Locale.ROOT)) {
          case "tokens/s" -> Metric.OUTPUT_THROUGHPUT;
          case "queries/s", "samples/s" -> Metric.REQUEST_RATE;
          default -> null;
        };
    if (metric == null) {
      ctx.warn(
          rowNo,
          "column '"
              + column
              + "': unit '"
              + unit
              + "' is not a throughput this reader maps (Tokens/s, Queries/s, Samples/s); not read");
      return;
    }
    if (metric == Metric.REQUEST_RATE
        && LLM.matcher(model).find()
        && ctx.noted.add(model + " " + scenario + " " + unit)) {
      ctx.sink.problem(
          Problem.info(
              ctx.file.name(),
              "row " + rowNo,
              "'"
                  + model
                  + " "
                  + scenario
                  + "' is declared in "
                  + unit
                  + " and read as a request rate, as declared; other rounds score this LLM"
                  + " benchmark in Tokens/s, so compare across rounds with care"));
    }
    double v = DelimitedText.number(cell, true);
    if (!(v >= 0) || !Double.isFinite(v)) {
      ctx.error(rowNo, "column '" + column + "': '" + cell + "' is not a number; not read");
      return;
    }
    Integer count = total != null && total > 0 ? total : null;
    if (count == null && perNode != null && perNode > 0) {
      count = perNode * (nodes == null ? 1 : nodes);
    }
    String acc = sys.accelerator();
    boolean cpuOnly = acc.isEmpty() || acc.equalsIgnoreCase("N/A") || count == null;
    Deployment deployment =
        new Deployment(
            acc.isEmpty() || acc.equalsIgnoreCase("N/A") ? null : AcceleratorRef.unresolved(acc),
            cpuOnly ? null : count,
            null,
            null,
            null,
            List.of(),
            List.of(),
            nodes != null && nodes > 0 ? nodes : null);
    String round = round(sys.publicId());
    Map<String, String> labels =
        new MlperfResult(
                round,
                sys.publicId(),
                sys.organization(),
                sys.system(),
                sys.availability(),
                sys.division(),
                sys.processor(),
                sys.code(),
                model,
                scenario,
                unit,
                perNode == null ? null : String.valueOf(perNode))
            .toLabels();
    Workload workload =
        new Workload(null, null, scenario, "mlperf-loadgen", null, null, null, null);
    ctx.sink.point(
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(model), deployment, workload),
            Metrics.builder().put(MetricValue.measured(metric, v)).build(),
            List.of(),
            labels,
            new Provenance(ctx.file.uri(), ID, round.isEmpty() ? null : round, "row " + rowNo)));
  }

  private static String round(String publicId) {
    Matcher m = ROUND.matcher(publicId);
    return m.matches() ? m.group(1) : "";
  }
}
