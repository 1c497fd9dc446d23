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

  private static final double MS = Units.factor("ms", Unit.MILLISECONDS).getAsDouble();
  private static final double MS_PER_TOKEN =
      Units.factor("ms/token", Unit.MILLISECONDS_PER_TOKEN).getAsDouble();

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
      // keep the records read before the fault (a cut --append-result file)
      Values.parseError(issues, e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException jpe) {
        Values.parseError(issues, jpe);
      } else {
        throw e;
      }
    }
    for (int i = 0; i < records.size(); i++) {
      String prefix = records.size() == 1 ? "" : "record " + (i + 1) + ":";
      JsonNode r = records.get(i);
      if (!r.isObject()) {
        issues.error(
            prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
            "expected a JSON object, found " + Values.describe(r) + "; not read");
        continue;
      }
      sink.point(point(file, r, prefix, issues));
    }
    if (records.isEmpty() && !broken) {
      issues.error("", "no result object in the file");
    }
  }

  private BenchmarkPoint point(SourceFile file, JsonNode r, String p, Issues issues) {
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
        unmapped.add(k.group(3));
        continue;
      }
      String ptr = p + Values.at("", e.getKey());
      Statistic s =
          switch (k.group(1)) {
            case "mean" -> Statistic.MEAN;
            case "median" -> Statistic.P50;
            case "std" -> Statistic.STDDEV;
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
        double factor = metric.unit() == Unit.MILLISECONDS ? MS : MS_PER_TOKEN;
        Values.put(
            dists.computeIfAbsent(metric, x -> Distribution.builder()), s, v * factor, ptr, issues);
      }
    }
    for (var e : dists.entrySet()) {
      if (!e.getValue().isEmpty()) {
        m.put(MetricValue.measured(e.getKey(), e.getValue().build()));
      }
    }
    if (!unmapped.isEmpty()) {
      issues.info(p, "latency families without a canonical metric, not kept: " + unmapped);
    }

    Double output = Values.number(r, "output_throughput", p, issues);
    Double total = Values.number(r, "total_token_throughput", p, issues);
    Values.measured(m, Metric.OUTPUT_THROUGHPUT, output);
    Values.measured(m, Metric.TOTAL_THROUGHPUT, total);
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
    Values.measured(m, Metric.REQUEST_RATE, Values.number(r, "request_throughput", p, issues));
    Double goodput = Values.number(r, "request_goodput", p, issues);
    if (goodput == null) {
      goodput = Values.number(r, "request_goodput:", p, issues); // old files' spelling
    }
    Values.measured(m, Metric.REQUEST_GOODPUT, goodput);
    Values.measured(m, Metric.DURATION, Values.number(r, "duration", p, issues));

    Double prompts = Values.count(r, "num_prompts", p, issues);
    Double completed = Values.count(r, "completed", p, issues);
    Double failed = Values.count(r, "failed", p, issues);
    Values.measured(m, Metric.REQUESTS_TOTAL, prompts);
    Values.measured(m, Metric.REQUESTS_SUCCEEDED, completed);
    if (failed != null) {
      m.put(MetricValue.measured(Metric.REQUESTS_FAILED, failed));
    } else if (prompts != null && completed != null && prompts >= completed) {
      m.put(
          MetricValue.derived(
              Metric.REQUESTS_FAILED, Distribution.ofMean(prompts - completed), FAILED_RULE));
    }

    Distribution in = null;
    Distribution out = null;
    if (completed != null && completed > 0) {
      Double ti = Values.count(r, "total_input_tokens", p, issues);
      Double to = Values.count(r, "total_output_tokens", p, issues);
      in = ti == null ? null : Distribution.ofMean(ti / completed);
      out = to == null ? null : Distribution.ofMean(to / completed);
    }

    Double rate = null;
    JsonNode rr = r.get("request_rate");
    if (rr != null && !rr.isNull()) {
      if (rr.isTextual() && rr.asText().strip().equalsIgnoreCase("inf")) {
        rate = Double.POSITIVE_INFINITY;
      } else if (rr.isNumber() && Double.isInfinite(rr.doubleValue()) && rr.doubleValue() > 0) {
        rate = Double.POSITIVE_INFINITY;
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

    Map<String, String> labels = new TreeMap<>();
    for (var e : r.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (KNOWN.contains(key)
          || STAT_KEY.matcher(key).matches()
          || v.isContainerNode()
          || v.isNull()) {
        continue;
      }
      labels.put(key, v.asText());
    }
    String model = Values.text(r, "model_id");
    if (model == null) {
      issues.warning(p + "/model_id", "missing: the model is unknown");
    }
    Workload w = new Workload(in, out, null, ID, null, rate, concurrency, null);
    return new BenchmarkPoint(
        new Scenario(ModelRef.unresolved(model == null ? "" : model), Deployment.unknown(), w),
        m.build(),
        List.of(),
        labels,
        new Provenance(file.uri(), ID, null, p.isEmpty() ? "" : p.substring(0, p.length() - 1)));
  }
}
