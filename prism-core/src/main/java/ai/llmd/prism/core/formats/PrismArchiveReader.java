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
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the normalised archives llm-d Prism ships ({@code llm-d-benchmarks.json}: a P/D sweep of
 * vLLM benchmark runs; {@code archived_drive_data.json}: inference-perf request logs aggregated per
 * run). Both are arrays of Prism's loose entry objects, in milliseconds and tokens/s.
 *
 * <p>Prism's {@code throughput} means different things per file, and this reader says which: for
 * {@code source: llm-d-benchmark} rows it is <em>total</em> tokens/s (it equals {@code request_rate
 * × (ISL + OSL)} on every row), so output and input throughput are derived from the request rate;
 * for {@code source: lpg_request_log} rows it is output tokens/s, and the per-request "tpot" is
 * end-to-end latency over output tokens, i.e. NTPOT. Prism writes 0 for absent latencies (e.g.
 * {@code latency.p99}); such zeros are read as absent and counted in one INFO problem. The
 * archive's {@code workload.target_qps} is a copy of the achieved rate, not a target, and is not
 * read.
 *
 * <p>Elements are streamed one at a time, so a large archive is never held as a tree.
 */
public final class PrismArchiveReader implements FormatReader {

  static final String ID = "prism-archive";
  static final String LLMD_BENCHMARKS = "llm-d-benchmarks";
  static final String DRIVE_ARCHIVE = "drive-archive";

  private static final Pattern AGGREGATED = Pattern.compile("(\\d+) TP(\\d+)");
  private static final Pattern DISAGGREGATED =
      Pattern.compile("(\\d+): (\\d+)P-TP(\\d+) (\\d+)D-TP(\\d+)");
  private static final Set<String> MARKS = Set.of("metrics", "workload", "source", "source_info");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "llm-d Prism archive JSON (llm-d-benchmarks.json, archived_drive_data.json)";
  }

  @Override
  public Detection detect(Sniff sniff) {
    Set<String> keys = sniff.firstElementKeys();
    if (keys.containsAll(MARKS) && (keys.contains("model") || keys.contains("model_name"))) {
      return Detection.CERTAIN;
    }
    return Detection.NO;
  }

  @Override
  public void read(SourceFile file, ReadSink sink) throws IOException {
    byte[] bytes = file.bytes();
    Context ctx = new Context(file, sink);
    try (JsonParser p = Trees.JSON.getFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        sink.problem(Problem.error(file.name(), "", "expected a JSON array of Prism entries"));
        return;
      }
      int index = 0;
      JsonToken t;
      Map<String, Value> flat = new HashMap<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          sink.problem(Problem.error(file.name(), "/" + index, "the array is not closed"));
          break;
        }
        String pointer = "/" + index;
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          sink.problem(Problem.error(file.name(), pointer, "not an object; skipped"));
        } else {
          flat.clear();
          flatten(p, "", flat);
          try {
            readEntry(ctx, pointer, flat);
          } catch (IllegalArgumentException e) {
            sink.problem(Problem.error(file.name(), pointer, "skipped: " + e.getMessage()));
          }
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      sink.problem(
          Problem.error(
              file.name(),
              e.getLocation() == null ? "" : "byte " + e.getLocation().getByteOffset(),
              Trees.limitOr(e, "not valid JSON: " + e.getOriginalMessage())));
    }
    if (ctx.zeros > 0) {
      sink.problem(
          Problem.info(
              file.name(),
              ctx.firstZero,
              ctx.zeros
                  + " latency or throughput values of 0 were read as absent (Prism writes 0 for"
                  + " values it did not have)"));
    }
  }

  /** One scalar of an entry: its token and its value. */
  private record Value(JsonToken token, String text, double number) {
    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    String show() {
      return isNumber() ? String.valueOf(number) : String.valueOf(text);
    }
  }

  private static final class Context {
    final SourceFile file;
    final ReadSink sink;
    int zeros;
    String firstZero = "";

    Context(SourceFile file, ReadSink sink) {
      this.file = file;
      this.sink = sink;
    }

    void warn(String location, String message) {
      sink.problem(Problem.warning(file.name(), location, message));
    }

    void error(String location, String message) {
      sink.problem(Problem.error(file.name(), location, message));
    }
  }

  /** Flattens the current object into {@code path -> scalar}; paths are JSON-pointer tails. */
  private static void flatten(JsonParser p, String prefix, Map<String, Value> out)
      throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = prefix + "/" + p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        flatten(p, key, out);
      } else if (v == JsonToken.START_ARRAY) {
        p.skipChildren(); // no array in an entry holds a value this reader uses
      } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
        out.put(key, new Value(v, null, p.getDoubleValue()));
      } else {
        out.put(key, new Value(v, v == JsonToken.VALUE_NULL ? null : p.getText(), Double.NaN));
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + t);
    }
  }

  private void readEntry(Context ctx, String ptr, Map<String, Value> e) {
    String source = text(e, "/source");
    String version;
    if ("llm-d-benchmark".equals(source)) {
      version = LLMD_BENCHMARKS;
    } else if ("lpg_request_log".equals(source)) {
      version = DRIVE_ARCHIVE;
    } else {
      version = null;
    }
    String modelName = firstText(e, "/model", "/model_name", "/metadata/model_name");
    if (modelName == null || modelName.isBlank()) {
      ctx.error(ptr + "/model", "no model name; entry skipped");
      return;
    }
    Rows rows = new Rows(ctx, ptr, e);

    // Deployment
    String hw = firstText(e, "/accelerator_type", "/hardware", "/metadata/hardware");
    AcceleratorRef accel = hw == null || hw.isBlank() ? null : AcceleratorRef.unresolved(hw);
    Integer count = rows.positiveInt("/accelerator_count");
    List<Role> roles = roles(ctx, ptr, e, count);
    String backend = text(e, "/metadata/backend");
    Deployment deployment =
        new Deployment(
            accel,
            count,
            backend == null || backend.isBlank() ? null : backend,
            null,
            null,
            List.of(),
            roles,
            null);

    // Workload
    Double isl = rows.positive("/workload/input_tokens");
    Double osl = rows.positive("/workload/output_tokens");
    Double concurrency = rows.positive("/workload/concurrency");
    String runId = text(e, "/run_id");
    String harness = runId != null && runId.startsWith("inference-perf_") ? "inference-perf" : null;
    Workload workload =
        new Workload(
            isl == null ? null : Distribution.ofMean(isl),
            osl == null ? null : Distribution.ofMean(osl),
            null,
            harness,
            null,
            null,
            concurrency,
            null);

    // Metrics
    Metrics.Builder m = Metrics.builder();
    Double rate = rows.rate("/metrics/request_rate");
    if (rate != null) {
      m.put(MetricValue.measured(Metric.REQUEST_RATE, rate));
    }
    Double throughput = rows.rate("/metrics/throughput");
    if (LLMD_BENCHMARKS.equals(version)) {
      if (throughput != null) {
        m.put(MetricValue.measured(Metric.TOTAL_THROUGHPUT, throughput));
        if (rate != null && isl != null && osl != null) {
          double expected = rate * (isl + osl);
          if (Math.abs(throughput - expected) > 1e-9 * Math.max(1, expected)) {
            ctx.warn(
                ptr + "/metrics/throughput",
                "throughput "
                    + throughput
                    + " is not request_rate × (ISL + OSL) = "
                    + expected
                    + "; read as total tokens/s as for every llm-d-benchmark row");
          }
        }
      }
      if (rate != null && osl != null) {
        m.put(
            MetricValue.derived(
                Metric.OUTPUT_THROUGHPUT,
                Distribution.ofMean(rate * osl),
                "output = request_rate × OSL"));
      }
      if (rate != null && isl != null) {
        m.put(
            MetricValue.derived(
                Metric.INPUT_THROUGHPUT,
                Distribution.ofMean(rate * isl),
                "input = request_rate × ISL"));
      }
      putLatency(m, Metric.TPOT, rows, "/metrics/tpot", null, null);
      putLatency(m, Metric.ITL, rows, "/metrics/itl", null, null);
      putLatency(m, Metric.TTFT, rows, "/metrics/ttft/mean", "/metrics/ttft/p50", null);
    } else if (DRIVE_ARCHIVE.equals(version)) {
      Double output = rows.rate("/metrics/output_tput");
      if (output == null) {
        output = throughput;
      } else if (throughput != null && !throughput.equals(output)) {
        ctx.warn(
            ptr + "/metrics/throughput",
            "throughput " + throughput + " differs from output_tput " + output + "; used output");
      }
      if (output != null) {
        m.put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, output));
      }
      Double input = rows.rate("/metrics/input_tput");
      if (input != null) {
        m.put(MetricValue.measured(Metric.INPUT_THROUGHPUT, input));
      }
      // Prism's "tpot" here is the mean of per-request latency / output tokens: NTPOT.
      putLatency(m, Metric.NTPOT, rows, "/metrics/tpot", null, null);
      Double total = rows.count("/workload/request_count");
      if (total != null) {
        m.put(MetricValue.measured(Metric.REQUESTS_TOTAL, total));
      }
    } else {
      ctx.error(
          ptr + "/source",
          "unknown source '"
              + source
              + "': Prism's 'throughput' is total tokens/s for llm-d-benchmark entries and"
              + " output tokens/s for lpg_request_log entries, so it is not read here");
    }
    putLatency(m, Metric.E2E_LATENCY, rows, "/metrics/latency/mean", "/metrics/latency/p50", "p99");
    Double failed = rows.count("/metrics/error_count");
    if (failed != null) {
      m.put(MetricValue.measured(Metric.REQUESTS_FAILED, failed));
    }

    Map<String, String> labels = new TreeMap<>();
    label(labels, "id", e, "/id");
    label(labels, "timestamp", e, "/timestamp");
    label(labels, "configuration", e, "/configuration");
    label(labels, "pd_ratio", e, "/pd_ratio");
    label(labels, "run_id", e, "/run_id");
    label(labels, "variant", e, "/metadata/variant");
    label(labels, "origin", e, "/source_info/origin");
    label(labels, "file", e, "/source_info/file_identifier");
    label(labels, "source", e, "/source");

    ctx.sink.point(
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(modelName), deployment, workload),
            m.build(),
            List.of(),
            labels,
            new Provenance(ctx.file.uri(), ID, version, ptr)));
  }

  private static List<Role> roles(Context ctx, String ptr, Map<String, Value> e, Integer count) {
    String config = text(e, "/configuration");
    if (config == null || config.isBlank()) {
      return List.of();
    }
    List<Role> roles = new ArrayList<>();
    Matcher agg = AGGREGATED.matcher(config.strip());
    Matcher pd = DISAGGREGATED.matcher(config.strip());
    if (agg.matches()) {
      int tp = Integer.parseInt(agg.group(2));
      roles.add(
          new Role(Role.Kind.AGGREGATED, Integer.parseInt(agg.group(1)), tp, null, null, null, tp));
    } else if (pd.matches()) {
      int p = Integer.parseInt(pd.group(2));
      int ptp = Integer.parseInt(pd.group(3));
      int d = Integer.parseInt(pd.group(4));
      int dtp = Integer.parseInt(pd.group(5));
      if (Integer.parseInt(pd.group(1)) != p + d) {
        ctx.warn(ptr + "/configuration", "'" + config + "': the leading count is not P + D");
      }
      roles.add(new Role(Role.Kind.PREFILL, p, ptp, null, null, null, ptp));
      roles.add(new Role(Role.Kind.DECODE, d, dtp, null, null, null, dtp));
    } else {
      ctx.warn(
          ptr + "/configuration",
          "'" + config + "' is neither 'N TPn' nor 'N: PP-TPn DD-TPn'; replicas not read");
      return List.of();
    }
    int sum = 0;
    for (Role r : roles) {
      sum += r.accelerators();
    }
    if (count != null && sum != count) {
      ctx.warn(
          ptr + "/accelerator_count",
          "accelerator_count " + count + " differs from the " + sum + " the configuration implies");
    }
    return roles;
  }

  private void putLatency(
      Metrics.Builder m, Metric metric, Rows rows, String mean, String p50, String p99Key) {
    Distribution.Builder d = Distribution.builder();
    Double v = rows.latency(mean);
    if (v != null) {
      d.put(Statistic.MEAN, v);
    }
    if (p50 != null) {
      Double q = rows.latency(p50);
      if (q != null) {
        d.put(Statistic.P50, q);
      }
    }
    if (p99Key != null) {
      String path = mean.substring(0, mean.lastIndexOf('/') + 1) + p99Key;
      Double q = rows.latency(path);
      if (q != null) {
        d.put(Statistic.P99, q);
      }
    }
    if (!d.isEmpty()) {
      m.put(MetricValue.measured(metric, d.build()));
    }
  }

  /** Typed access to one flattened entry, reporting bad values at their JSON pointer. */
  private static final class Rows {
    final Context ctx;
    final String ptr;
    final Map<String, Value> e;

    Rows(Context ctx, String ptr, Map<String, Value> e) {
      this.ctx = ctx;
      this.ptr = ptr;
      this.e = e;
    }

    /** A finite non-negative number, or null (absent, null, or reported as bad). */
    Double number(String path) {
      Value v = e.get(path);
      if (v == null || v.token() == JsonToken.VALUE_NULL) {
        return null;
      }
      if (!v.isNumber() || !Double.isFinite(v.number()) || v.number() < 0) {
        ctx.error(ptr + path, "'" + v.show() + "' is not a non-negative number; not read");
        return null;
      }
      return v.number();
    }

    Double positive(String path) {
      Double v = number(path);
      if (v != null && v == 0) {
        return null;
      }
      return v;
    }

    Integer positiveInt(String path) {
      Double v = number(path);
      if (v == null || v == 0) {
        return null;
      }
      if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
        ctx.error(ptr + path, v + " is not a whole number; not read");
        return null;
      }
      return v.intValue();
    }

    Double count(String path) {
      return number(path);
    }

    /** A rate or latency, where Prism's 0 means "absent". */
    Double latency(String path) {
      Double v = number(path);
      if (v != null && v == 0) {
        if (ctx.zeros++ == 0) {
          ctx.firstZero = ptr + path;
        }
        return null;
      }
      return v;
    }

    Double rate(String path) {
      return latency(path);
    }
  }

  private static String text(Map<String, Value> e, String path) {
    Value v = e.get(path);
    return v == null || v.token() != JsonToken.VALUE_STRING ? null : v.text();
  }

  private static String firstText(Map<String, Value> e, String... paths) {
    for (String p : paths) {
      String t = text(e, p);
      if (t != null && !t.isBlank()) {
        return t;
      }
    }
    return null;
  }

  private static void label(
      Map<String, String> labels, String name, Map<String, Value> e, String p) {
    Value v = e.get(p);
    if (v != null && v.token() != JsonToken.VALUE_NULL) {
      String s = v.isNumber() ? v.show() : v.text();
      if (s != null && !s.isBlank()) {
        labels.put(name, s);
      }
    }
  }
}
