package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
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
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the result files of vLLM's and SGLang's serving benchmarks share (SGLang's tool is adapted
 * from vLLM's): flat result objects, one per line when appended, with {@code <stat>_<metric>_ms}
 * latency keys, a request rate that may be unlimited, a maximum concurrency and token totals.
 */
final class ServingResults {

  private ServingResults() {}

  /** Reads one result object; {@code prefix} is {@code ""} or {@code "record N:"}. */
  interface PointReader {
    BenchmarkPoint point(JsonNode result, String prefix);
  }

  /**
   * Reads every JSON value of the file, one point per object. A fault keeps the objects before it
   * (a cut appended file); a value that is not an object is an error at its record.
   */
  static void read(SourceFile file, ReadSink sink, ReadContext issues, PointReader reader)
      throws IOException {
    List<JsonNode> records = new ArrayList<>();
    boolean broken = true;
    try (MappingIterator<JsonNode> it = Trees.jsonReader().readValues(file.bytes())) {
      while (it.hasNextValue()) {
        records.add(it.nextValue());
      }
      broken = false;
    } catch (JsonProcessingException e) {
      JsonFields.parseError(issues, e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException jpe) {
        JsonFields.parseError(issues, jpe);
      } else {
        throw e;
      }
    }
    for (int i = 0; i < records.size(); i++) {
      String prefix = records.size() == 1 ? "" : "record " + (i + 1) + ":";
      JsonNode r = records.get(i);
      if (!r.isObject()) {
        issues.error(
            location(prefix),
            "expected a JSON object, found " + JsonFields.describe(r) + "; not read");
        continue;
      }
      issues.row(location(prefix), () -> sink.point(reader.point(r, prefix)));
    }
    if (records.isEmpty() && !broken) {
      issues.error("", "no result object in the file");
    }
  }

  /** The location of a record: its prefix without the colon. */
  static String location(String prefix) {
    return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
  }

  /**
   * Puts every latency key matching {@code statKey} (group 1 the statistic word, group 2 a
   * percentile's number, group 3 the metric family) into {@code m}, in ms (ms/token for per-token
   * metrics, which the keys declare the same way). Families without a canonical metric are named in
   * one INFO.
   */
  static void latencies(
      JsonNode r,
      String p,
      Pattern statKey,
      Map<String, Metric> families,
      ReadContext issues,
      Metrics.Builder m) {
    Map<Metric, Distribution.Builder> dists = new EnumMap<>(Metric.class);
    Set<String> unmapped = new TreeSet<>();
    for (var e : r.properties()) {
      Matcher k = statKey.matcher(e.getKey());
      if (!k.matches()) {
        continue;
      }
      Metric metric = families.get(k.group(3));
      if (metric == null) {
        unmapped.add(k.group(3));
        continue;
      }
      String ptr = p + JsonFields.at("", e.getKey());
      Statistic s =
          switch (k.group(1)) {
            case "mean" -> Statistic.MEAN;
            case "median" -> Statistic.P50;
            case "std" -> Statistic.STDDEV;
            case "max" -> Statistic.MAX;
            case "min" -> Statistic.MIN;
            default -> JsonFields.percentile(Double.parseDouble(k.group(2)));
          };
      if (s == null) {
        issues.info(ptr, "percentile " + k.group(2) + " has no canonical statistic; not kept");
        continue;
      }
      if (e.getValue().isNull()) {
        continue;
      }
      Double v = JsonFields.check(e.getValue(), ptr, issues);
      if (v != null) {
        JsonFields.put(
            dists.computeIfAbsent(metric, x -> Distribution.builder()), s, v, ptr, issues);
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
  }

  /**
   * The target request rate: a positive number, {@code "inf"} or infinity (unlimited), else {@code
   * null}; a textual {@code "trace"} (SGLang replaying timestamps) is no target and no error.
   * Anything else is reported.
   */
  static Double targetRate(JsonNode r, String p, ReadContext issues) {
    JsonNode rr = r.get("request_rate");
    if (rr == null || rr.isNull()) {
      return null;
    }
    if (rr.isTextual() && rr.asText().strip().equalsIgnoreCase("inf")
        || rr.isNumber() && rr.doubleValue() == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    if (isTrace(rr)) {
      return null;
    }
    Double rate = JsonFields.check(rr, p + "/request_rate", issues);
    if (rate != null && rate == 0) {
      issues.error(p + "/request_rate", "must be positive, was 0; not read");
      return null;
    }
    return rate;
  }

  /** Whether the rate is SGLang's {@code "trace"}. */
  static boolean isTrace(JsonNode rate) {
    return rate != null && rate.isTextual() && rate.asText().strip().equalsIgnoreCase("trace");
  }

  /** {@code max_concurrency}: a positive whole number, else {@code null} (reported). */
  static Double maxConcurrency(JsonNode r, String p, ReadContext issues) {
    Double c = JsonFields.count(r, "max_concurrency", p, issues);
    if (c != null && c == 0) {
      issues.error(p + "/max_concurrency", "must be positive, was 0; not read");
      return null;
    }
    return c;
  }

  /** Mean input and output lengths: the files hold only token totals over completed requests. */
  record Lengths(Distribution input, Distribution output) {}

  static Lengths meanLengths(JsonNode r, Double completed, String p, ReadContext issues) {
    if (completed == null || completed == 0) {
      return new Lengths(null, null);
    }
    Double ti = JsonFields.count(r, "total_input_tokens", p, issues);
    Double to = JsonFields.count(r, "total_output_tokens", p, issues);
    return new Lengths(
        ti == null ? null : Distribution.ofMean(ti / completed),
        to == null ? null : Distribution.ofMean(to / completed));
  }

  /** Every top-level scalar that {@code skip} does not exclude, as a label. */
  static void scalarLabels(JsonNode r, Predicate<String> skip, Map<String, String> labels) {
    for (var e : r.properties()) {
      JsonNode v = e.getValue();
      if (!skip.test(e.getKey()) && !v.isContainerNode() && !v.isNull()) {
        labels.put(e.getKey(), v.asText());
      }
    }
    if (isTrace(r.get("request_rate"))) {
      labels.put("request_rate", "trace");
    }
  }
}
