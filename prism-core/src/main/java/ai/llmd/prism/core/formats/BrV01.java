package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.BrFields.at;
import static ai.llmd.prism.core.formats.BrV02.count;
import static ai.llmd.prism.core.formats.BrV02.put;
import static ai.llmd.prism.core.formats.BrV02.putLabel;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Maps a BR v0.1 tree (formats.md §1) to one point. */
final class BrV01 {

  private BrV01() {}

  static void read(JsonNode root, BrFields f, SourceFile file, ReadSink sink) {
    Map<String, String> labels = new TreeMap<>();
    Metrics.Builder metrics = Metrics.builder();

    JsonNode scenario = f.object(root, "", "scenario", true);
    JsonNode m = f.object(root, "", "metrics", true);
    JsonNode metadata = root.get("metadata");
    if (metadata != null && metadata.isObject()) {
      JsonNode eid = metadata.get("eid");
      if (eid != null && eid.isValueNode() && !eid.isNull()) {
        putLabel(labels, "run.eid", eid.asText());
      }
    }
    putLabel(labels, "scenario.description", f.text(scenario, "/scenario", "description", false));

    // model
    JsonNode model = f.object(scenario, "/scenario", "model", scenario != null);
    String modelName = f.text(model, "/scenario/model", "name", model != null);
    String quantization = f.text(model, "/scenario/model", "quantization", false);
    ModelRef ref = ModelRef.unresolved(modelName == null ? "unknown" : modelName);
    if (quantization != null) {
      ref =
          new ModelRef(
              ref.raw(), ref.id(), null, null, null, quantization.toUpperCase(Locale.ROOT), false);
    }
    putLabel(labels, "model.adapters", adapters(model, f));

    // metrics
    Distribution[] lengths = readMetrics(m, f, metrics, labels);

    // load
    Workload workload = readLoad(scenario, f, lengths);

    sink.point(
        new BenchmarkPoint(
            new Scenario(ref, readDeployment(scenario, f), workload),
            metrics.build(),
            List.of(),
            labels,
            new Provenance(file.uri(), BenchmarkReportReader.ID, "0.1", "")));
  }

  private static String adapters(JsonNode model, BrFields f) {
    JsonNode list = f.array(model, "/scenario/model", "adapters", false);
    if (list == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      if (!a.isObject()) {
        f.error(
            at("/scenario/model/adapters", i),
            "expected a mapping, found " + JsonFields.describe(a));
        continue;
      }
      a.properties().forEach(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
    }
    return out.isEmpty() ? null : String.join(",", out);
  }

  private static Distribution[] readMetrics(
      JsonNode m, BrFields f, Metrics.Builder metrics, Map<String, String> labels) {
    Distribution[] lengths = new Distribution[2];
    if (m == null) {
      return lengths;
    }
    JsonNode time = f.object(m, "/metrics", "time", true);
    Double duration = f.number(time, "/metrics/time", "duration", time != null);
    if (duration != null) {
      metrics.put(MetricValue.measured(Metric.DURATION, duration));
    }
    Double start = f.number(time, "/metrics/time", "start", false);
    Double stop = f.number(time, "/metrics/time", "stop", false);
    if (start != null) {
      labels.put("run.start_epoch_s", BrV02.format(start));
    }
    if (stop != null) {
      labels.put("run.stop_epoch_s", BrV02.format(stop));
    }

    JsonNode requests = f.object(m, "/metrics", "requests", true);
    String r = "/metrics/requests";
    count(metrics, Metric.REQUESTS_TOTAL, f.count(requests, r, "total", requests != null));
    count(metrics, Metric.REQUESTS_FAILED, f.count(requests, r, "failures", false));
    count(metrics, Metric.REQUESTS_INCOMPLETE, f.count(requests, r, "incomplete", false));
    lengths[0] = f.statistics(requests, r, "input_length", Unit.TOKENS, requests != null);
    lengths[1] = f.statistics(requests, r, "output_length", Unit.TOKENS, requests != null);

    JsonNode latency = f.object(m, "/metrics", "latency", true);
    String l = "/metrics/latency";
    Unit ms = Unit.MILLISECONDS;
    Unit msTok = Unit.MILLISECONDS_PER_TOKEN;
    put(metrics, Metric.TTFT, f.statistics(latency, l, "time_to_first_token", ms, latency != null));
    put(
        metrics,
        Metric.NTPOT,
        f.statistics(latency, l, "normalized_time_per_output_token", msTok, false));
    put(metrics, Metric.TPOT, f.statistics(latency, l, "time_per_output_token", msTok, false));
    put(metrics, Metric.ITL, f.statistics(latency, l, "inter_token_latency", msTok, false));
    put(metrics, Metric.E2E_LATENCY, f.statistics(latency, l, "request_latency", ms, false));

    // v0.1 throughputs are plain numbers whose unit the schema fixes (tokens/s, requests/s).
    JsonNode tp = f.object(m, "/metrics", "throughput", true);
    String t = "/metrics/throughput";
    mean(metrics, Metric.INPUT_THROUGHPUT, f.number(tp, t, "input_tokens_per_sec", false));
    mean(metrics, Metric.OUTPUT_THROUGHPUT, f.number(tp, t, "output_tokens_per_sec", false));
    mean(metrics, Metric.TOTAL_THROUGHPUT, f.number(tp, t, "total_tokens_per_sec", tp != null));
    mean(metrics, Metric.REQUEST_RATE, f.number(tp, t, "requests_per_sec", false));
    return lengths;
  }

  private static void mean(Metrics.Builder metrics, Metric metric, Double v) {
    if (v != null) {
      metrics.put(MetricValue.measured(metric, v));
    }
  }

  private static Workload readLoad(JsonNode scenario, BrFields f, Distribution[] lengths) {
    JsonNode load = f.object(scenario, "/scenario", "load", scenario != null);
    String harness = f.text(load, "/scenario/load", "name", load != null);
    String type = f.text(load, "/scenario/load", "type", false);
    Integer stage = null;
    JsonNode md = load == null ? null : load.get("metadata");
    if (md != null && md.isObject() && !BrFields.absent(md, "stage")) {
      stage = f.count(md, "/scenario/load/metadata", "stage", false);
    }
    // load.args is harness-native (formats.md §1.3): no target rate is guessed from it.
    return new Workload(lengths[0], lengths[1], type, harness, null, null, null, stage);
  }

  /** One {@code host.type} entry per pod; identical pods of one kind become one role. */
  private static Deployment readDeployment(JsonNode scenario, BrFields f) {
    JsonNode host = f.object(scenario, "/scenario", "host", false);
    JsonNode platform = f.object(scenario, "/scenario", "platform", false);
    String engine = null;
    String engineVersion = null;
    JsonNode engines = f.array(platform, "/scenario/platform", "engine", platform != null);
    if (engines != null) {
      for (int i = 0; i < engines.size(); i++) {
        String e = at("/scenario/platform/engine", i);
        JsonNode en = engines.get(i);
        if (!en.isObject()) {
          f.error(e, "expected a mapping, found " + JsonFields.describe(en));
          continue;
        }
        String name = f.text(en, e, "name", true);
        String version = f.text(en, e, "version", false);
        if (engine == null && name != null) {
          engine = name;
          engineVersion = version;
        } else if (name != null && !name.equals(engine)) {
          f.warning(at(e, "name"), "another engine than '" + engine + "'; the first is kept");
        }
      }
    }
    if (host == null) {
      return new Deployment(null, null, engine, engineVersion, null, List.of(), List.of(), null);
    }
    JsonNode types = f.array(host, "/scenario/host", "type", true);
    JsonNode accs = f.array(host, "/scenario/host", "accelerator", true);
    if (types == null || accs == null) {
      return new Deployment(null, null, engine, engineVersion, null, List.of(), List.of(), null);
    }
    if (types.size() != accs.size()) {
      f.error(
          "/scenario/host",
          "host.type has "
              + types.size()
              + " entries but host.accelerator has "
              + accs.size()
              + "; replicas not read");
      return new Deployment(null, null, engine, engineVersion, null, List.of(), List.of(), null);
    }
    Map<Pod, Integer> pods = new LinkedHashMap<>();
    String accelerator = null;
    int total = 0;
    boolean totalKnown = true;
    boolean anyReplica = false;
    boolean anyPd = false;
    for (int i = 0; i < types.size(); i++) {
      String ti = at("/scenario/host/type", i);
      JsonNode tn = types.get(i);
      Role.Kind kind = tn.isTextual() ? BrV02.kind(tn.asText()) : null;
      if (kind == null) {
        f.error(ti, "expected replica, prefill or decode, found " + JsonFields.describe(tn));
        totalKnown = false;
        continue;
      }
      anyReplica |= kind == Role.Kind.AGGREGATED;
      anyPd |= kind != Role.Kind.AGGREGATED;
      String ai = at("/scenario/host/accelerator", i);
      JsonNode acc = accs.get(i);
      if (!acc.isObject()) {
        f.error(ai, "expected a mapping, found " + JsonFields.describe(acc));
        totalKnown = false;
        continue;
      }
      String model = f.text(acc, ai, "model", true);
      if (model != null) {
        if (accelerator == null) {
          accelerator = model;
        } else if (!accelerator.equals(model)) {
          f.warning(at(ai, "model"), "another accelerator than '" + accelerator + "'");
        }
      }
      Integer count = f.count(acc, ai, "count", true);
      if (count != null && count == 0) {
        f.info(at(ai, "count"), "0 accelerators is read as unknown");
        count = null;
      }
      if (count == null) {
        totalKnown = false;
      } else {
        total += count;
      }
      JsonNode par = f.object(acc, ai, "parallelism", false);
      String pa = at(ai, "parallelism");
      Pod pod =
          new Pod(
              kind,
              count,
              degree(par, pa, "tp", f),
              degree(par, pa, "dp", f),
              degree(par, pa, "pp", f),
              degree(par, pa, "ep", f));
      pods.merge(pod, 1, Integer::sum);
    }
    if (anyReplica && anyPd) {
      f.error("/scenario/host/type", "mixes replica with prefill/decode pods");
    }
    List<Role> roles = new ArrayList<>();
    pods.forEach((p, n) -> roles.add(new Role(p.kind, n, p.tp, p.dp, p.pp, p.ep, p.count)));
    return new Deployment(
        accelerator == null ? null : AcceleratorRef.unresolved(accelerator),
        totalKnown && total > 0 ? total : null,
        engine,
        engineVersion,
        null,
        List.of(),
        BrV02.withoutLonelyDecode(roles, f, "/scenario/host/type"),
        null);
  }

  /** A parallelism degree; the schema defaults a missing one to 1 when parallelism is given. */
  private static Integer degree(JsonNode par, String at, String key, BrFields f) {
    if (par == null) {
      return null;
    }
    return BrFields.absent(par, key) ? Integer.valueOf(1) : f.positiveCount(par, at, key, key);
  }

  /** What makes two pods interchangeable replicas of one role. */
  private record Pod(
      Role.Kind kind, Integer count, Integer tp, Integer dp, Integer pp, Integer ep) {}
}
