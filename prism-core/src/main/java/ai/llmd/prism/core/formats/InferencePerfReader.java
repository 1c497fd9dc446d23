package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON (or YAML) reports of kubernetes-sigs/inference-perf (formats.md §3): lifecycle
 * reports in the old ({@code prompt_len}) and current ({@code prompt_tokens}, {@code
 * benchmark_time_seconds}) shapes, and Prometheus reports. Latencies are declared in seconds and
 * per-token latencies in seconds per token; they become ms and ms/token. Every statistic present is
 * kept.
 *
 * <p>So that a results directory becomes one run with one point per stage:
 *
 * <ul>
 *   <li>{@code stage_N_lifecycle_metrics.json} (and {@code adapter_<lora>_stage_N_…}) gives one
 *       point with stage index N, taken from the file name;
 *   <li>{@code summary_lifecycle_metrics.json} and {@code adapter_<lora>_lifecycle_metrics.json}
 *       pool all stages: they give nothing (an INFO says so) when {@code
 *       stage_0_lifecycle_metrics.json} sits beside them, and one point without a stage index
 *       otherwise (e.g. a summary read on its own);
 *   <li>a Prometheus report ({@code load_summary: {}}) is merged: its KV-cache usage and
 *       prefix-cache hit rate are added to the point of the lifecycle report with the same prefix
 *       ({@code stage_N_…}, {@code summary_…}), and the Prometheus file itself gives nothing
 *       (INFO). Without such a lifecycle report beside it, it gives a point of its own holding
 *       those two metrics. Its other, server-side latencies are not mixed into the client's.
 * </ul>
 *
 * <p>A {@code config.yaml} beside the report, or up to two directories above it (the layout of the
 * inference-perf demos), supplies the model name, the engine ({@code server.type}), the dataset,
 * each stage's configured rate or concurrency and the configured input and output lengths. Measured
 * lengths win over configured ones, which are then kept as labels. The harness is always {@code
 * inference-perf}.
 */
public final class InferencePerfReader implements FormatReader {

  static final String ID = "inference-perf";

  private static final Pattern NAME =
      Pattern.compile(
          "^(?:adapter_(.+?)_)?(?:stage_(\\d{1,9})_|(summary)_)?(lifecycle|prometheus)_metrics\\.[A-Za-z]+$");

  private static final byte[] LOAD_SUMMARY = Bytes.ascii("\"load_summary\"");
  private static final byte[] SUCCESSES = Bytes.ascii("\"successes\"");

  private static final double S_TO_MS = Unit.MILLISECONDS.factorFrom("s").getAsDouble();
  private static final double S_PER_TOKEN_TO_MS =
      Unit.MILLISECONDS_PER_TOKEN.factorFrom("s/token").getAsDouble();
  private static final double FRACTION_TO_PERCENT =
      Unit.PERCENT.factorFrom("fraction").getAsDouble();

  /** inference-perf's summarize() keys: mean, min, max, median (p50 before Aug 2025), p0.1 … */
  static final JsonFields.StatKeys KEYS =
      new JsonFields.StatKeys() {
        @Override
        public Statistic statistic(String key) {
          return switch (key) {
            case "mean" -> Statistic.MEAN;
            case "min" -> Statistic.MIN;
            case "max" -> Statistic.MAX;
            case "median" -> Statistic.P50;
            case "std", "std_dev", "stddev" -> Statistic.STDDEV;
            default -> JsonFields.pKey(key);
          };
        }

        @Override
        public boolean ignored(String key) {
          // token objects carry totals; Prometheus lengths carry a rate
          return key.equals("total")
              || key.equals("cached")
              || key.equals("uncached")
              || key.equals("rate")
              || key.equals("count");
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
    return "inference-perf lifecycle and Prometheus reports (stage_N_/summary_*_metrics.json)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if ("{}".equals(top.get("load_summary"))
        && "{}".equals(top.get("successes"))
        && top.containsKey("failures")) {
      return Detection.CERTAIN;
    }
    if (NAME.matcher(sniff.fileName()).matches()
        && (top.containsKey("load_summary") || top.containsKey("successes"))) {
      return Detection.POSSIBLE;
    }
    // a head the sniffer could not parse through (a NaN token, a cut): look for the member names
    if (top.size() < 3
        && Bytes.contains(sniff.head(), LOAD_SUMMARY)
        && Bytes.contains(sniff.head(), SUCCESSES)) {
      return Detection.POSSIBLE;
    }
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext issues = ReadContext.of(file, sink);
    JsonNode root = parse(file, issues);
    if (root == null) {
      return;
    }
    String fileName = baseName(file.name());
    Matcher m = NAME.matcher(fileName);
    boolean named = m.matches();
    String adapter = named ? m.group(1) : null;
    Integer stage = named && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
    boolean pooled = named && stage == null;
    JsonNode ls = root.get("load_summary");
    boolean prometheus = ls != null && ls.isObject() && ls.isEmpty();

    if (prometheus) {
      readPrometheus(file, root, named, fileName, pooled, stage, adapter, issues, sink);
      return;
    }
    if (pooled && file.sibling("stage_0_lifecycle_metrics.json").isPresent()) {
      issues.info(
          "",
          "pools the stage reports beside it; not read as a point, so that the run has one point"
              + " per stage");
      return;
    }
    Metrics.Builder metrics = Metrics.builder();
    if (!lifecycle(root, issues, metrics)) {
      return;
    }
    if (named) {
      String promName = fileName.replace("lifecycle_metrics", "prometheus_metrics");
      Optional<SourceFile> prom = file.sibling(promName);
      if (prom.isPresent()) {
        ReadContext promIssues = ReadContext.of(prom.get(), issues);
        JsonNode promRoot = parse(prom.get(), promIssues);
        if (promRoot != null) {
          cacheMetrics(JsonFields.object(promRoot, "successes"), promIssues, metrics);
        }
      }
    }
    sink.point(point(file, root, stage, adapter, pooled, metrics, issues, false));
  }

  private void readPrometheus(
      SourceFile file,
      JsonNode root,
      boolean named,
      String fileName,
      boolean pooled,
      Integer stage,
      String adapter,
      ReadContext issues,
      ReadSink sink) {
    if (named) {
      String lifecycle = fileName.replace("prometheus_metrics", "lifecycle_metrics");
      if (file.sibling(lifecycle).isPresent()) {
        if (pooled && file.sibling("stage_0_lifecycle_metrics.json").isPresent()) {
          issues.info("", "pools the stages beside it; not read as a point");
        } else {
          issues.info("", "server-side metrics merged into the point of " + lifecycle);
        }
        return;
      }
      if (pooled && file.sibling("stage_0_prometheus_metrics.json").isPresent()) {
        issues.info("", "pools the stages beside it; not read as a point");
        return;
      }
    }
    Metrics.Builder metrics = Metrics.builder();
    cacheMetrics(JsonFields.object(root, "successes"), issues, metrics);
    if (!metrics.has(Metric.KV_CACHE_USAGE) && !metrics.has(Metric.PREFIX_CACHE_HIT_RATE)) {
      issues.warning(
          "/successes",
          "a Prometheus report without a lifecycle report beside it and without KV-cache or"
              + " prefix-cache metrics; nothing to read");
      return;
    }
    issues.info(
        "",
        "no lifecycle report beside this Prometheus report: read as a point holding only its"
            + " cache metrics");
    sink.point(point(file, root, stage, adapter, pooled, metrics, issues, true));
  }

  /** Reads the client-side metrics; false when the report is unusable. */
  private static boolean lifecycle(JsonNode root, ReadContext issues, Metrics.Builder m) {
    JsonNode succ = root.get("successes");
    if (succ == null || !succ.isObject()) {
      issues.error(
          "/successes",
          succ == null
              ? "missing; not a lifecycle report that can be read"
              : "expected an object, found " + JsonFields.describe(succ) + "; not read");
      return false;
    }
    JsonNode ls = root.get("load_summary");
    if (ls != null && !ls.isObject()) {
      issues.error("/load_summary", "expected an object, found " + JsonFields.describe(ls));
      ls = null;
    }
    JsonNode lat = JsonFields.object(succ, "latency", "/successes", issues);
    String lp = "/successes/latency";
    put(m, Metric.TTFT, lat, "time_to_first_token", lp, S_TO_MS, issues);
    put(m, Metric.TPOT, lat, "time_per_output_token", lp, S_PER_TOKEN_TO_MS, issues);
    put(m, Metric.ITL, lat, "inter_token_latency", lp, S_PER_TOKEN_TO_MS, issues);
    put(m, Metric.NTPOT, lat, "normalized_time_per_output_token", lp, S_PER_TOKEN_TO_MS, issues);
    put(m, Metric.E2E_LATENCY, lat, "request_latency", lp, S_TO_MS, issues);

    JsonNode tp = JsonFields.object(succ, "throughput", "/successes", issues);
    String tpp = "/successes/throughput";
    JsonFields.measured(
        m, Metric.OUTPUT_THROUGHPUT, JsonFields.number(tp, "output_tokens_per_sec", tpp, issues));
    JsonFields.measured(
        m, Metric.INPUT_THROUGHPUT, JsonFields.number(tp, "input_tokens_per_sec", tpp, issues));
    JsonFields.measured(
        m, Metric.TOTAL_THROUGHPUT, JsonFields.number(tp, "total_tokens_per_sec", tpp, issues));
    JsonFields.measured(
        m, Metric.REQUEST_RATE, JsonFields.number(tp, "requests_per_sec", tpp, issues));

    JsonNode good = JsonFields.object(succ, "goodput_metrics", "/successes", issues);
    String gp = "/successes/goodput_metrics";
    JsonFields.measured(
        m, Metric.REQUEST_GOODPUT, JsonFields.number(good, "request_goodput", gp, issues));
    JsonFields.measured(
        m, Metric.TOKEN_GOODPUT, JsonFields.number(good, "token_goodput", gp, issues));

    JsonFields.measured(
        m, Metric.REQUESTS_TOTAL, JsonFields.count(ls, "count", "/load_summary", issues));
    JsonFields.measured(
        m, Metric.REQUESTS_SUCCEEDED, JsonFields.count(succ, "count", "/successes", issues));
    JsonNode fail = root.get("failures");
    if (fail != null && fail.isObject()) {
      JsonFields.measured(
          m, Metric.REQUESTS_FAILED, JsonFields.count(fail, "count", "/failures", issues));
    } else if (fail != null && !fail.isNull()) {
      issues.error("/failures", "expected an object, found " + JsonFields.describe(fail));
    }

    Double duration = JsonFields.number(root, "benchmark_time_seconds", "", issues);
    if (duration != null) {
      m.put(MetricValue.measured(Metric.DURATION, duration));
    } else {
      Double send = JsonFields.number(ls, "send_duration", "/load_summary", issues);
      if (send != null) {
        // older reports only state the window in which requests were sent
        m.put(
            MetricValue.derived(
                Metric.DURATION, Distribution.ofMean(send), "load_summary.send_duration"));
      }
    }
    return true;
  }

  /** KV-cache usage (a 0–1 gauge, made a percentage) and prefix-cache hits (already 0–100). */
  private static void cacheMetrics(JsonNode succ, ReadContext issues, Metrics.Builder m) {
    if (succ == null) {
      return;
    }
    Distribution kv =
        JsonFields.distribution(
            succ, "kv_cache_usage_percentage", "/successes", FRACTION_TO_PERCENT, KEYS, issues);
    if (kv != null && kv.get(Statistic.MAX).orElse(kv.mean().orElse(0)) > 100) {
      issues.warning(
          "/successes/kv_cache_usage_percentage",
          "above 1, though vllm:kv_cache_usage_perc is a fraction; kept as read");
    }
    JsonFields.measured(m, Metric.KV_CACHE_USAGE, kv);
    JsonFields.measured(
        m,
        Metric.PREFIX_CACHE_HIT_RATE,
        JsonFields.distribution(succ, "prefix_cache_hit_percent", "/successes", 1, KEYS, issues));
  }

  private static void put(
      Metrics.Builder m,
      Metric metric,
      JsonNode parent,
      String field,
      String pointer,
      double factor,
      ReadContext issues) {
    JsonFields.measured(
        m, metric, JsonFields.distribution(parent, field, pointer, factor, KEYS, issues));
  }

  private BenchmarkPoint point(
      SourceFile file,
      JsonNode root,
      Integer stage,
      String adapter,
      boolean pooled,
      Metrics.Builder metrics,
      ReadContext issues,
      boolean prometheusOnly) {
    InferencePerfConfig config = InferencePerfConfig.near(file).orElse(null);
    Map<String, String> labels = new TreeMap<>();
    if (config != null) {
      labels.put("config", config.source());
      for (InferencePerfConfig.Note n : config.problems()) {
        issues.problem(Problem.warning(config.source(), n.location(), n.message()));
      }
      if (config.loadType() != null) {
        labels.put("load_type", config.loadType());
      }
    }
    if (adapter != null) {
      labels.put("lora_adapter", adapter);
    }
    if (pooled) {
      labels.put("scope", "all stages");
    }
    JsonNode succ = JsonFields.object(root, "successes");
    JsonNode ls = JsonFields.object(root, "load_summary");
    Distribution in = null;
    Distribution out = null;
    String shape = null;
    if (!prometheusOnly) {
      in = JsonFields.distribution(succ, "prompt_tokens", "/successes", 1, KEYS, issues);
      shape = succ != null && succ.has("prompt_tokens") ? "prompt_tokens" : "prompt_len";
      if (in == null) {
        in = JsonFields.distribution(succ, "prompt_len", "/successes", 1, KEYS, issues);
      }
      out = JsonFields.distribution(succ, "output_tokens", "/successes", 1, KEYS, issues);
      if (out == null) {
        out = JsonFields.distribution(succ, "output_len", "/successes", 1, KEYS, issues);
      }
    }
    if (config != null) {
      in = configured(in, config.inputLength(), "configured_input_tokens", labels);
      out = configured(out, config.outputLength(), "configured_output_tokens", labels);
    }

    // Concurrent stages write num_requests into requested_rate: it is not a rate then.
    Double concurrency =
        ls == null ? null : JsonFields.number(ls, "concurrency", "/load_summary", issues);
    boolean concurrent =
        concurrency != null || (config != null && "concurrent".equals(config.loadType()));
    Double rate =
        ls == null || concurrent
            ? null
            : positive(JsonFields.number(ls, "requested_rate", "/load_summary", issues));
    InferencePerfConfig.Stage configured = config == null ? null : config.stage(stage);
    if (configured != null) {
      if (rate == null && !concurrent) {
        rate = configured.rate();
      }
      if (concurrency == null) {
        concurrency = configured.concurrency();
      }
    }
    Double achieved =
        ls == null ? null : JsonFields.number(ls, "achieved_rate", "/load_summary", issues);
    if (achieved != null) {
      labels.put("achieved_send_rate", Double.toString(achieved));
    }

    String modelName = config == null ? null : config.model();
    if (modelName == null) {
      issues.info("", "no model name: no inference-perf config.yaml beside or above the report");
    }
    Deployment deployment =
        config == null || config.engine() == null
            ? Deployment.unknown()
            : new Deployment(null, null, config.engine(), null, null, List.of(), List.of(), null);
    Workload workload =
        new Workload(
            in,
            out,
            config == null ? null : config.dataset(),
            ID,
            null,
            rate,
            positive(concurrency),
            stage);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(modelName == null ? "" : modelName), deployment, workload),
        metrics.build(),
        List.of(),
        labels,
        new Provenance(
            file.uri(),
            ID,
            prometheusOnly ? "prometheus" : shape,
            stage == null ? "" : "stage " + stage));
  }

  private static Distribution configured(
      Distribution measured, Distribution configured, String label, Map<String, String> labels) {
    if (configured == null) {
      return measured;
    }
    if (measured == null) {
      return configured;
    }
    configured.mean().ifPresent(v -> labels.put(label, trim(v)));
    return measured;
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static Double positive(Double v) {
    return v == null || v <= 0 ? null : v;
  }

  static JsonNode parse(SourceFile file, ReadContext issues) throws IOException {
    JsonNode root;
    try {
      root = Trees.parse(file.bytes());
    } catch (IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        JsonFields.parseError(issues, e);
      } else {
        // e.g. a sibling metrics file over LoadOptions.maxFileBytes: a problem for that file, and
        // the report that pulled it in still loads
        issues.error("", "could not be read: " + e.getMessage());
      }
      return null;
    }
    if (root == null || !root.isObject()) {
      issues.error(
          "",
          "expected a JSON object at the top, found "
              + (root == null ? "nothing" : JsonFields.describe(root)));
      return null;
    }
    return root;
  }

  static String baseName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
