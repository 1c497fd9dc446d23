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
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the results of SGLang's {@code python -m sglang.bench_serving}: JSON Lines, one result
 * object per run appended to the output file, or a single object. Each object is one point.
 *
 * <p>Every {@code mean_/median_/std_/p<q>_/max_<m>_ms} key is kept for TTFT, TPOT, ITL and E2E
 * ({@code e2e_latency}), declared in ms by the key. {@code request_throughput} (req/s) and {@code
 * input_/output_/total_throughput} (tokens/s) are in the units the tool prints for them. The
 * measured input and output lengths are the means {@code total_input_tokens / completed} and {@code
 * total_output_tokens / completed}, the only lengths the file holds. {@code request_rate} may be
 * {@code Infinity} (Python's spelling, unlimited) or {@code "trace"} (timestamps from a trace: no
 * target rate). The model comes from {@code server_info.model_path}; speculative-decoding and
 * parallelism settings of {@code server_info}, and every other top-level scalar ({@code backend},
 * {@code dataset_name}, {@code accept_length}, the measured {@code concurrency} …) become labels.
 */
public final class SglangBenchReader implements FormatReader {

  static final String ID = "sglang-bench";

  private static final Pattern STAT_KEY =
      Pattern.compile("^(mean|median|std|max|min|p(\\d+(?:\\.\\d+)?))_([a-z0-9_]+?)_ms$");

  private static final Map<String, Metric> METRICS =
      Map.of(
          "ttft",
          Metric.TTFT,
          "tpot",
          Metric.TPOT,
          "itl",
          Metric.ITL,
          "e2e_latency",
          Metric.E2E_LATENCY);

  /** Keys read into metrics or the workload, or deliberately not labels. */
  private static final Set<String> KNOWN =
      Set.of(
          "request_rate",
          "max_concurrency",
          "duration",
          "completed",
          "total_input_tokens",
          "total_output_tokens",
          "request_throughput",
          "input_throughput",
          "output_throughput",
          "total_throughput",
          "server_info");

  /** Per-request arrays written with {@code --output-details}. */
  private static final Set<String> DETAILS =
      Set.of("input_lens", "output_lens", "ttfts", "itls", "generated_texts", "errors");

  /** {@code server_info} members kept as labels: parallelism and speculative decoding. */
  private static final Pattern SERVER_LABEL =
      Pattern.compile(
          "^(speculative_[a-z0-9_]+|tp_size|dp_size|pp_size|ep_size|disaggregation_mode|version"
              + "|served_model_name|quantization|kv_cache_dtype|attention_backend)$");

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
    return "SGLang bench_serving result JSON Lines";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if (top.containsKey("model_id") || !top.containsKey("backend")) {
      return Detection.NO; // model_id is vLLM's bench serve
    }
    boolean latency = top.containsKey("mean_e2e_latency_ms") || top.containsKey("mean_ttft_ms");
    boolean throughput =
        top.containsKey("request_throughput") || top.containsKey("output_throughput");
    if (latency && throughput && (top.containsKey("completed") || top.containsKey("duration"))) {
      return Detection.CERTAIN;
    }
    return latency && throughput ? Detection.POSSIBLE : Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    Issues issues = new Issues(sink, file.name());
    List<JsonNode> records = new ArrayList<>();
    boolean broken = true;
    try (MappingIterator<JsonNode> it =
        Trees.JSON.readerFor(JsonNode.class).readValues(file.bytes())) {
      while (it.hasNextValue()) {
        records.add(it.nextValue());
      }
      broken = false;
    } catch (JsonProcessingException e) {
      Values.parseError(issues, e); // keep the lines read before the fault
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException jpe) {
        Values.parseError(issues, jpe);
      } else {
        throw e;
      }
    }
    for (int i = 0; i < records.size(); i++) {
      String loc = records.size() == 1 ? "" : "record " + (i + 1);
      JsonNode r = records.get(i);
      if (!r.isObject()) {
        issues.error(loc, "expected a JSON object, found " + Values.describe(r) + "; not read");
        continue;
      }
      sink.point(point(file, r, loc, issues));
    }
    if (records.isEmpty() && !broken) {
      issues.error("", "no result object in the file");
    }
  }

  private BenchmarkPoint point(SourceFile file, JsonNode r, String loc, Issues issues) {
    String p = loc.isEmpty() ? "" : loc + ":";
    Metrics.Builder m = Metrics.builder();
    Map<Metric, Distribution.Builder> dists = new EnumMap<>(Metric.class);
    Set<String> unmapped = new TreeSet<>();
    for (var e : r.properties()) {
      Matcher k = STAT_KEY.matcher(e.getKey());
      if (!k.matches()) {
        continue;
      }
      Metric metric = METRICS.get(k.group(3));
      if (metric == null) {
        unmapped.add(e.getKey());
        continue;
      }
      String ptr = p + Values.at("", e.getKey());
      Statistic s =
          switch (k.group(1)) {
            case "mean" -> Statistic.MEAN;
            case "median" -> Statistic.P50;
            case "std" -> Statistic.STDDEV;
            case "max" -> Statistic.MAX;
            case "min" -> Statistic.MIN;
            default -> Values.percentile(Double.parseDouble(k.group(2)));
          };
      if (s == null) {
        issues.info(ptr, "percentile " + k.group(2) + " has no canonical statistic; not kept");
        continue;
      }
      if (e.getValue().isNull()) {
        continue;
      }
      Double v = Values.check(e.getValue(), ptr, issues);
      if (v != null) {
        // ms, and ms per token for TPOT and ITL: the same factor of one
        Values.put(dists.computeIfAbsent(metric, x -> Distribution.builder()), s, v, ptr, issues);
      }
    }
    for (var e : dists.entrySet()) {
      if (!e.getValue().isEmpty()) {
        m.put(MetricValue.measured(e.getKey(), e.getValue().build()));
      }
    }
    if (!unmapped.isEmpty()) {
      issues.info(loc, "latencies without a canonical metric, not kept: " + unmapped);
    }

    Values.measured(m, Metric.REQUEST_RATE, Values.number(r, "request_throughput", p, issues));
    Values.measured(m, Metric.INPUT_THROUGHPUT, Values.number(r, "input_throughput", p, issues));
    Values.measured(m, Metric.OUTPUT_THROUGHPUT, Values.number(r, "output_throughput", p, issues));
    Values.measured(m, Metric.TOTAL_THROUGHPUT, Values.number(r, "total_throughput", p, issues));
    Values.measured(m, Metric.DURATION, Values.number(r, "duration", p, issues));
    Double completed = Values.count(r, "completed", p, issues);
    Values.measured(m, Metric.REQUESTS_SUCCEEDED, completed);

    Distribution in = null;
    Distribution out = null;
    if (completed != null && completed > 0) {
      Double ti = Values.count(r, "total_input_tokens", p, issues);
      Double to = Values.count(r, "total_output_tokens", p, issues);
      in = ti == null ? null : Distribution.ofMean(ti / completed);
      out = to == null ? null : Distribution.ofMean(to / completed);
    }

    Map<String, String> labels = new TreeMap<>();
    Double rate = null;
    JsonNode rr = r.get("request_rate");
    if (rr != null && !rr.isNull()) {
      if (rr.isNumber() && rr.doubleValue() == Double.POSITIVE_INFINITY
          || rr.isTextual() && rr.asText().strip().equalsIgnoreCase("inf")) {
        rate = Double.POSITIVE_INFINITY;
      } else if (rr.isTextual() && rr.asText().strip().equalsIgnoreCase("trace")) {
        labels.put("request_rate", "trace");
      } else {
        rate = Values.check(rr, p + "/request_rate", issues);
        if (rate != null && rate == 0) {
          issues.error(p + "/request_rate", "must be positive, was 0; not read");
          rate = null;
        }
      }
    }
    Double concurrency = Values.count(r, "max_concurrency", p, issues);
    if (concurrency != null && concurrency == 0) {
      issues.error(p + "/max_concurrency", "must be positive, was 0; not read");
      concurrency = null;
    }

    boolean details = false;
    for (var e : r.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (DETAILS.contains(key)) {
        details = true;
        continue;
      }
      if (KNOWN.contains(key)
          || STAT_KEY.matcher(key).matches()
          || v.isContainerNode()
          || v.isNull()) {
        continue;
      }
      labels.put(key, v.asText());
    }
    if (details) {
      issues.info(loc, "per-request details (--output-details) are not read; the summary is");
    }
    String model = null;
    JsonNode server = Values.object(r, "server_info", p, issues);
    if (server != null) {
      model = Values.text(server, "model_path");
      for (var e : server.properties()) {
        JsonNode v = e.getValue();
        if (SERVER_LABEL.matcher(e.getKey()).matches() && v.isValueNode() && !v.isNull()) {
          labels.put("server_info." + e.getKey(), v.asText());
        }
      }
    }
    if (model == null) {
      issues.warning(p + "/server_info", "no model_path: the model is unknown");
    }
    Workload w =
        new Workload(in, out, Values.text(r, "dataset_name"), ID, null, rate, concurrency, null);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(model == null ? "" : model), Deployment.unknown(), w),
        m.build(),
        List.of(),
        labels,
        new Provenance(file.uri(), ID, null, loc));
  }
}
