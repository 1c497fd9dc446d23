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
 * Reads the result JSON of vLLM's {@code benchmark_serving.py} and {@code vllm bench serve
 * --save-result} (formats.md §4.1): one flat object per run, or several, one per line, when written
 * with {@code --append-result}. Each object is one point.
 *
 * <p>Every {@code mean_/median_/std_/p<q>_<m>_ms} key present is kept for TTFT, TPOT, ITL and E2E
 * ({@code e2el}); they are declared in ms. The measured input and output lengths are the means
 * {@code total_input_tokens / completed} and {@code total_output_tokens / completed}: the file
 * holds only those totals, so the workload lengths carry a mean and nothing else. Input throughput
 * is not in the file and is derived as {@code total_token_throughput − output_throughput}; failed
 * requests of old files, which lack {@code failed}, are derived as {@code num_prompts − completed}.
 * A {@code request_rate} of {@code "inf"} means unlimited. Other top-level strings (from {@code
 * --metadata KEY=VALUE}) become labels. The engine is not recorded by the tool, so it stays
 * unknown; the harness is {@code vllm-bench}.
 */
public final class VllmBenchReader implements FormatReader {

  static final String ID = "vllm-bench";

  /** The input-throughput rule. */
  static final String INPUT_RULE = "total_token_throughput − output_throughput";

  /** The failed-requests rule for files without {@code failed}. */
  static final String FAILED_RULE = "num_prompts − completed";

  private static final Pattern STAT_KEY =
      Pattern.compile("^(mean|median|std|p(\\d+(?:\\.\\d+)?))_([a-z0-9_]+)_ms$");

  private static final Map<String, Metric> METRICS =
      Map.of(
          "ttft", Metric.TTFT, "tpot", Metric.TPOT, "itl", Metric.ITL, "e2el", Metric.E2E_LATENCY);

  /** Keys whose meaning is known and that are read, or deliberately not labels. */
  private static final Set<String> KNOWN =
      Set.of(
          "model_id",
          "num_prompts",
          "request_rate",
          "max_concurrency",
          "duration",
          "completed",
          "failed",
          "total_input_tokens",
          "total_output_tokens",
          "request_throughput",
          "request_goodput",
          "request_goodput:",
          "output_throughput",
          "total_token_throughput");

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
    return "vLLM benchmark_serving.py / vllm bench serve --save-result JSON";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Map<String, String> top = sniff.topLevel();
    if (!top.containsKey("model_id")) {
      return Detection.NO;
    }
    boolean throughput =
        top.containsKey("request_throughput") || top.containsKey("output_throughput");
    boolean latency = top.containsKey("mean_ttft_ms") || top.containsKey("mean_e2el_ms");
    if (throughput && latency && (top.containsKey("date") || top.containsKey("completed"))) {
      return Detection.CERTAIN;
    }
    return throughput || latency ? Detection.POSSIBLE : Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    ReadContext issues = ReadContext.of(file, sink);
    ServingResults.read(file, sink, issues, (r, p) -> point(file, r, p, issues));
  }

  private BenchmarkPoint point(SourceFile file, JsonNode r, String p, ReadContext issues) {
    Metrics.Builder m = Metrics.builder();
    ServingResults.latencies(r, p, STAT_KEY, METRICS, issues, m);

    Double output = JsonFields.number(r, "output_throughput", p, issues);
    Double total = JsonFields.number(r, "total_token_throughput", p, issues);
    JsonFields.measured(m, Metric.OUTPUT_THROUGHPUT, output);
    JsonFields.measured(m, Metric.TOTAL_THROUGHPUT, total);
    if (output != null && total != null) {
      if (total >= output) {
        m.put(
            MetricValue.derived(
                Metric.INPUT_THROUGHPUT, Distribution.ofMean(total - output), INPUT_RULE));
      } else {
        issues.warning(
            p + "/total_token_throughput",
            "smaller than output_throughput; input throughput not derived");
      }
    }
    JsonFields.measured(
        m, Metric.REQUEST_RATE, JsonFields.number(r, "request_throughput", p, issues));
    Double goodput = JsonFields.number(r, "request_goodput", p, issues);
    if (goodput == null) {
      goodput = JsonFields.number(r, "request_goodput:", p, issues); // old files' spelling
    }
    JsonFields.measured(m, Metric.REQUEST_GOODPUT, goodput);
    JsonFields.measured(m, Metric.DURATION, JsonFields.number(r, "duration", p, issues));

    Double prompts = JsonFields.count(r, "num_prompts", p, issues);
    Double completed = JsonFields.count(r, "completed", p, issues);
    Double failed = JsonFields.count(r, "failed", p, issues);
    JsonFields.measured(m, Metric.REQUESTS_TOTAL, prompts);
    JsonFields.measured(m, Metric.REQUESTS_SUCCEEDED, completed);
    if (failed != null) {
      m.put(MetricValue.measured(Metric.REQUESTS_FAILED, failed));
    } else if (prompts != null && completed != null && prompts >= completed) {
      m.put(
          MetricValue.derived(
              Metric.REQUESTS_FAILED, Distribution.ofMean(prompts - completed), FAILED_RULE));
    }

    ServingResults.Lengths lengths = ServingResults.meanLengths(r, completed, p, issues);

    Double rate = ServingResults.targetRate(r, p, issues);
    Double concurrency = ServingResults.maxConcurrency(r, p, issues);

    Map<String, String> labels = new TreeMap<>();
    ServingResults.scalarLabels(r, k -> KNOWN.contains(k) || STAT_KEY.matcher(k).matches(), labels);
    String model = JsonFields.text(r, "model_id");
    if (model == null) {
      issues.warning(p + "/model_id", "missing: the model is unknown");
    }
    Workload w =
        new Workload(lengths.input(), lengths.output(), null, ID, null, rate, concurrency, null);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(model == null ? "" : model), Deployment.unknown(), w),
        m.build(),
        List.of(),
        labels,
        new Provenance(file.uri(), ID, null, ServingResults.location(p)));
  }
}
