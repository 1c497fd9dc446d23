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
import ai.llmd.prism.core.internal.Parsing;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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

  // the shared limits, but duplicate members are this reader's to report entry by entry
  private static final JsonFactory FACTORY =
      Parsing.json().rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Pattern AGGREGATED = Pattern.compile("(\\d+) TP(\\d+)");
  private static final Pattern DISAGGREGATED =
      Pattern.compile("(\\d+): (\\d+)P-TP(\\d+) (\\d+)D-TP(\\d+)");
  private static final Set<String> MARKS = Set.of("metrics", "workload", "source", "source_info");

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
    Context ctx = new Context(file, sink);
    ReadContext context = ReadContext.of(file, sink);
    // Streamed, not file.bytes(): that copies the whole file, which costs a sixth of the reading.
    try (InputStream in = file.open();
        JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        sink.problem(Problem.error(file.name(), "", "expected a JSON array of Prism entries"));
        return;
      }
      int index = 0;
      JsonToken t;
      Entry flat = new Entry();
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
          flatten(p, USED, flat, ctx.texts);
          if (flat.duplicate != null) {
            sink.problem(
                Problem.error(
                    file.name(),
                    pointer + flat.duplicate,
                    "the member occurs twice; entry skipped"));
            index++;
            continue;
          }
          context.row(pointer, () -> readEntry(ctx, pointer, flat));
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

  private static final class Context {
    final SourceFile file;
    final ReadSink sink;
    int zeros;
    String firstZero = "";
    // Entries of one archive repeat these; parsing each spelling once keeps large files fast.
    final Map<String, ModelRef> models = new HashMap<>();
    final Map<String, AcceleratorRef> accelerators = new HashMap<>();
    final Map<String, Parsed> configurations = new HashMap<>();
    // texts repeat from entry to entry (model, configuration, source, file name): one copy each
    final TextPool texts = new TextPool(100_000);
    // labels that are not texts (numbers) likewise
    final Map<String, String> strings = new HashMap<>();

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

  /**
   * The member paths this reader uses, as a tree: members outside it are skipped without being
   * decoded, and the paths are built once rather than concatenated per entry.
   */
  private static final class Path {
    final String name;
    final String key;
    Path[] children = new Path[0];
    final Map<String, Path> byName = new HashMap<>();
    int slot = -1;

    Path(String name, String key) {
      this.name = name;
      this.key = key;
    }

    /**
     * The child named {@code n}. Jackson interns member names, so identity answers for a used one;
     * the members not used (about half) are told apart by a hash lookup (of a hash the interned
     * name caches) rather than a second scan comparing every name.
     */
    Path child(String n) {
      for (Path c : children) {
        if (c.name == n) {
          return c;
        }
      }
      return byName.get(n);
    }

    static Path of(Map<String, Integer> slots, String... paths) {
      Path root = new Path("", "");
      for (String p : paths) {
        Path n = root;
        for (String part : p.substring(1).split("/")) {
          Path c = n.child(part);
          if (c == null) {
            c = new Path(part.intern(), (n.key + "/" + part).intern());
            n.children = Arrays.copyOf(n.children, n.children.length + 1);
            n.children[n.children.length - 1] = c;
            n.byName.put(c.name, c);
          }
          n = c;
        }
        n.slot = slots.size();
        slots.put(n.key, n.slot);
      }
      return root;
    }
  }

  private static final Map<String, Integer> SLOTS = new HashMap<>();

  private static final Path USED =
      Path.of(
          SLOTS,
          "/id",
          "/model",
          "/model_name",
          "/hardware",
          "/accelerator_count",
          "/accelerator_type",
          "/timestamp",
          "/pd_ratio",
          "/configuration",
          "/run_id",
          "/source",
          "/metrics/throughput",
          "/metrics/output_tput",
          "/metrics/input_tput",
          "/metrics/request_rate",
          "/metrics/latency/mean",
          "/metrics/latency/p50",
          "/metrics/latency/p99",
          "/metrics/ttft/mean",
          "/metrics/ttft/p50",
          "/metrics/tpot",
          "/metrics/itl",
          "/metrics/error_count",
          "/workload/input_tokens",
          "/workload/output_tokens",
          "/workload/concurrency",
          "/workload/request_count",
          "/source_info/origin",
          "/source_info/file_identifier",
          "/metadata/model_name",
          "/metadata/hardware",
          "/metadata/backend",
          "/metadata/variant");

  /**
   * The used scalars of one entry, by path: a token, text and number slot per path, reused from
   * entry to entry, so that reading allocates nothing per member.
   */
  private static final class Entry {
    final JsonToken[] tokens = new JsonToken[SLOTS.size()];
    final String[] texts = new String[SLOTS.size()];
    final double[] numbers = new double[SLOTS.size()];

    /** The first member that occurred twice, or null. */
    String duplicate;

    /** The slot of {@code path} when the entry has a value there, else -1. */
    int slot(String path) {
      Integer i = SLOTS.get(path);
      return i == null || tokens[i] == null ? -1 : i;
    }

    boolean isNumber(int i) {
      return tokens[i] == JsonToken.VALUE_NUMBER_INT || tokens[i] == JsonToken.VALUE_NUMBER_FLOAT;
    }

    String show(int i) {
      return isNumber(i) ? String.valueOf(numbers[i]) : String.valueOf(texts[i]);
    }

    // Duplicates are checked here, on the members read, rather than by the parser on every
    // member: the parser's check costs a third of the reading time.
    void put(Path at, JsonToken token, String text, double number) {
      int i = at.slot;
      if (tokens[i] != null && duplicate == null) {
        duplicate = at.key;
      }
      tokens[i] = token;
      texts[i] = text;
      numbers[i] = number;
    }

    void clear() {
      Arrays.fill(tokens, null);
      Arrays.fill(texts, null);
      duplicate = null;
    }
  }

  /** Flattens the used members of the current object into their slots. */
  private static void flatten(JsonParser p, Path at, Entry out, TextPool texts) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      Path child = at.child(p.currentName());
      JsonToken v = p.nextToken();
      if (child == null) {
        p.skipChildren();
      } else if (child.children.length == 0
          && (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY)) {
        p.skipChildren(); // a structure where a value belongs: kept so that it is reported
        out.put(child, v, v == JsonToken.START_OBJECT ? "{…}" : "[…]", Double.NaN);
      } else if (v == JsonToken.START_OBJECT) {
        flatten(p, child, out, texts);
      } else if (v == JsonToken.START_ARRAY) {
        p.skipChildren(); // no array in an entry holds a value this reader uses
      } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
        out.put(child, v, null, p.getDoubleValue());
      } else if (v == JsonToken.VALUE_STRING) {
        out.put(
            child,
            v,
            texts.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()),
            Double.NaN);
      } else {
        out.put(child, v, v == JsonToken.VALUE_NULL ? null : p.getText(), Double.NaN);
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + t);
    }
  }

  private void readEntry(Context ctx, String ptr, Entry e) {
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
    AcceleratorRef accel =
        hw == null || hw.isBlank()
            ? null
            : ctx.accelerators.computeIfAbsent(hw, AcceleratorRef::unresolved);
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
    putLatency(
        m,
        Metric.E2E_LATENCY,
        rows,
        "/metrics/latency/mean",
        "/metrics/latency/p50",
        "/metrics/latency/p99");
    Double failed = rows.count("/metrics/error_count");
    if (failed != null) {
      m.put(MetricValue.measured(Metric.REQUESTS_FAILED, failed));
    }

    Map<String, String> labels = new TreeMap<>();
    label(ctx, labels, "id", e, "/id");
    label(ctx, labels, "timestamp", e, "/timestamp");
    label(ctx, labels, "configuration", e, "/configuration");
    label(ctx, labels, "pd_ratio", e, "/pd_ratio");
    label(ctx, labels, "run_id", e, "/run_id");
    label(ctx, labels, "variant", e, "/metadata/variant");
    label(ctx, labels, "origin", e, "/source_info/origin");
    label(ctx, labels, "file", e, "/source_info/file_identifier");
    label(ctx, labels, "source", e, "/source");

    ctx.sink.point(
        new BenchmarkPoint(
            new Scenario(
                ctx.models.computeIfAbsent(modelName, ModelRef::unresolved), deployment, workload),
            m.build(),
            List.of(),
            labels,
            new Provenance(ctx.file.uri(), ID, version, ptr)));
  }

  private static List<Role> roles(Context ctx, String ptr, Entry e, Integer count) {
    String config = text(e, "/configuration");
    if (config == null || config.isBlank()) {
      return List.of();
    }
    Parsed parsed =
        ctx.configurations.computeIfAbsent(config, PrismArchiveReader::parseConfiguration);
    if (parsed.problem() != null) {
      ctx.warn(ptr + "/configuration", parsed.problem());
      return List.of();
    }
    List<Role> roles = parsed.roles();
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

  /** The roles a configuration string describes, or why it describes none. */
  private record Parsed(List<Role> roles, String problem) {}

  private static Parsed parseConfiguration(String config) {
    Matcher agg = AGGREGATED.matcher(config.strip());
    Matcher pd = DISAGGREGATED.matcher(config.strip());
    if (agg.matches()) {
      int tp = Integer.parseInt(agg.group(2));
      return new Parsed(
          List.of(
              new Role(
                  Role.Kind.AGGREGATED, Integer.parseInt(agg.group(1)), tp, null, null, null, tp)),
          null);
    }
    if (pd.matches()) {
      int p = Integer.parseInt(pd.group(2));
      int ptp = Integer.parseInt(pd.group(3));
      int d = Integer.parseInt(pd.group(4));
      int dtp = Integer.parseInt(pd.group(5));
      if (Integer.parseInt(pd.group(1)) != p + d) {
        return new Parsed(
            List.of(), "'" + config + "': the leading count is not P + D; replicas not read");
      }
      return new Parsed(
          List.of(
              new Role(Role.Kind.PREFILL, p, ptp, null, null, null, ptp),
              new Role(Role.Kind.DECODE, d, dtp, null, null, null, dtp)),
          null);
    }
    return new Parsed(
        List.of(), "'" + config + "' is neither 'N TPn' nor 'N: PP-TPn DD-TPn'; replicas not read");
  }

  private void putLatency(
      Metrics.Builder m, Metric metric, Rows rows, String mean, String p50, String p99) {
    Double v = rows.latency(mean);
    Double q50 = p50 == null ? null : rows.latency(p50);
    Double q99 = p99 == null ? null : rows.latency(p99);
    if (v == null && q50 == null && q99 == null) {
      return;
    }
    if (q50 == null && q99 == null) {
      m.put(MetricValue.measured(metric, Distribution.ofMean(v)));
      return;
    }
    Distribution.Builder d = Distribution.builder();
    if (v != null) {
      d.put(Statistic.MEAN, v);
    }
    if (q50 != null) {
      d.put(Statistic.P50, q50);
    }
    if (q99 != null) {
      d.put(Statistic.P99, q99);
    }
    m.put(MetricValue.measured(metric, d.build()));
  }

  /** Typed access to one flattened entry, reporting bad values at their JSON pointer. */
  private static final class Rows {
    final Context ctx;
    final String ptr;
    final Entry e;

    Rows(Context ctx, String ptr, Entry e) {
      this.ctx = ctx;
      this.ptr = ptr;
      this.e = e;
    }

    /** A finite non-negative number, or null (absent, null, or reported as bad). */
    Double number(String path) {
      int i = e.slot(path);
      if (i < 0 || e.tokens[i] == JsonToken.VALUE_NULL) {
        return null;
      }
      double v = e.numbers[i];
      if (!e.isNumber(i) || !Double.isFinite(v) || v < 0) {
        ctx.error(ptr + path, "'" + e.show(i) + "' is not a non-negative number; not read");
        return null;
      }
      return v;
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

  private static String text(Entry e, String path) {
    int i = e.slot(path);
    return i < 0 || e.tokens[i] != JsonToken.VALUE_STRING ? null : e.texts[i];
  }

  private static String firstText(Entry e, String... paths) {
    for (String p : paths) {
      String t = text(e, p);
      if (t != null && !t.isBlank()) {
        return t;
      }
    }
    return null;
  }

  private static void label(
      Context ctx, Map<String, String> labels, String name, Entry e, String p) {
    int i = e.slot(p);
    if (i >= 0 && e.tokens[i] != JsonToken.VALUE_NULL) {
      String s = e.show(i);
      if (s != null && !s.isBlank()) {
        if (e.tokens[i] != JsonToken.VALUE_STRING && ctx.strings.size() < 100_000) {
          s = ctx.strings.computeIfAbsent(s, k -> k); // texts come from ctx.texts already
        }
        labels.put(name, s);
      }
    }
  }
}
