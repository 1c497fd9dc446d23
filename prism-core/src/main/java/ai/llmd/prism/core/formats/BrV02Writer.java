package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.internal.BytesSourceFile;
import ai.llmd.prism.core.internal.Hashes;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the BR v0.2 tree of one point (formats.md §2), the inverse of {@link BrV02}.
 *
 * <p>Standard fields carry every measured fact the schema has a place for. What the schema cannot
 * hold exactly goes into one extension mapping, {@code results.observability.prism} (observability
 * is the one BR section that admits extra keys; llm-d's metrics_processor adds its own there): the
 * facts the standard fields lose, every derived value with its rule (a standard field would pass it
 * off as measured), the labels, the costs the source stated and where the point came from. Which
 * facts the standard fields lose is not guessed: the standard part is read back with {@link BrV02}
 * and compared with the point.
 */
final class BrV02Writer {

  /** The extension's key under {@code results.observability}. */
  static final String EXTENSION = "prism";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** BR latency and throughput fields, by metric. */
  private static final Map<Metric, String[]> STANDARD = new EnumMap<>(Metric.class);

  static {
    STANDARD.put(Metric.TTFT, new String[] {"latency", "time_to_first_token"});
    STANDARD.put(Metric.NTPOT, new String[] {"latency", "normalized_time_per_output_token"});
    STANDARD.put(Metric.TPOT, new String[] {"latency", "time_per_output_token"});
    STANDARD.put(Metric.ITL, new String[] {"latency", "inter_token_latency"});
    STANDARD.put(Metric.E2E_LATENCY, new String[] {"latency", "request_latency"});
    STANDARD.put(Metric.INPUT_THROUGHPUT, new String[] {"throughput", "input_token_rate"});
    STANDARD.put(Metric.OUTPUT_THROUGHPUT, new String[] {"throughput", "output_token_rate"});
    STANDARD.put(Metric.TOTAL_THROUGHPUT, new String[] {"throughput", "total_token_rate"});
    STANDARD.put(Metric.REQUEST_RATE, new String[] {"throughput", "request_rate"});
  }

  private BrV02Writer() {}

  /** The report of {@code point}. */
  static ObjectNode report(BenchmarkPoint point) {
    ObjectNode root = NODES.objectNode();
    root.put("version", "0.2");
    writeRun(point, root.putObject("run"));
    ObjectNode scenario = NODES.objectNode();
    writeStack(point, scenario);
    writeLoad(point.workload(), point.labels(), scenario);
    if (!scenario.isEmpty()) {
      root.set("scenario", scenario);
    }
    writeResults(point, root.putObject("results"));

    ObjectNode ext = extension(point, readBack(root));
    root.withObject("results").withObject("observability").set(EXTENSION, ext);
    return root;
  }

  // ---------------------------------------------------------------- run

  private static void writeRun(BenchmarkPoint p, ObjectNode run) {
    Map<String, String> labels = p.labels();
    String uid = labels.get("run.uid");
    // run.uid is required; a point from another format has none, so it gets a name-based UUID of
    // where it came from: the same point always gets the same uid.
    run.put("uid", uid != null ? uid : nameUuid(p.provenance()));
    for (String k : new String[] {"eid", "cid", "pid", "user", "description"}) {
      putText(run, k, labels.get("run." + k));
    }
    String keywords = labels.get("run.keywords");
    if (keywords != null) {
      ArrayNode words = run.putArray("keywords");
      for (String w : keywords.split(",", -1)) {
        words.add(w);
      }
    }
    ObjectNode time = NODES.objectNode();
    putText(time, "start", labels.get("run.start"));
    putText(time, "end", labels.get("run.end"));
    MetricValue duration = p.metrics().get(Metric.DURATION).orElse(null);
    if (duration != null && !duration.isDerived() && onlyMean(duration.distribution())) {
      time.put("duration", "PT" + plain(duration.mean().getAsDouble()) + "S");
    }
    if (!time.isEmpty()) {
      run.set("time", time);
    }
  }

  private static String nameUuid(Provenance p) {
    String name = p.source() + "#" + p.location() + "|" + p.format();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  // ---------------------------------------------------------------- scenario

  /** Writes one inference-engine component per role. */
  private static void writeStack(BenchmarkPoint p, ObjectNode scenario) {
    Deployment d = p.deployment();
    if (d.roles().isEmpty()) {
      return;
    }
    ArrayNode stack = scenario.putArray("stack");
    for (int i = 0; i < d.roles().size(); i++) {
      Role r = d.roles().get(i);
      ObjectNode std = NODES.objectNode();
      std.put("kind", "inference_engine");
      std.put("tool", d.engine() == null ? "unknown" : d.engine());
      std.put("tool_version", d.engineVersion() == null ? "" : d.engineVersion());
      std.put("role", role(r.kind()));
      std.put("replicas", r.replicas());
      std.putObject("model").put("name", p.model().raw());
      ObjectNode acc = std.putObject("accelerator");
      acc.put("model", d.accelerator() == null ? "unknown" : d.accelerator().raw());
      // 0 is how the schema says "not known" (llm-d's run-only stacks write it)
      acc.put("count", r.acceleratorsPerReplica() == null ? 0 : r.acceleratorsPerReplica());
      if (r.tp() != null || r.dp() != null || r.pp() != null || r.ep() != null) {
        ObjectNode par = acc.putObject("parallelism");
        putInt(par, "tp", r.tp());
        putInt(par, "dp", r.dp());
        putInt(par, "pp", r.pp());
        putInt(par, "ep", r.ep());
      }
      ObjectNode component = stack.addObject();
      ObjectNode metadata = component.putObject("metadata");
      metadata.put("label", role(r.kind()) + "-" + i);
      metadata.put("cfg_id", Hashes.sha256(std.toString().getBytes(StandardCharsets.UTF_8)));
      component.set("standardized", std);
    }
  }

  private static String role(Role.Kind kind) {
    return switch (kind) {
      case AGGREGATED -> "replica";
      case PREFILL -> "prefill";
      case DECODE -> "decode";
    };
  }

  /**
   * The load, when the schema's required fields are known (a harness and an input length with a
   * mean); otherwise the extension carries the workload.
   */
  private static void writeLoad(Workload w, Map<String, String> labels, ObjectNode scenario) {
    if (w.harness() == null || w.inputLength() == null || w.inputLength().mean().isEmpty()) {
      return;
    }
    ObjectNode std = scenario.putObject("load").putObject("standardized");
    std.put("tool", w.harness());
    std.put("tool_version", w.harnessVersion() == null ? "" : w.harnessVersion());
    String source = labels.get("load.source");
    std.put(
        "source",
        source != null && (source.equals("random") || source.equals("sampled"))
            ? source
            : "unknown");
    if (w.stage() != null) {
      std.put("stage", w.stage());
    }
    std.set("input_seq_len", sequenceLength(w.inputLength()));
    if (w.outputLength() != null && w.outputLength().mean().isPresent()) {
      std.set("output_seq_len", sequenceLength(w.outputLength()));
    }
    Double c = w.concurrency();
    if (c != null && (c.isInfinite() || c == Math.rint(c))) {
      if (c.isInfinite()) {
        std.put("concurrency", ".inf");
      } else {
        std.put("concurrency", c.longValue());
      }
    }
    Double rate = w.targetRequestRate();
    // inference-perf's concurrent mode writes its request count in rate_qps, so a reader ignores a
    // rate beside a concurrency from that harness: the extension keeps such a rate instead
    boolean ignored = c != null && !c.isInfinite() && "inference-perf".equals(w.harness());
    if (rate != null && !rate.isInfinite() && !ignored) {
      std.put("rate_qps", rate);
    }
  }

  /** A SequenceLength: the mean as value, with the spread the schema has room for. */
  private static ObjectNode sequenceLength(Distribution d) {
    ObjectNode n = NODES.objectNode();
    n.put("distribution", "other");
    number(n, "value", d.mean().getAsDouble());
    d.get(Statistic.STDDEV).ifPresent(v -> number(n, "std_dev", v));
    d.get(Statistic.MIN).ifPresent(v -> wholeNumber(n, "min", v));
    d.get(Statistic.MAX).ifPresent(v -> wholeNumber(n, "max", v));
    return n;
  }

  // ---------------------------------------------------------------- results

  private static void writeResults(BenchmarkPoint p, ObjectNode results) {
    ObjectNode aggregate = NODES.objectNode();
    ObjectNode requests = NODES.objectNode();
    if (count(p, Metric.REQUESTS_TOTAL, requests, "total")) {
      count(p, Metric.REQUESTS_FAILED, requests, "failures");
      count(p, Metric.REQUESTS_INCOMPLETE, requests, "incomplete");
      aggregate.set("requests", requests);
    }
    for (Map.Entry<Metric, String[]> e : STANDARD.entrySet()) {
      MetricValue v = p.metrics().get(e.getKey()).orElse(null);
      if (v == null || v.isDerived() || v.mean().isEmpty()) {
        continue;
      }
      String unit = e.getKey() == Metric.REQUEST_RATE ? "queries/s" : e.getKey().unit().symbol();
      aggregate
          .withObject(e.getValue()[0])
          .set(e.getValue()[1], statistics(v.distribution(), unit));
    }
    if (!aggregate.isEmpty()) {
      results.putObject("request_performance").set("aggregate", aggregate);
    }
  }

  /** Writes a measured whole-number count; returns whether it did. */
  private static boolean count(BenchmarkPoint p, Metric metric, ObjectNode into, String key) {
    MetricValue v = p.metrics().get(metric).orElse(null);
    if (v == null || v.isDerived() || !onlyMean(v.distribution())) {
      return false;
    }
    double n = v.mean().getAsDouble();
    if (n != Math.rint(n) || n > Integer.MAX_VALUE) {
      return false;
    }
    into.put(key, (int) n);
    return true;
  }

  /** A BR Statistics object: the unit and each statistic present. */
  static ObjectNode statistics(Distribution d, String unit) {
    ObjectNode n = NODES.objectNode();
    n.put("units", unit);
    for (Statistic s : d.statistics()) {
      number(n, BrFields.statKey(s), d.get(s).getAsDouble());
    }
    return n;
  }

  // ---------------------------------------------------------------- extension

  /** What the standard part loses, compared fact by fact with what {@link BrV02} reads back. */
  private static ObjectNode extension(BenchmarkPoint p, BenchmarkPoint back) {
    ObjectNode ext = NODES.objectNode();
    ObjectNode from = ext.putObject("republished_from");
    Provenance pr = p.provenance();
    from.put("source", pr.source().toString());
    from.put("format", pr.format());
    putText(from, "format_version", pr.formatVersion());
    putText(from, "location", pr.location());

    ModelRef m = p.model();
    ObjectNode model = NODES.objectNode();
    if (!m.raw().equals(back.model().raw())) {
      model.put("raw", m.raw());
    }
    putText(model, "precision", m.precision());
    if (!m.resolved()) { // a resolved model gets these from the registry again
      putText(model, "family", m.family());
      putNumber(model, "total_params_billions", m.totalParamsBillions());
      putNumber(model, "active_params_billions", m.activeParamsBillions());
    }
    putIfAny(ext, "model", model);

    Deployment d = p.deployment();
    Deployment b = back.deployment();
    AcceleratorRef a = d.accelerator();
    AcceleratorRef ba = b.accelerator();
    if (a == null && ba != null) {
      ext.putNull("accelerator");
    } else if (a != null
        && (ba == null
            || !a.raw().equals(ba.raw())
            || !a.resolved() && !a.equals(AcceleratorRef.unresolved(a.raw())))) {
      ObjectNode acc = ext.putObject("accelerator");
      acc.put("raw", a.raw());
      if (!a.resolved()) {
        acc.put("name", a.name());
        putText(acc, "vendor", a.vendor());
        putNumber(acc, "memory_gib", a.memoryGiB());
      }
    }
    ObjectNode dep = NODES.objectNode();
    differ(dep, "accelerator_count", d.acceleratorCount(), b.acceleratorCount());
    differ(dep, "engine", d.engine(), b.engine());
    differ(dep, "engine_version", d.engineVersion(), b.engineVersion());
    differ(dep, "serving_stack", d.servingStack(), b.servingStack());
    differ(dep, "nodes", d.nodes(), b.nodes());
    if (!d.components().equals(b.components())) {
      ArrayNode cs = dep.putArray("components");
      d.components().forEach(cs::add);
    }
    if (!d.roles().equals(b.roles())) {
      ArrayNode roles = dep.putArray("roles");
      for (Role r : d.roles()) {
        ObjectNode o = roles.addObject();
        o.put("kind", role(r.kind()));
        o.put("replicas", r.replicas());
        putInt(o, "tp", r.tp());
        putInt(o, "dp", r.dp());
        putInt(o, "pp", r.pp());
        putInt(o, "ep", r.ep());
        putInt(o, "accelerators_per_replica", r.acceleratorsPerReplica());
      }
    }
    putIfAny(ext, "deployment", dep);

    Workload w = p.workload();
    Workload bw = back.workload();
    ObjectNode load = NODES.objectNode();
    if (!Objects.equals(w.inputLength(), bw.inputLength())) {
      lengths(load, "input_length", w.inputLength());
    }
    if (!Objects.equals(w.outputLength(), bw.outputLength())) {
      lengths(load, "output_length", w.outputLength());
    }
    differ(load, "dataset", w.dataset(), bw.dataset());
    differ(load, "harness", w.harness(), bw.harness());
    differ(load, "harness_version", w.harnessVersion(), bw.harnessVersion());
    differ(load, "target_request_rate", w.targetRequestRate(), bw.targetRequestRate());
    differ(load, "concurrency", w.concurrency(), bw.concurrency());
    differ(load, "stage", w.stage(), bw.stage());
    putIfAny(ext, "workload", load);

    ObjectNode metrics = NODES.objectNode();
    for (MetricValue v : p.metrics().values()) {
      if (v.isDerived() || !v.equals(back.metrics().get(v.metric()).orElse(null))) {
        ObjectNode s = statistics(v.distribution(), v.metric().unit().symbol());
        putText(s, "derivation", v.derivation());
        metrics.set(v.metric().key(), s);
      }
    }
    putIfAny(ext, "metrics", metrics);

    if (!p.costs().isEmpty()) {
      ArrayNode costs = ext.putArray("costs");
      for (Cost c : p.costs()) {
        ObjectNode o = costs.addObject();
        o.put("pricing_model", c.pricingModel().name());
        putNumber(o, "usd_per_million_output_tokens", c.perMillionOutputTokens());
        putNumber(o, "usd_per_million_input_tokens", c.perMillionInputTokens());
        o.put("estimated", c.estimated());
        o.put("basis", c.basis());
      }
    }
    if (!p.labels().equals(back.labels())) {
      // a list, not a mapping: label names are free text and must not collide with the names a
      // reader skips (args, envars, …)
      ArrayNode labels = ext.putArray("labels");
      p.labels().forEach((k, v) -> labels.addObject().put("name", k).put("value", v));
    }
    return ext;
  }

  private static void lengths(ObjectNode into, String key, Distribution d) {
    if (d == null) {
      into.putNull(key);
    } else {
      into.set(key, statistics(d, "tokens"));
    }
  }

  /** The point {@link BrV02} reads from the standard part of {@code report}. */
  private static BenchmarkPoint readBack(ObjectNode report) {
    List<BenchmarkPoint> points = new ArrayList<>(1);
    List<Problem> errors = new ArrayList<>();
    ReadSink sink =
        new ReadSink() {
          @Override
          public void point(BenchmarkPoint point) {
            points.add(point);
          }

          @Override
          public void problem(Problem problem) {
            if (problem.severity() == Problem.Severity.ERROR) {
              errors.add(problem);
            }
          }
        };
    URI uri = URI.create("prism:benchmark-report");
    SourceFile file = new BytesSourceFile(uri, "benchmark-report", new byte[0]);
    BrV02.read(report, new BrFields(ReadContext.of(file, sink)), file, sink, "0.2");
    if (!errors.isEmpty() || points.size() != 1) {
      // the writer's own output must read cleanly; anything else is a bug here, not bad input
      throw new IllegalStateException("the written report does not read back: " + errors);
    }
    return points.get(0);
  }

  // ---------------------------------------------------------------- helpers

  private static boolean onlyMean(Distribution d) {
    return d.statistics().size() == 1 && d.mean().isPresent();
  }

  private static void differ(ObjectNode into, String key, Object mine, Object read) {
    if (Objects.equals(mine, read)) {
      return;
    }
    if (mine == null) {
      into.putNull(key);
    } else if (mine instanceof Integer i) {
      into.put(key, i);
    } else if (mine instanceof Double v) {
      if (v.isInfinite()) {
        into.put(key, ".inf");
      } else {
        number(into, key, v);
      }
    } else {
      into.put(key, mine.toString());
    }
  }

  private static void putIfAny(ObjectNode into, String key, ObjectNode value) {
    if (!value.isEmpty()) {
      into.set(key, value);
    }
  }

  private static void putText(ObjectNode into, String key, String value) {
    if (value != null && !value.isBlank()) {
      into.put(key, value);
    }
  }

  private static void putInt(ObjectNode into, String key, Integer value) {
    if (value != null) {
      into.put(key, value);
    }
  }

  private static void putNumber(ObjectNode into, String key, Double value) {
    if (value != null) {
      number(into, key, value);
    }
  }

  /** A whole number as an integer node (counts stay integers), else the exact double. */
  private static void number(ObjectNode into, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      into.put(key, (long) v);
    } else {
      into.put(key, v);
    }
  }

  private static void wholeNumber(ObjectNode into, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      into.put(key, (long) v);
    }
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
