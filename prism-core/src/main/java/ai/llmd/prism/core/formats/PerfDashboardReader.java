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
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CSVs of openshift-psap/performance-dashboard: the RHAIIS {@code
 * consolidated_dashboard.csv} (40 or 52 columns) and the LLM-D {@code llmd-dashboard.csv} (51
 * columns, with replicas and prefill/decode pod counts). One point per row, each row one guidellm
 * load level.
 *
 * <p>Units come from the documented column names: {@code ttft_*}, {@code tpot_*}, {@code itl_*} in
 * milliseconds, {@code request_latency_*} in seconds, {@code *_tok/sec} in tokens/s, {@code
 * measured rps} in requests/s, {@code *_token_count_*} in tokens. {@code version} ({@code
 * <server>-<version>[-suffix]}) gives the engine for RHAIIS rows and the serving stack for LLM-D
 * rows. A pod count of 0 means "not disaggregated" (as the dashboard reads it).
 */
public final class PerfDashboardReader implements FormatReader {

  static final String ID = "perfdash";
  static final String RHAIIS = "rhaiis";
  static final String LLMD = "llmd";

  private static final Pattern VERSION = Pattern.compile("(.+?)-(v?\\d[^-]*)(?:-(.+))?");

  /** column -> (metric, statistic, declared unit). */
  private record Column(String name, Metric metric, Statistic statistic, String unit) {}

  private static final List<Column> METRIC_COLUMNS =
      List.of(
          new Column("measured rps", Metric.REQUEST_RATE, Statistic.MEAN, "req/s"),
          new Column("output_tok/sec", Metric.OUTPUT_THROUGHPUT, Statistic.MEAN, "tokens/s"),
          new Column("total_tok/sec", Metric.TOTAL_THROUGHPUT, Statistic.MEAN, "tokens/s"),
          new Column("ttft_mean", Metric.TTFT, Statistic.MEAN, "ms"),
          new Column("ttft_median", Metric.TTFT, Statistic.P50, "ms"),
          new Column("ttft_p1", Metric.TTFT, Statistic.P1, "ms"),
          new Column("ttft_p95", Metric.TTFT, Statistic.P95, "ms"),
          new Column("ttft_p99", Metric.TTFT, Statistic.P99, "ms"),
          new Column("ttft_p999", Metric.TTFT, Statistic.P99_9, "ms"),
          new Column("tpot_median", Metric.TPOT, Statistic.P50, "ms/token"),
          new Column("tpot_p1", Metric.TPOT, Statistic.P1, "ms/token"),
          new Column("tpot_p95", Metric.TPOT, Statistic.P95, "ms/token"),
          new Column("tpot_p99", Metric.TPOT, Statistic.P99, "ms/token"),
          new Column("tpot_p999", Metric.TPOT, Statistic.P99_9, "ms/token"),
          new Column("itl_mean", Metric.ITL, Statistic.MEAN, "ms/token"),
          new Column("itl_median", Metric.ITL, Statistic.P50, "ms/token"),
          new Column("itl_p1", Metric.ITL, Statistic.P1, "ms/token"),
          new Column("itl_p95", Metric.ITL, Statistic.P95, "ms/token"),
          new Column("itl_p99", Metric.ITL, Statistic.P99, "ms/token"),
          new Column("itl_p999", Metric.ITL, Statistic.P99_9, "ms/token"),
          new Column("request_latency_median", Metric.E2E_LATENCY, Statistic.P50, "s"),
          new Column("request_latency_min", Metric.E2E_LATENCY, Statistic.MIN, "s"),
          new Column("request_latency_max", Metric.E2E_LATENCY, Statistic.MAX, "s"),
          new Column("successful_requests", Metric.REQUESTS_SUCCEEDED, Statistic.MEAN, "count"),
          new Column("errored_requests", Metric.REQUESTS_FAILED, Statistic.MEAN, "count"));

  private static final List<String> LABEL_COLUMNS =
      List.of(
          "run",
          "version",
          "uuid",
          "runtime_args",
          "image_tag",
          "spec_decoding",
          "prefix_caching",
          "turns",
          "prefix_tokens",
          "prefix_count",
          "request_type",
          "router_config",
          "notes",
          "measured concurrency",
          "guidellm_start_time_ms",
          "guidellm_end_time_ms",
          "TP",
          "DP",
          "EP");

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
    return "performance-dashboard CSVs (RHAIIS consolidated_dashboard.csv, llmd-dashboard.csv)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    String line = DelimitedText.firstLine(DelimitedText.headText(sniff.head()));
    if (line.contains("output_tok/sec")
        && line.contains("intended concurrency")
        && line.contains("model")) {
      return Detection.CERTAIN;
    }
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext context = ReadContext.of(file, sink);
    DelimitedText.Decoded d = DelimitedText.decode(file.bytes());
    if (d.warning() != null) {
      sink.problem(Problem.warning(file.name(), "", d.warning()));
    }
    DelimitedText.Records table =
        DelimitedText.records(d.text(), DelimitedText.separator(d.text()));
    List<String[]> records = table.rows();
    if (records.isEmpty()) {
      sink.problem(
          Problem.error(
              file.name(),
              "",
              table.error() == null ? "empty file" : "not valid CSV: " + table.error()));
      return;
    }
    String[] head = records.get(0);
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < head.length; i++) {
      cols.putIfAbsent(head[i].strip(), i);
    }
    if (!cols.containsKey("model")) {
      sink.problem(Problem.error(file.name(), "header", "no 'model' column; nothing read"));
      return;
    }
    String layout =
        cols.containsKey("prefill_pod_count") || cols.containsKey("router_config") ? LLMD : RHAIIS;
    for (int i = 1; i < records.size(); i++) {
      String[] r = records.get(i);
      if (r.length == 0) {
        continue;
      }
      Row row = new Row(file, sink, r, cols, i);
      if (r.length != head.length) {
        sink.problem(
            Problem.error(
                file.name(),
                row.location(),
                "has " + r.length + " cells where the header has " + head.length + "; skipped"));
        continue;
      }
      context.row(row.location(), () -> readRow(file, sink, row, layout));
    }
    if (table.error() != null) {
      sink.problem(
          Problem.error(
              file.name(),
              "row " + records.size(),
              "not valid CSV here (" + table.error() + "); this and later rows are not read"));
    }
  }

  private void readRow(SourceFile file, ReadSink sink, Row row, String layout) {
    String model = row.text("model");
    if (model.isEmpty()) {
      sink.problem(Problem.error(file.name(), row.location(), "column 'model' is empty; skipped"));
      return;
    }
    Map<Metric, Distribution.Builder> dists = new TreeMap<>();
    for (Column c : METRIC_COLUMNS) {
      Double v = row.number(c.name());
      if (v == null) {
        continue;
      }
      Unit target = c.metric().unit();
      double factor = target == Unit.COUNT ? 1 : target.factorFrom(c.unit()).orElseThrow();
      dists.computeIfAbsent(c.metric(), k -> Distribution.builder()).put(c.statistic(), v * factor);
    }
    Metrics.Builder m = Metrics.builder();
    dists.forEach((metric, b) -> m.put(MetricValue.measured(metric, b.build())));

    // Workload: measured token counts when present, else the configured ones (0 = real dataset).
    Distribution isl =
        lengths(row, "prompt_token_count_mean", "prompt_token_count_p99", "prompt toks");
    Distribution osl =
        lengths(row, "output_token_count_mean", "output_token_count_p99", "output toks");
    Double concurrency = row.number("intended concurrency");
    String version = row.text("guidellm_version");
    String dataset = row.text("dataset");
    Workload workload =
        new Workload(
            isl,
            osl,
            dataset.isEmpty() ? null : dataset,
            "guidellm",
            version.isEmpty() ? null : version,
            null,
            concurrency != null && concurrency > 0 ? concurrency : null,
            null);

    // Deployment
    String accel = row.text("accelerator");
    String engine = null;
    String engineVersion = null;
    String stack = null;
    Matcher vm = VERSION.matcher(row.text("version"));
    if (vm.matches()) {
      if (LLMD.equals(layout)) {
        stack = vm.group(1);
      } else {
        engine = vm.group(1);
        engineVersion = vm.group(2);
      }
    }
    Integer tp = row.count("TP");
    Integer dp = row.count("DP");
    Integer ep = row.count("EP");
    Integer perReplica = tp == null ? null : (dp == null ? tp : tp * dp);
    List<Role> roles;
    Integer total;
    Integer prefill = row.count("prefill_pod_count");
    Integer decode = row.count("decode_pod_count");
    if (prefill != null && prefill > 0 && decode != null && decode > 0) {
      // The TP/DP/EP columns are not stated per role, so the roles carry none.
      roles =
          List.of(
              new Role(Role.Kind.PREFILL, prefill, null, null, null, null, null),
              new Role(Role.Kind.DECODE, decode, null, null, null, null, null));
      total = null;
    } else {
      Integer replicas = row.count("replicas");
      int n = replicas == null || replicas == 0 ? 1 : replicas;
      roles =
          tp == null && dp == null
              ? List.of()
              : List.of(new Role(Role.Kind.AGGREGATED, n, tp, dp, null, ep, perReplica));
      total = perReplica == null ? null : n * perReplica;
    }
    Deployment deployment =
        new Deployment(
            accel.isEmpty() ? null : AcceleratorRef.unresolved(accel),
            total,
            engine,
            engineVersion,
            stack,
            List.of(),
            roles,
            null);

    Map<String, String> labels = new TreeMap<>();
    for (String l : LABEL_COLUMNS) {
      String v = row.text(l);
      if (!v.isEmpty()) {
        labels.put(l.replace(' ', '_'), v);
      }
    }
    sink.point(
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(model), deployment, workload),
            m.build(),
            List.of(),
            labels,
            new Provenance(file.uri(), ID, layout, row.location())));
  }

  private static Distribution lengths(Row row, String mean, String p99, String configured) {
    Distribution.Builder b = Distribution.builder();
    Double mv = row.number(mean);
    Double pv = row.number(p99);
    if (mv != null && mv > 0) {
      b.put(Statistic.MEAN, mv);
    }
    if (pv != null && pv > 0) {
      b.put(Statistic.P99, pv);
    }
    if (b.isEmpty()) {
      Double c = row.number(configured);
      if (c != null && c > 0) {
        b.put(Statistic.MEAN, c);
      }
    }
    return b.isEmpty() ? null : b.build();
  }

  /** One CSV record with typed, reported access to its cells. */
  private static final class Row {
    final SourceFile file;
    final ReadSink sink;
    final String[] cells;
    final Map<String, Integer> cols;
    final int number;

    Row(SourceFile file, ReadSink sink, String[] cells, Map<String, Integer> cols, int number) {
      this.file = file;
      this.sink = sink;
      this.cells = cells;
      this.cols = cols;
      this.number = number;
    }

    String location() {
      return "row " + number;
    }

    String text(String column) {
      Integer i = cols.get(column);
      return i == null ? "" : DelimitedText.cell(cells, i);
    }

    /** A non-negative number, or null when the column is absent or empty or the cell is bad. */
    Double number(String column) {
      String t = text(column);
      if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
        return null; // pandas writes missing values as empty (or nan)
      }
      double v = DelimitedText.number(t, false);
      if (!(v >= 0) || !Double.isFinite(v)) {
        sink.problem(
            Problem.error(
                file.name(),
                location(),
                "column '" + column + "': '" + t + "' is not a non-negative number; not read"));
        return null;
      }
      return v;
    }

    /** A whole number (pandas may write {@code 8.0}), or null. */
    Integer count(String column) {
      Double v = number(column);
      if (v == null) {
        return null;
      }
      if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
        sink.problem(
            Problem.error(
                file.name(),
                location(),
                "column '" + column + "': " + v + " is not a whole number; not read"));
        return null;
      }
      return v.intValue();
    }
  }
}
