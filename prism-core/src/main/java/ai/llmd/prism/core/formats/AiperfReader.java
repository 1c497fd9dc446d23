package ai.llmd.prism.core.formats;

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
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the summary exports of NVIDIA's aiperf ({@code profile_export_aiperf.json} / {@code .csv})
 * and of its predecessor genai-perf ({@code profile_export_genai_perf.json} / {@code .csv}). Each
 * file is one point.
 *
 * <p>The JSON holds one object per metric with its {@code unit} and statistics ({@code avg}, {@code
 * min}, {@code max}, {@code p1} … {@code p99}, {@code std}); early aiperf wraps them in {@code
 * records}, later schemas (with {@code schema_version}) and genai-perf put them at the top level.
 * The CSV has a statistics table ({@code Metric,avg,min,…}) whose metric names end in their unit in
 * parentheses, then a {@code Metric,Value} table. Every value is converted from the unit the file
 * declares; a latency or throughput without a unit is reported and not read. genai-perf writes
 * {@code (per sec)} for throughputs: the metric's name says what is counted (tokens or requests).
 * Lengths and counts need no unit. Model, endpoint, concurrency or request rate, and dataset come
 * from the JSON's {@code input_config}; a CSV with the run's JSON beside it is not read twice.
 */
public final class AiperfReader implements FormatReader {

  static final String ID = "aiperf";

  private static final String AIPERF_JSON = "profile_export_aiperf.json";
  private static final String GENAI_PERF_JSON = "profile_export_genai_perf.json";

  /** Metric tags (JSON keys, and CSV names in snake case) that map to canonical metrics. */
  private static final Map<String, Metric> METRICS =
      Map.ofEntries(
          Map.entry("time_to_first_token", Metric.TTFT),
          Map.entry("ttft", Metric.TTFT),
          Map.entry("inter_token_latency", Metric.ITL),
          Map.entry("time_per_output_token", Metric.TPOT),
          Map.entry("request_latency", Metric.E2E_LATENCY),
          Map.entry("output_token_throughput", Metric.OUTPUT_THROUGHPUT),
          Map.entry("input_token_throughput", Metric.INPUT_THROUGHPUT),
          Map.entry("total_token_throughput", Metric.TOTAL_THROUGHPUT),
          Map.entry("request_throughput", Metric.REQUEST_RATE),
          Map.entry("goodput", Metric.REQUEST_GOODPUT),
          Map.entry("request_count", Metric.REQUESTS_SUCCEEDED),
          Map.entry("completed_request_count", Metric.REQUESTS_TOTAL),
          Map.entry("error_request_count", Metric.REQUESTS_FAILED),
          Map.entry("request_error_rate", Metric.FAILURE_RATE),
          Map.entry("benchmark_duration", Metric.DURATION));

  private static final String ISL = "input_sequence_length";
  private static final String OSL = "output_sequence_length";

  /** Top-level JSON members that are not metrics. */
  private static final Set<String> NOT_METRICS =
      Set.of(
          "schema_version",
          "aiperf_version",
          "benchmark_id",
          "records",
          "input_config",
          "run_info",
          "telemetry_data",
          "server_metrics_data",
          "was_cancelled",
          "is_complete",
          "error_summary",
          "start_time",
          "end_time");

  private static final JsonFields.StatKeys STATS =
      new JsonFields.StatKeys() {
        @Override
        public Statistic statistic(String key) {
          return switch (key) {
            case "avg", "mean" -> Statistic.MEAN;
            case "min" -> Statistic.MIN;
            case "max" -> Statistic.MAX;
            case "std" -> Statistic.STDDEV;
            default -> JsonFields.pKey(key);
          };
        }

        @Override
        public boolean ignored(String key) {
          return switch (key) {
            case "unit", "tag", "header", "count", "sum" -> true;
            default -> false;
          };
        }
      };

  /** {@code Name (unit)}: the last parenthesised group is the unit. */
  private static final Pattern CSV_NAME = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");

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
    return "NVIDIA aiperf / genai-perf profile_export JSON and CSV";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if (!top.isEmpty()) {
      int metrics = 0;
      for (String k : List.of("time_to_first_token", "request_latency", "request_throughput")) {
        if ("{}".equals(top.get(k))) {
          metrics++;
        }
      }
      boolean config = "{}".equals(top.get("input_config"));
      if (config && "{}".equals(top.get("records"))) {
        return Detection.CERTAIN;
      }
      if (metrics > 0 && (config || top.containsKey("aiperf_version"))) {
        return Detection.CERTAIN;
      }
      return metrics >= 2 ? Detection.POSSIBLE : Detection.NO;
    }
    String head = DelimitedText.headText(sniff.head());
    String first = DelimitedText.firstLine(head).strip().toLowerCase(Locale.ROOT);
    if (!first.startsWith("metric,avg,")) {
      return Detection.NO;
    }
    String h = head.toLowerCase(Locale.ROOT);
    return h.contains("\nrequest latency") || h.contains("\ntime to first token")
        ? Detection.CERTAIN
        : Detection.POSSIBLE;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext issues = ReadContext.of(file, sink);
    byte[] bytes = file.bytes();
    if (Trees.looksLikeJson(bytes)) {
      readJson(file, bytes, sink, issues);
    } else {
      readCsv(file, bytes, sink, issues);
    }
  }

  // ---------------------------------------------------------------- JSON

  private void readJson(SourceFile file, byte[] bytes, ReadSink sink, ReadContext issues) {
    JsonNode root;
    try {
      root = Trees.parse(bytes);
    } catch (IOException e) {
      JsonFields.parseError(issues, e);
      return;
    }
    if (!root.isObject()) {
      issues.error("", "expected a JSON object, found " + JsonFields.describe(root) + "; not read");
      return;
    }
    JsonNode container = root;
    String base = "";
    JsonNode records = JsonFields.object(root, "records", "", issues);
    if (records != null) {
      container = records;
      base = "/records";
    }
    Collected c = new Collected();
    for (var e : container.properties()) {
      String tag = e.getKey();
      JsonNode v = e.getValue();
      if (container == root && NOT_METRICS.contains(tag) || !v.isObject()) {
        continue; // not a metric: configuration, a flag or an identifier
      }
      String ptr = JsonFields.at(base, tag);
      c.add(
          tag,
          tag,
          JsonFields.text(v, "unit"),
          ptr + "/unit",
          ptr,
          f -> {
            Distribution.Builder b = Distribution.builder();
            JsonFields.collect(v, ptr, f, STATS, issues, b);
            return b;
          },
          issues);
    }
    c.reportUnmapped(base, issues);
    if (root.path("was_cancelled").asBoolean(false)) {
      issues.warning("/was_cancelled", "the run was cancelled: its numbers cover only part of it");
    }

    JsonNode cfg = JsonFields.object(root, "input_config", "", issues);
    boolean genaiPerf =
        !root.has("aiperf_version")
            && !root.has("schema_version")
            && records == null
            && (file.name().endsWith(GENAI_PERF_JSON) || isGenaiPerfConfig(cfg));
    Map<String, String> labels = new TreeMap<>();
    for (String k : List.of("aiperf_version", "schema_version", "benchmark_id")) {
      String t = JsonFields.text(root, k);
      if (t != null) {
        labels.put(k, t);
      }
    }
    Config conf = config(cfg, labels, issues);
    if (conf.model == null) {
      issues.warning("/input_config", "no model name: the model is unknown");
    }
    String harness = genaiPerf ? "genai-perf" : ID;
    String version = genaiPerf ? null : JsonFields.text(root, "aiperf_version");
    String formatVersion =
        genaiPerf
            ? "genai-perf"
            : root.has("schema_version")
                ? "schema " + JsonFields.text(root, "schema_version")
                : records != null ? "records" : null;
    Workload w =
        new Workload(
            c.in, c.out, conf.dataset, harness, version, conf.rate, conf.concurrency, null);
    sink.point(
        new BenchmarkPoint(
            new Scenario(
                ModelRef.unresolved(conf.model == null ? "" : conf.model), Deployment.unknown(), w),
            c.metrics.build(),
            List.of(),
            labels,
            new Provenance(file.uri(), ID, formatVersion, "")));
  }

  private static boolean isGenaiPerfConfig(JsonNode cfg) {
    return cfg != null
        && (cfg.has("perf_analyzer")
            || cfg.has("service_kind")
            || cfg.has("endpoint_type")
            || cfg.has("synthetic_input_tokens_mean"));
  }

  /** What {@code input_config} says about the run. */
  private static final class Config {
    String model;
    String dataset;
    Double concurrency;
    Double rate;
  }

  private static Config config(JsonNode cfg, Map<String, String> labels, ReadContext issues) {
    Config c = new Config();
    if (cfg == null) {
      return c;
    }
    List<String> models = new ArrayList<>();
    JsonNode endpoint = cfg.path("endpoint");
    addTexts(models, endpoint.path("model_names"));
    for (JsonNode item : cfg.path("models").path("items")) {
      addTexts(models, item.path("name"));
    }
    addTexts(models, cfg.path("model"));
    addTexts(models, cfg.path("model_names"));
    models = models.stream().distinct().toList();
    if (!models.isEmpty()) {
      c.model = models.get(0);
      if (models.size() > 1) {
        labels.put("models", String.join(",", models));
      }
    }
    putText(labels, "endpoint_type", endpoint.path("type"), cfg.path("endpoint_type"));
    putText(labels, "streaming", endpoint.path("streaming"), cfg.path("streaming"));
    putText(labels, "url", endpoint.path("url"), endpoint.path("urls").path(0), cfg.path("url"));

    // Load: aiperf's loadgen or profiling phase, or genai-perf's flat or perf_analyzer options.
    Map<String, JsonNode> loads = new LinkedHashMap<>();
    loads.put("/input_config/loadgen", cfg.path("loadgen"));
    JsonNode phases = cfg.path("phases");
    for (int i = 0; i < phases.size(); i++) {
      if ("profiling".equals(phases.path(i).path("name").asText())) {
        loads.put("/input_config/phases/" + i, phases.path(i));
      }
    }
    loads.put("/input_config", cfg);
    loads.put("/input_config/perf_analyzer/stimulus", cfg.path("perf_analyzer").path("stimulus"));
    for (var e : loads.entrySet()) {
      JsonNode n = e.getValue();
      if (!n.isObject()) {
        continue;
      }
      if (c.concurrency == null) {
        c.concurrency = positive(n, "concurrency", e.getKey(), issues);
      }
      for (String key : List.of("request_rate", "rate")) {
        if (c.rate == null) {
          c.rate = positive(n, key, e.getKey(), issues);
        }
      }
    }

    // Dataset and conversation settings: kept as labels, the file's own words.
    JsonNode ds = cfg.path("datasets").path(0);
    JsonNode input = cfg.path("input");
    c.dataset =
        first(ds.path("name"), input.path("public_dataset"), input.path("file"), ds.path("path"));
    putText(labels, "dataset_type", ds.path("type"), input.path("custom_dataset_type"));
    putText(labels, "dataset_format", ds.path("format"));
    putText(labels, "dataset_path", ds.path("path"), input.path("file"));
    putText(
        labels, "conversation_turns_mean", input.path("conversation").path("turn").path("mean"));
    putText(labels, "conversation_num", input.path("conversation").path("num"));
    putText(
        labels,
        "input_tokens_mean",
        input.path("prompt").path("input_tokens").path("mean"),
        cfg.path("synthetic_input_tokens_mean"));
    putText(
        labels,
        "output_tokens_mean",
        input.path("prompt").path("output_tokens").path("mean"),
        cfg.path("output_tokens_mean"));
    return c;
  }

  private static Double positive(JsonNode n, String key, String ptr, ReadContext issues) {
    Double v = JsonFields.number(n, key, ptr, issues);
    if (v != null && v == 0) {
      return null; // aiperf writes 0 or null for "not set"
    }
    return v;
  }

  private static void addTexts(List<String> out, JsonNode n) {
    if (n.isArray()) {
      for (JsonNode e : n) {
        addTexts(out, e);
      }
    } else if (n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
      out.add(n.asText().strip());
    }
  }

  private static String first(JsonNode... candidates) {
    for (JsonNode n : candidates) {
      if (n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
        return n.asText().strip();
      }
    }
    return null;
  }

  private static void putText(Map<String, String> labels, String key, JsonNode... candidates) {
    String v = first(candidates);
    if (v != null) {
      labels.put(key, v);
    }
  }

  // ---------------------------------------------------------------- CSV

  private void readCsv(SourceFile file, byte[] bytes, ReadSink sink, ReadContext issues)
      throws IOException {
    for (String json : List.of(AIPERF_JSON, GENAI_PERF_JSON)) {
      if (file.sibling(json).isPresent()) {
        issues.info("", "the run's " + json + " beside it is read instead; not read twice");
        return;
      }
    }
    DelimitedText.Decoded text = DelimitedText.decode(bytes);
    if (text.warning() != null) {
      issues.warning("", text.warning());
    }
    DelimitedText.Records table = DelimitedText.records(text.text(), ',');
    List<String[]> rows = table.rows();
    Collected c = new Collected();
    String[] header = null;
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      if (r.length == 0) {
        header = null;
        continue;
      }
      String first = DelimitedText.cell(r, 0);
      if (header == null) {
        if (!first.equalsIgnoreCase("metric")) {
          issues.info("row " + i, "a table headed '" + first + "' is not read (telemetry)");
          header = new String[0]; // skip to the next blank line
          continue;
        }
        header = r;
        continue;
      }
      if (header.length == 0) {
        continue;
      }
      String loc = "row " + i;
      Matcher nm = CSV_NAME.matcher(first);
      String name = nm.matches() ? nm.group(1) : first;
      String unit = nm.matches() ? nm.group(2) : null;
      String tag = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      String[] h = header;
      issues.row(
          loc,
          () ->
              c.add(
                  tag,
                  first,
                  unit,
                  loc + ", column Metric",
                  loc,
                  f -> csvStats(h, r, loc, f, issues),
                  issues));
    }
    if (table.error() != null) {
      issues.error(
          "row " + rows.size(),
          "not valid CSV here (" + table.error() + "); this and later rows are not read");
    }
    c.reportUnmapped("", issues);
    issues.warning(
        "", "the CSV export names no model: the model is unknown (read the JSON export)");
    Workload w = new Workload(c.in, c.out, null, ID, null, null, null, null);
    sink.point(
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(""), Deployment.unknown(), w),
            c.metrics.build(),
            List.of(),
            Map.of(),
            new Provenance(file.uri(), ID, "csv", "")));
  }

  /** The statistics of one CSV row under {@code header} ({@code avg}, … or {@code Value}). */
  private static Distribution.Builder csvStats(
      String[] header, String[] r, String loc, double factor, ReadContext issues) {
    Distribution.Builder b = Distribution.builder();
    for (int c = 1; c < header.length && c < r.length; c++) {
      String key = DelimitedText.cell(header, c).toLowerCase(Locale.ROOT);
      Statistic s = key.equals("value") ? Statistic.MEAN : STATS.statistic(key);
      String cell = DelimitedText.cell(r, c);
      if (s == null || cell.isEmpty() || cell.equalsIgnoreCase("n/a")) {
        continue;
      }
      String at = loc + ", column " + DelimitedText.cell(header, c);
      double v = DelimitedText.number(cell, true);
      if (Double.isNaN(v)) {
        issues.error(at, "expected a number, found '" + cell + "'; not read");
      } else if (v < 0) {
        issues.error(at, "must not be negative, was " + cell + "; not read");
      } else {
        JsonFields.put(b, s, v * factor, at, issues);
      }
    }
    return b;
  }

  // ---------------------------------------------------------------- shared

  /** What one file's metrics add up to: canonical metrics, ISL and OSL, and names not kept. */
  private static final class Collected {
    final Metrics.Builder metrics = Metrics.builder();
    final Set<String> unmapped = new TreeSet<>();
    Distribution in;
    Distribution out;

    /**
     * Reads one metric: {@code stats} gives its statistics multiplied by the factor from the
     * declared {@code unit} to the canonical one.
     */
    void add(
        String tag,
        String name,
        String unit,
        String unitAt,
        String at,
        DoubleFunction<Distribution.Builder> stats,
        ReadContext issues) {
      if (tag.equals(ISL) || tag.equals(OSL)) {
        Double f = lengthFactor(unit, unitAt, issues);
        Distribution.Builder b = f == null ? null : stats.apply(f);
        Distribution d = b == null || b.isEmpty() ? null : b.build();
        if (tag.equals(ISL)) {
          in = d;
        } else {
          out = d;
        }
        return;
      }
      Metric metric = METRICS.get(tag);
      if (metric == null) {
        unmapped.add(name);
        return;
      }
      Double factor = factor(metric, unit, unitAt, issues);
      if (factor != null) {
        put(metrics, metric, stats.apply(factor), at, issues);
      }
    }

    void reportUnmapped(String at, ReadContext issues) {
      if (!unmapped.isEmpty()) {
        issues.info(at, "metrics without a canonical metric, not kept: " + unmapped);
      }
    }
  }

  private static Double lengthFactor(String unit, String at, ReadContext issues) {
    if (unit == null) {
      return 1.0; // a length is a number of tokens
    }
    OptionalDouble f = Unit.TOKENS.factorFrom(unit);
    if (f.isEmpty()) {
      issues.error(at, "unit '" + unit + "' is not a number of tokens; not read");
      return null;
    }
    return f.getAsDouble();
  }

  /**
   * The factor from the declared unit to the metric's canonical unit, or null (reported) when the
   * unit is missing or does not measure this metric.
   */
  private static Double factor(Metric metric, String unit, String at, ReadContext issues) {
    Unit target = metric.unit();
    if (unit == null) {
      if (target == Unit.COUNT) {
        return 1.0;
      }
      issues.error(at, "no unit given for " + metric.key() + "; not read");
      return null;
    }
    String u = unit.strip().toLowerCase(Locale.ROOT);
    OptionalDouble f;
    if (target == Unit.MILLISECONDS_PER_TOKEN) {
      // per-token latencies are declared as plain times (ms): the metric is per token
      f = Unit.MILLISECONDS_PER_TOKEN.factorFrom(u);
      if (f.isEmpty()) {
        f = Unit.MILLISECONDS.factorFrom(u);
      }
    } else if ((target == Unit.TOKENS_PER_SECOND || target == Unit.REQUESTS_PER_SECOND)
        && u.equals("per sec")) {
      f = OptionalDouble.of(1); // genai-perf: the metric's name says tokens or requests
    } else {
      f = target.factorFrom(u);
    }
    if (f.isEmpty()) {
      issues.error(at, "unit '" + unit + "' is not a known unit of " + metric.key() + "; not read");
      return null;
    }
    return f.getAsDouble();
  }

  private static void put(
      Metrics.Builder m, Metric metric, Distribution.Builder b, String at, ReadContext issues) {
    if (b.isEmpty()) {
      return;
    }
    if (m.has(metric)) {
      issues.warning(at, metric.key() + " is given twice; kept the first");
      return;
    }
    m.put(MetricValue.measured(metric, b.build()));
  }
}
