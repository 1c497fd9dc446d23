package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
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
import java.util.Set;
import java.util.TreeMap;
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
    ReadContext issues = ReadContext.of(file, sink);
    ServingResults.read(file, sink, issues, (r, p) -> point(file, r, p, issues));
  }

  private BenchmarkPoint point(SourceFile file, JsonNode r, String p, ReadContext issues) {
    Metrics.Builder m = Metrics.builder();
    // the keys declare ms, and ms per token for TPOT and ITL
    ServingResults.latencies(r, p, STAT_KEY, METRICS, issues, m);
    JsonFields.measured(
        m, Metric.REQUEST_RATE, JsonFields.number(r, "request_throughput", p, issues));
    JsonFields.measured(
        m, Metric.INPUT_THROUGHPUT, JsonFields.number(r, "input_throughput", p, issues));
    JsonFields.measured(
        m, Metric.OUTPUT_THROUGHPUT, JsonFields.number(r, "output_throughput", p, issues));
    JsonFields.measured(
        m, Metric.TOTAL_THROUGHPUT, JsonFields.number(r, "total_throughput", p, issues));
    JsonFields.measured(m, Metric.DURATION, JsonFields.number(r, "duration", p, issues));
    Double completed = JsonFields.count(r, "completed", p, issues);
    JsonFields.measured(m, Metric.REQUESTS_SUCCEEDED, completed);
    ServingResults.Lengths lengths = ServingResults.meanLengths(r, completed, p, issues);
    Double rate = ServingResults.targetRate(r, p, issues);
    Double concurrency = ServingResults.maxConcurrency(r, p, issues);

    Map<String, String> labels = new TreeMap<>();
    ServingResults.scalarLabels(
        r, k -> KNOWN.contains(k) || DETAILS.contains(k) || STAT_KEY.matcher(k).matches(), labels);
    if (DETAILS.stream().anyMatch(r::has)) {
      issues.info(
          ServingResults.location(p),
          "per-request details (--output-details) are not read; the summary is");
    }
    String model = null;
    JsonNode server = JsonFields.object(r, "server_info", p, issues);
    if (server != null) {
      model = JsonFields.text(server, "model_path");
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
        new Workload(
            lengths.input(),
            lengths.output(),
            JsonFields.text(r, "dataset_name"),
            ID,
            null,
            rate,
            concurrency,
            null);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(model == null ? "" : model), Deployment.unknown(), w),
        m.build(),
        List.of(),
        labels,
        new Provenance(file.uri(), ID, null, ServingResults.location(p)));
  }
}
