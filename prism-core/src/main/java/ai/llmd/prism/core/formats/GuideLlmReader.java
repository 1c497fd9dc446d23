package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads GuideLLM reports (formats.md §4.2), JSON or YAML, in all three generations: before v0.4
 * (only {@code benchmarks}), schema v1 ({@code metadata.version: 1} with {@code args}) and schema
 * v2 ({@code metadata.version: 2} with {@code config}). Each element of {@code benchmarks[]} is one
 * point, its index the stage.
 *
 * <p>Units are mixed and fixed by the format: {@code *_ms} metrics are ms (ms/token for the
 * per-token ones), {@code request_latency} is seconds, rates are per second. Only the {@code
 * successful} population is read; one with {@code count: 0} holds placeholder zeros and is skipped.
 * Latency and length distributions keep every statistic present ({@code p001} is p0.1, {@code p999}
 * p99.9); pre-v0.4 percentiles lack {@code p50}, so the median is used and nothing is invented. The
 * throughput "distributions" describe rates over time, so only their mean (the benchmark's rate) is
 * kept. GuideLLM's TPOT divides {@code e2e − ttft} by all output tokens and its ITL by all but the
 * first; both are kept under their own names (TPOT and ITL).
 *
 * <p>Load: {@code constant}, {@code poisson}, {@code async} strategies give the target rate; {@code
 * concurrent} gives concurrency {@code streams}; {@code throughput} gives {@code max_concurrency}
 * (else {@code worker_count}); {@code synchronous} gives concurrency 1.
 */
public final class GuideLlmReader implements FormatReader {

  static final String ID = "guidellm";

  private static final double MS = Unit.MILLISECONDS.factorFrom("ms").getAsDouble();
  private static final double MS_PER_TOKEN =
      Unit.MILLISECONDS_PER_TOKEN.factorFrom("ms/token").getAsDouble();
  private static final double S_TO_MS = Unit.MILLISECONDS.factorFrom("s").getAsDouble();

  private static final byte[] MARK = Bytes.ascii("generative_benchmark");

  static final JsonFields.StatKeys KEYS =
      new JsonFields.StatKeys() {
        @Override
        public Statistic statistic(String key) {
          return switch (key) {
            case "mean" -> Statistic.MEAN;
            case "median" -> Statistic.P50;
            case "std_dev" -> Statistic.STDDEV;
            case "min" -> Statistic.MIN;
            case "max" -> Statistic.MAX;
            default -> null;
          };
        }

        @Override
        public boolean ignored(String key) {
          return switch (key) {
            case "mode",
                "variance",
                "count",
                "total_sum",
                "percentiles",
                "pdf",
                "cumulative_distribution_function" ->
                true;
            default -> false;
          };
        }
      };

  static final JsonFields.StatKeys PERCENTILES =
      new JsonFields.StatKeys() {
        @Override
        public Statistic statistic(String key) {
          return switch (key) {
            case "p001" -> Statistic.P0_1;
            case "p01" -> Statistic.P1;
            case "p05" -> Statistic.P5;
            case "p10" -> Statistic.P10;
            case "p25" -> Statistic.P25;
            case "p50" -> Statistic.P50;
            case "p75" -> Statistic.P75;
            case "p90" -> Statistic.P90;
            case "p95" -> Statistic.P95;
            case "p99" -> Statistic.P99;
            case "p999" -> Statistic.P99_9;
            default -> null;
          };
        }

        @Override
        public boolean ignored(String key) {
          return false;
        }
      };

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
    return "GuideLLM benchmark reports (pre-v0.4, schema v1 and v2; JSON or YAML)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if (!"[]".equals(top.get("benchmarks"))) {
      return Detection.NO;
    }
    return Bytes.contains(sniff.head(), MARK) ? Detection.CERTAIN : Detection.POSSIBLE;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext issues = ReadContext.of(file, sink);
    JsonNode root = InferencePerfReader.parse(file, issues);
    if (root == null) {
      return;
    }
    JsonNode benchmarks = root.get("benchmarks");
    if (benchmarks == null || !benchmarks.isArray()) {
      issues.error(
          "/benchmarks",
          benchmarks == null
              ? "missing: not a GuideLLM report"
              : "expected an array, found " + JsonFields.describe(benchmarks));
      return;
    }
    JsonNode meta = JsonFields.object(root, "metadata");
    String version = JsonFields.text(meta, "version");
    String schema =
        "2".equals(version) ? "v2" : "1".equals(version) || root.has("args") ? "v1" : "pre-v0.4";
    if (version != null && !version.equals("1") && !version.equals("2")) {
      issues.warning("/metadata/version", "unknown report schema " + version + "; read as v2");
      schema = "v2";
    }
    Run run = new Run(root, schema, JsonFields.text(meta, "guidellm_version"));
    if (benchmarks.isEmpty()) {
      issues.warning("/benchmarks", "empty: the report holds no benchmark");
    }
    for (int i = 0; i < benchmarks.size(); i++) {
      JsonNode b = benchmarks.get(i);
      String p = "/benchmarks/" + i;
      if (b == null || !b.isObject()) {
        issues.error(p, "expected an object, found " + JsonFields.describe(b) + "; not read");
        continue;
      }
      String type = JsonFields.text(b, "type_");
      if (type != null && !type.equals("generative_benchmark")) {
        issues.error(p + "/type_", "'" + type + "' is not a generative benchmark; not read");
        continue;
      }
      JsonNode metrics = b.get("metrics");
      if (metrics == null || !metrics.isObject()) {
        issues.error(p + "/metrics", "missing or not an object; benchmark not read");
        continue;
      }
      int index = i;
      issues.row(p, () -> sink.point(point(file, run, b, metrics, index, p, issues)));
    }
  }

  /** What the whole report says, shared by its benchmarks. */
  private record Run(JsonNode root, String schema, String version) {}

  private BenchmarkPoint point(
      SourceFile file,
      Run run,
      JsonNode b,
      JsonNode metrics,
      int index,
      String p,
      ReadContext issues) {
    String mp = p + "/metrics";
    Metrics.Builder m = Metrics.builder();
    JsonFields.measured(m, Metric.TTFT, dist(metrics, "time_to_first_token_ms", mp, MS, issues));
    JsonFields.measured(
        m, Metric.TPOT, dist(metrics, "time_per_output_token_ms", mp, MS_PER_TOKEN, issues));
    JsonFields.measured(
        m, Metric.ITL, dist(metrics, "inter_token_latency_ms", mp, MS_PER_TOKEN, issues));
    JsonFields.measured(
        m, Metric.E2E_LATENCY, dist(metrics, "request_latency", mp, S_TO_MS, issues));
    JsonFields.measured(
        m, Metric.OUTPUT_THROUGHPUT, mean(metrics, "output_tokens_per_second", mp, issues));
    JsonFields.measured(
        m, Metric.INPUT_THROUGHPUT, mean(metrics, "prompt_tokens_per_second", mp, issues));
    JsonFields.measured(m, Metric.TOTAL_THROUGHPUT, mean(metrics, "tokens_per_second", mp, issues));
    JsonFields.measured(m, Metric.REQUEST_RATE, mean(metrics, "requests_per_second", mp, issues));

    JsonNode totals = JsonFields.object(metrics, "request_totals", mp, issues);
    String tp = mp + "/request_totals";
    if (totals == null) {
      totals = JsonFields.object(b, "request_totals", p, issues); // pre-v0.4
      tp = p + "/request_totals";
    }
    JsonFields.measured(m, Metric.REQUESTS_TOTAL, JsonFields.count(totals, "total", tp, issues));
    JsonFields.measured(
        m, Metric.REQUESTS_SUCCEEDED, JsonFields.count(totals, "successful", tp, issues));
    JsonFields.measured(m, Metric.REQUESTS_FAILED, JsonFields.count(totals, "errored", tp, issues));
    JsonFields.measured(
        m, Metric.REQUESTS_INCOMPLETE, JsonFields.count(totals, "incomplete", tp, issues));
    JsonFields.measured(m, Metric.DURATION, JsonFields.number(b, "duration", p, issues));

    Distribution in = dist(metrics, "prompt_token_count", mp, 1, issues);
    Distribution out = dist(metrics, "output_token_count", mp, 1, issues);

    Map<String, String> labels = new TreeMap<>();
    JsonNode root = run.root();
    JsonNode cfg = JsonFields.object(b, "config");
    JsonNode args = JsonFields.object(b, "args");
    JsonNode spec = JsonFields.object(JsonFields.object(root, "config"), "spec");
    JsonNode rootArgs = JsonFields.object(root, "args");

    String model = JsonFields.text(JsonFields.object(cfg, "backend"), "model");
    if (model == null) {
      model = JsonFields.text(JsonFields.object(spec, "backend"), "model");
    }
    if (model == null) {
      model = JsonFields.text(rootArgs, "model");
    }
    if (model == null) {
      model = JsonFields.text(JsonFields.object(b, "worker"), "backend_model");
    }
    if (model == null) {
      issues.warning(p, "no model name in the benchmark or the report; the model is unknown");
    }

    String dataset = null;
    JsonNode data = spec == null ? null : spec.get("data");
    if (data != null && data.isArray() && !data.isEmpty() && data.get(0).isObject()) {
      JsonNode d0 = data.get(0);
      dataset = JsonFields.text(d0, "kind");
      putLength(labels, "configured_input_tokens", d0.get("prompt_tokens"));
      putLength(labels, "configured_output_tokens", d0.get("output_tokens"));
    }
    String dataText = JsonFields.text(JsonFields.object(b, "request_loader"), "data");
    if (dataText == null && rootArgs != null && rootArgs.get("data") != null) {
      JsonNode ad = rootArgs.get("data");
      dataText =
          ad.isArray() && !ad.isEmpty() ? ad.get(0).asText() : JsonFields.text(rootArgs, "data");
    }
    if (dataText != null) {
      labels.put("data", dataText);
      // "prompt_tokens=256,output_tokens=128": the synthetic-data settings
      for (String part : dataText.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2 && kv[0].strip().equals("prompt_tokens")) {
          labels.put("configured_input_tokens", kv[1].strip());
        } else if (kv.length == 2 && kv[0].strip().equals("output_tokens")) {
          labels.put("configured_output_tokens", kv[1].strip());
        }
      }
    }

    JsonNode strategy = JsonFields.object(cfg, "strategy", p + "/config", issues);
    String sp = p + "/config/strategy";
    if (strategy == null) {
      strategy = JsonFields.object(args, "strategy", p + "/args", issues);
      sp = p + "/args/strategy";
    }
    Double rate = null;
    Double concurrency = null;
    String kind = JsonFields.text(strategy, "type_");
    if (kind != null) {
      labels.put("strategy", kind);
      switch (kind) {
        case "constant", "poisson", "async" ->
            rate = positive(JsonFields.number(strategy, "rate", sp, issues), sp + "/rate", issues);
        case "concurrent" ->
            concurrency =
                positive(
                    JsonFields.number(strategy, "streams", sp, issues), sp + "/streams", issues);
        case "throughput" -> {
          concurrency = JsonFields.number(strategy, "max_concurrency", sp, issues);
          if (concurrency == null) {
            concurrency = JsonFields.number(strategy, "worker_count", sp, issues);
          }
          concurrency = positive(concurrency, sp, issues);
        }
        case "synchronous" -> concurrency = 1.0;
        default -> issues.info(sp + "/type_", "strategy '" + kind + "' gives no load level");
      }
    }
    String runId = JsonFields.text(cfg, "run_id");
    labels.put("run_id", runId != null ? runId : nonNull(JsonFields.text(b, "run_id")));
    String id = JsonFields.text(cfg, "id_");
    labels.put("benchmark_id", id != null ? id : nonNull(JsonFields.text(b, "id_")));
    labels.values().removeIf(String::isEmpty);

    Workload w = new Workload(in, out, dataset, ID, run.version(), rate, concurrency, index);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(model == null ? "" : model), Deployment.unknown(), w),
        m.build(),
        List.of(),
        labels,
        new Provenance(file.uri(), ID, run.schema(), p));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static void putLength(Map<String, String> labels, String label, JsonNode n) {
    if (n != null && n.isNumber() && n.doubleValue() >= 0) {
      labels.put(label, n.asText());
    }
  }

  private static Double positive(Double v, String pointer, ReadContext issues) {
    if (v != null && v == 0) {
      issues.error(pointer, "must be positive, was 0; not read");
      return null;
    }
    return v;
  }

  /** The successful population of a StatusDistributionSummary, or null when empty or absent. */
  private static JsonNode successful(JsonNode metrics, String name, String mp, ReadContext issues) {
    JsonNode sds = metrics.get(name);
    if (sds == null || sds.isNull()) {
      return null;
    }
    String p = JsonFields.at(mp, name);
    if (!sds.isObject()) {
      issues.error(p, "expected an object, found " + JsonFields.describe(sds) + "; not read");
      return null;
    }
    JsonNode s = sds.get("successful");
    if (s == null || s.isNull()) {
      return null;
    }
    if (!s.isObject()) {
      issues.error(p + "/successful", "expected an object, found " + JsonFields.describe(s));
      return null;
    }
    JsonNode count = s.get("count");
    if (count != null && count.isNumber() && count.doubleValue() == 0) {
      return null;
    }
    return s;
  }

  private static Distribution dist(
      JsonNode metrics, String name, String mp, double factor, ReadContext issues) {
    JsonNode s = successful(metrics, name, mp, issues);
    if (s == null) {
      return null;
    }
    String p = JsonFields.at(mp, name) + "/successful";
    Distribution.Builder b = Distribution.builder();
    // percentiles first: where both exist, p50 and median are the same number
    JsonNode pct = s.get("percentiles");
    if (pct != null && pct.isObject()) {
      JsonFields.collect(pct, p + "/percentiles", factor, PERCENTILES, issues, b);
    } else if (pct != null && !pct.isNull()) {
      issues.error(p + "/percentiles", "expected an object, found " + JsonFields.describe(pct));
    }
    JsonFields.collect(s, p, factor, KEYS, issues, b);
    return b.isEmpty() ? null : b.build();
  }

  private static Double mean(JsonNode metrics, String name, String mp, ReadContext issues) {
    JsonNode s = successful(metrics, name, mp, issues);
    return s == null
        ? null
        : JsonFields.number(s, "mean", JsonFields.at(mp, name) + "/successful", issues);
  }
}
