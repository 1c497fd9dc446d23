package ai.llmd.prism.core.formats;

import static ai.llmd.prism.core.formats.BrFields.at;

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
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a BR v0.2 / v0.2.1 tree (formats.md §2) to one point. */
final class BrV02 {

  private static final Pattern ISO_DURATION =
      Pattern.compile(
          "P(?:([0-9.]+)D)?(?:T(?:([0-9.]+)H)?(?:([0-9.]+)M)?(?:([0-9.]+)S)?)?",
          Pattern.CASE_INSENSITIVE);

  private BrV02() {}

  static void read(JsonNode root, BrFields f, SourceFile file, ReadSink sink, String version) {
    Map<String, String> labels = new TreeMap<>();
    Metrics.Builder metrics = Metrics.builder();

    JsonNode run = f.object(root, "", "run", true);
    readRun(run, f, labels, metrics);

    JsonNode results = f.object(root, "", "results", true);
    JsonNode perf = f.object(results, "/results", "request_performance", false);
    JsonNode aggregate = f.object(perf, "/results/request_performance", "aggregate", false);
    Distribution[] measuredLengths = readAggregate(aggregate, f, metrics);
    readObservability(f.object(results, "/results", "observability", false), f, metrics);
    readSessions(f.object(results, "/results", "session_performance", false), f, labels);

    JsonNode scenario = f.object(root, "", "scenario", false);
    JsonNode stack = f.array(scenario, "/scenario", "stack", false);
    JsonNode load = f.object(scenario, "/scenario", "load", false);
    Stack s = readStack(stack, f);
    Workload workload = readLoad(load, f, labels, measuredLengths);

    String model = s.model;
    if (model == null) {
      model = configuredModel(load);
      if (model != null) {
        f.info(
            "/scenario/load/native/config/server/model_name",
            "no inference engine names the model; using the load generator's model name");
      } else {
        if (!root.at(BrExtension.AT + "/model/raw").isTextual()) {
          f.info("/scenario", "no model name in the report; the model is unknown");
        }
        model = "unknown";
      }
    }
    Deployment deployment =
        new Deployment(
            s.accelerator == null ? null : AcceleratorRef.unresolved(s.accelerator),
            s.totalAccelerators(),
            s.engine,
            s.engineVersion,
            null,
            s.components,
            withoutLonelyDecode(s.roles, f, "/scenario/stack"),
            null);
    BenchmarkPoint point =
        new BenchmarkPoint(
            new Scenario(ModelRef.unresolved(model), deployment, workload),
            metrics.build(),
            List.of(),
            labels,
            new Provenance(file.uri(), BenchmarkReportReader.ID, version, ""));
    JsonNode ext = root.at(BrExtension.AT);
    sink.point(ext.isMissingNode() ? point : BrExtension.apply(point, ext, f));
  }

  // ---------------------------------------------------------------- run

  private static void readRun(
      JsonNode run, BrFields f, Map<String, String> labels, Metrics.Builder metrics) {
    if (run == null) {
      return;
    }
    putLabel(labels, "run.uid", f.text(run, "/run", "uid", true));
    for (String k : new String[] {"eid", "cid", "pid", "user", "description"}) {
      putLabel(labels, "run." + k, f.text(run, "/run", k, false));
    }
    JsonNode keywords = f.array(run, "/run", "keywords", false);
    if (keywords != null) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < keywords.size(); i++) {
        JsonNode w = keywords.get(i);
        if (w.isValueNode() && !w.isNull()) {
          words.add(w.asText());
        } else {
          f.error(at("/run/keywords", i), "expected text, found " + JsonFields.describe(w));
        }
      }
      putLabel(labels, "run.keywords", words.isEmpty() ? null : String.join(",", words));
    }
    JsonNode time = f.object(run, "/run", "time", false);
    putLabel(labels, "run.start", f.text(time, "/run/time", "start", false));
    putLabel(labels, "run.end", f.text(time, "/run/time", "end", false));
    String duration = f.text(time, "/run/time", "duration", false);
    if (duration != null) {
      Double seconds = isoSeconds(duration);
      if (seconds == null) {
        f.error("/run/time/duration", "not an ISO-8601 duration: '" + duration + "'");
      } else {
        metrics.put(MetricValue.measured(Metric.DURATION, seconds));
      }
    }
  }

  /** Seconds in an ISO-8601 duration such as {@code PT49.97206788184121S}, or null. */
  static Double isoSeconds(String text) {
    Matcher m = ISO_DURATION.matcher(text.strip());
    if (!m.matches() || text.strip().length() < 3) {
      return null;
    }
    double[] scale = {86400, 3600, 60, 1};
    double total = 0;
    try {
      for (int g = 1; g <= 4; g++) {
        if (m.group(g) != null) {
          total += Double.parseDouble(m.group(g)) * scale[g - 1];
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return total;
  }

  // ---------------------------------------------------------------- results

  /** Reads the aggregate request performance; returns measured {input, output} lengths. */
  private static Distribution[] readAggregate(
      JsonNode aggregate, BrFields f, Metrics.Builder metrics) {
    Distribution[] lengths = new Distribution[2];
    if (aggregate == null) {
      return lengths;
    }
    String a = "/results/request_performance/aggregate";
    JsonNode requests = f.object(aggregate, a, "requests", false);
    if (requests != null) {
      String r = a + "/requests";
      count(metrics, Metric.REQUESTS_TOTAL, f.count(requests, r, "total", true));
      count(metrics, Metric.REQUESTS_FAILED, f.count(requests, r, "failures", false));
      count(metrics, Metric.REQUESTS_INCOMPLETE, f.count(requests, r, "incomplete", false));
      lengths[0] = f.statistics(requests, r, "input_length", Unit.TOKENS, false);
      lengths[1] = f.statistics(requests, r, "output_length", Unit.TOKENS, false);
    }
    JsonNode latency = f.object(aggregate, a, "latency", false);
    String l = a + "/latency";
    put(metrics, Metric.TTFT, f.statistics(latency, l, "time_to_first_token", ms(), false));
    put(
        metrics,
        Metric.NTPOT,
        f.statistics(latency, l, "normalized_time_per_output_token", msPerToken(), false));
    put(
        metrics,
        Metric.TPOT,
        f.statistics(latency, l, "time_per_output_token", msPerToken(), false));
    put(metrics, Metric.ITL, f.statistics(latency, l, "inter_token_latency", msPerToken(), false));
    put(metrics, Metric.E2E_LATENCY, f.statistics(latency, l, "request_latency", ms(), false));
    JsonNode throughput = f.object(aggregate, a, "throughput", false);
    String t = a + "/throughput";
    Unit tps = Unit.TOKENS_PER_SECOND;
    put(
        metrics,
        Metric.INPUT_THROUGHPUT,
        f.statistics(throughput, t, "input_token_rate", tps, false));
    put(
        metrics,
        Metric.OUTPUT_THROUGHPUT,
        f.statistics(throughput, t, "output_token_rate", tps, false));
    put(
        metrics,
        Metric.TOTAL_THROUGHPUT,
        f.statistics(throughput, t, "total_token_rate", tps, false));
    put(
        metrics,
        Metric.REQUEST_RATE,
        f.statistics(throughput, t, "request_rate", Unit.REQUESTS_PER_SECOND, false));
    return lengths;
  }

  private static Unit ms() {
    return Unit.MILLISECONDS;
  }

  private static Unit msPerToken() {
    return Unit.MILLISECONDS_PER_TOKEN;
  }

  /**
   * KV-cache usage and prefix-cache hit rate. The schema's own per-component aggregates come first;
   * the ad-hoc {@code vllm_*} keys of metrics_processor.py next (their across-pod {@code
   * aggregated}, else their only component). Several components with no aggregate are not combined:
   * averaging them would need weights the report does not give.
   */
  private static void readObservability(JsonNode obs, BrFields f, Metrics.Builder metrics) {
    if (obs == null) {
      return;
    }
    put(
        metrics,
        Metric.KV_CACHE_USAGE,
        observed(obs, f, "kv_cache_usage", "vllm_kv_cache_usage_perc", "KV-cache usage"));
    put(
        metrics,
        Metric.PREFIX_CACHE_HIT_RATE,
        observed(obs, f, "cache_hit_rate", "vllm_prefix_cache_hit_rate", "prefix-cache hit rate"));
    readPower(obs, f, metrics);
  }

  /**
   * Average accelerator power from each component's {@code power_consumption}: its aggregate mean,
   * else the mean of the samples of its time series. Power adds up across pods, so the components
   * that report it are summed (a sum of measured means, named as a rule).
   */
  private static void readPower(JsonNode obs, BrFields f, Metrics.Builder metrics) {
    String o = "/results/observability/components";
    JsonNode components = f.array(obs, "/results/observability", "components", false);
    if (components == null) {
      return;
    }
    double sum = 0;
    int n = 0;
    int series = 0;
    for (int i = 0; i < components.size(); i++) {
      JsonNode c = components.get(i);
      if (!c.isObject()) {
        continue;
      }
      String here = at(o, i);
      JsonNode agg = c.get("aggregate");
      if (agg != null && agg.isObject() && !BrFields.absent(agg, "power_consumption")) {
        Distribution d =
            f.statistics(agg, at(here, "aggregate"), "power_consumption", Unit.WATTS, false);
        if (d != null && d.mean().isPresent()) {
          sum += d.mean().getAsDouble();
          n++;
        }
        continue;
      }
      JsonNode ts = c.path("time_series").get("power_consumption");
      if (ts != null && !ts.isNull()) {
        Double mean = seriesMean(ts, at(at(here, "time_series"), "power_consumption"), f);
        if (mean != null) {
          sum += mean;
          n++;
          series++;
        }
      }
    }
    if (n == 1 && series == 0) {
      metrics.put(MetricValue.measured(Metric.AVERAGE_POWER, sum));
    } else if (n > 0) {
      metrics.put(
          MetricValue.derived(
              Metric.AVERAGE_POWER,
              Distribution.ofMean(sum),
              "average_power = sum over "
                  + n
                  + " component"
                  + (n == 1 ? "" : "s")
                  + " of results.observability power_consumption ("
                  + (series == 0
                      ? "aggregate means"
                      : series == n
                          ? "mean of each time series' samples"
                          : "aggregate means, else mean of the time-series samples")
                  + ")"));
    }
  }

  /** The plain mean of a TimeSeriesData's samples ({@code value}, else {@code mean}), in W. */
  private static Double seriesMean(JsonNode ts, String at, BrFields f) {
    if (!ts.isObject()) {
      f.error(at, "expected a time series mapping, found " + JsonFields.describe(ts));
      return null;
    }
    OptionalDouble factor = Unit.WATTS.factorFrom(ts.path("units").asText(null));
    if (factor.isEmpty()) {
      f.error(
          at(at, "units"),
          "power needs a unit in watts, found "
              + JsonFields.describe(ts.get("units"))
              + "; the series was not loaded");
      return null;
    }
    JsonNode samples = f.array(ts, at, "series", true);
    if (samples == null) {
      return null;
    }
    double sum = 0;
    int n = 0;
    for (int i = 0; i < samples.size(); i++) {
      JsonNode s = samples.get(i);
      String sat = at(at(at, "series"), i);
      JsonNode v = s.has("value") ? s.get("value") : s.get("mean");
      if (v == null || v.isNull()) {
        f.warning(sat, "a power sample without a value or mean; left out of the average");
        continue;
      }
      Double d = v.isTextual() ? parsed(v.asText()) : f.number(v, sat);
      if (d == null) {
        f.warning(sat, "power sample " + JsonFields.describe(v) + " is not a number; left out");
        continue;
      }
      sum += d * factor.getAsDouble();
      n++;
    }
    if (n == 0) {
      f.warning(at, "a power time series with no usable sample; no average power");
      return null;
    }
    return sum / n;
  }

  private static Double parsed(String text) {
    try {
      double d = Double.parseDouble(text.strip());
      return Double.isFinite(d) && d >= 0 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Distribution observed(
      JsonNode obs, BrFields f, String formalKey, String adhocKey, String what) {
    String o = "/results/observability";
    JsonNode components = f.array(obs, o, "components", false);
    List<String> formal = new ArrayList<>();
    if (components != null) {
      for (int i = 0; i < components.size(); i++) {
        JsonNode c = components.get(i);
        JsonNode agg = c.isObject() ? c.get("aggregate") : null;
        if (agg != null && agg.isObject() && !BrFields.absent(agg, formalKey)) {
          formal.add(at(at(at(o + "/components", i), "aggregate"), formalKey));
        }
      }
    }
    if (formal.size() == 1) {
      return percent(obs, f, formal.get(0), adhocKey);
    }
    JsonNode adhoc = obs.get(adhocKey);
    String ad = at(o, adhocKey);
    List<String> found = new ArrayList<>(formal);
    if (adhoc != null && adhoc.isObject()) {
      if (!BrFields.absent(adhoc, "aggregated")) {
        return percent(obs, f, at(ad, "aggregated"), adhocKey);
      }
      JsonNode cs = adhoc.get("components");
      if (cs != null && cs.isArray()) {
        List<String> perPod = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
          if (cs.get(i).isObject() && !BrFields.absent(cs.get(i), "statistics")) {
            perPod.add(at(at(ad + "/components", i), "statistics"));
          }
        }
        if (formal.isEmpty() && perPod.size() == 1) {
          return percent(obs, f, perPod.get(0), adhocKey);
        }
        found.addAll(perPod);
      }
    }
    if (found.size() > 1) {
      f.info(
          found.get(0),
          what
              + " is given for "
              + found.size()
              + " components and not aggregated by the report; not combined");
    }
    return null;
  }

  /** Reads the Statistics at {@code pointer} in percent. */
  private static Distribution percent(JsonNode obs, BrFields f, String pointer, String adhocKey) {
    JsonNode node = obs.at(pointer.substring("/results/observability".length()));
    if (!node.isObject()) {
      f.error(pointer, "expected a statistics mapping, found " + JsonFields.describe(node));
      return null;
    }
    Distribution d = f.statistics(node, pointer, Unit.PERCENT);
    if (d != null && pointer.contains(adhocKey) && adhocKey.equals("vllm_kv_cache_usage_perc")) {
      // vLLM exports this gauge as a 0-1 fraction although the report labels it percent.
      boolean allAtMostOne = true;
      for (Statistic s : d.statistics()) {
        allAtMostOne &= d.get(s).getAsDouble() <= 1.0;
      }
      if (allAtMostOne && "percent".equals(node.path("units").asText())) {
        f.warning(
            BrFields.at(pointer, "units"),
            "labelled percent but every value is at most 1 (vLLM exports a fraction); "
                + "kept as labelled");
      }
    }
    return d;
  }

  /** Multi-turn session figures have no metric of their own: their counts and means are labels. */
  private static void readSessions(JsonNode session, BrFields f, Map<String, String> labels) {
    JsonNode s = f.object(session, "/results/session_performance", "sessions", session != null);
    if (s == null) {
      return;
    }
    String at = "/results/session_performance/sessions";
    putCount(labels, "session.total", f.count(s, at, "total", true));
    putCount(labels, "session.succeeded", f.count(s, at, "succeeded", false));
    putCount(labels, "session.failed", f.count(s, at, "failed", false));
    putCount(labels, "session.events", f.count(s, at, "total_events", false));
    putCount(labels, "session.events_completed", f.count(s, at, "total_events_completed", false));
    putCount(labels, "session.events_cancelled", f.count(s, at, "total_events_cancelled", false));
    putMean(
        labels,
        "session.rate_per_s.mean",
        f.statistics(s, at, "session_rate", Unit.REQUESTS_PER_SECOND, false));
    putMean(
        labels,
        "session.duration_s.mean",
        f.statistics(s, at, "session_duration", Unit.SECONDS, false));
    putMean(
        labels,
        "session.events_per_session.mean",
        f.statistics(s, at, "events_per_session", Unit.COUNT, false));
    putMean(
        labels,
        "session.events_cancelled_per_session.mean",
        f.statistics(s, at, "events_cancelled_per_session", Unit.COUNT, false));
    putMean(
        labels,
        "session.input_tokens_per_session.mean",
        f.statistics(s, at, "input_tokens_per_session", Unit.TOKENS, false));
    putMean(
        labels,
        "session.output_tokens_per_session.mean",
        f.statistics(s, at, "output_tokens_per_session", Unit.TOKENS, false));
  }

  // ---------------------------------------------------------------- scenario

  /** What the stack's inference engines say about the deployment. */
  private static final class Stack {
    final List<Role> roles = new ArrayList<>();
    final List<String> components = new ArrayList<>();
    String model;
    String accelerator;
    String engine;
    String engineVersion;
    boolean acceleratorsUnknown;

    Integer totalAccelerators() {
      if (roles.isEmpty() || acceleratorsUnknown) {
        return null;
      }
      int n = 0;
      for (Role r : roles) {
        if (r.accelerators() == null) {
          return null;
        }
        n += r.accelerators();
      }
      return n;
    }
  }

  private static Stack readStack(JsonNode stack, BrFields f) {
    Stack s = new Stack();
    if (stack == null) {
      return s;
    }
    for (int i = 0; i < stack.size(); i++) {
      String c = at("/scenario/stack", i);
      JsonNode component = stack.get(i);
      if (!component.isObject()) {
        f.error(c, "expected a component mapping, found " + JsonFields.describe(component));
        continue;
      }
      JsonNode metadata = f.object(component, c, "metadata", true);
      f.text(metadata, c + "/metadata", "label", metadata != null);
      JsonNode std = f.object(component, c, "standardized", true);
      if (std == null) {
        continue;
      }
      String sc = c + "/standardized";
      String kind = f.text(std, sc, "kind", true);
      String tool = f.text(std, sc, "tool", true);
      String toolVersion = f.text(std, sc, "tool_version", false);
      if ("inference_engine".equals(kind)) {
        readEngine(std, sc, tool, toolVersion, f, s);
      } else if (tool != null) {
        s.components.add(tool);
      }
    }
    return s;
  }

  private static void readEngine(
      JsonNode std, String sc, String tool, String toolVersion, BrFields f, Stack s) {
    if (s.engine == null && tool != null) {
      s.engine = tool;
      s.engineVersion = toolVersion;
    }
    String model = f.text(f.object(std, sc, "model", true), sc + "/model", "name", true);
    if (model != null) {
      if (s.model == null) {
        s.model = model;
      } else if (!s.model.equals(model)) {
        f.warning(sc + "/model/name", "another model than '" + s.model + "'; the first is kept");
      }
    }
    JsonNode acc = f.object(std, sc, "accelerator", true);
    String ac = sc + "/accelerator";
    String accModel = f.text(acc, ac, "model", acc != null);
    if (accModel != null && !accModel.equalsIgnoreCase("unknown")) {
      if (s.accelerator == null) {
        s.accelerator = accModel;
      } else if (!s.accelerator.equals(accModel)) {
        f.warning(
            ac + "/model", "another accelerator than '" + s.accelerator + "'; the first is kept");
      }
    }
    Integer perReplica = acc == null ? null : f.count(acc, ac, "count", true);
    if (perReplica != null && perReplica == 0) {
      f.info(ac + "/count", "0 accelerators per replica is read as unknown");
      perReplica = null;
    }
    if (perReplica == null) {
      s.acceleratorsUnknown = true;
    }
    JsonNode par = f.object(acc, ac, "parallelism", false);
    String pc = ac + "/parallelism";
    Integer tp = degree(par, pc, "tp", f);
    Integer dp = degree(par, pc, "dp", f);
    Integer pp = degree(par, pc, "pp", f);
    Integer ep = degree(par, pc, "ep", f);

    String roleText = f.text(std, sc, "role", true);
    Integer replicas = f.count(std, sc, "replicas", true);
    if (replicas != null && replicas < 1) {
      f.error(sc + "/replicas", "must be at least 1, was 0");
      replicas = null;
    }
    Role.Kind kind = roleText == null ? null : kind(roleText);
    if (roleText != null && kind == null) {
      f.error(
          sc + "/role",
          "unknown role '" + roleText + "' (expected replica, prefill or decode); role not read");
    }
    if (kind != null && replicas != null) {
      s.roles.add(new Role(kind, replicas, tp, dp, pp, ep, perReplica));
    } else {
      s.acceleratorsUnknown = true;
    }
  }

  /** A parallelism degree; the schema defaults a missing one to 1 when parallelism is given. */
  private static Integer degree(JsonNode par, String at, String key, BrFields f) {
    if (par == null) {
      return null;
    }
    if (BrFields.absent(par, key)) {
      return 1;
    }
    return f.positiveCount(par, at, key, key + " degree");
  }

  /**
   * Decode replicas with no prefill replica anywhere serve both phases: llm-d's modelservice labels
   * its pods {@code decode} even when it deploys no prefill pods (formats.md §2.2), and calling
   * that disaggregated would compare it with real P/D deployments.
   */
  static List<Role> withoutLonelyDecode(List<Role> roles, BrFields f, String at) {
    boolean prefill = roles.stream().anyMatch(r -> r.kind() == Role.Kind.PREFILL);
    boolean decode = roles.stream().anyMatch(r -> r.kind() == Role.Kind.DECODE);
    if (prefill || !decode) {
      return roles;
    }
    f.info(at, "decode replicas without any prefill replica are read as aggregated replicas");
    List<Role> out = new ArrayList<>();
    for (Role r : roles) {
      out.add(
          r.kind() != Role.Kind.DECODE
              ? r
              : new Role(
                  Role.Kind.AGGREGATED,
                  r.replicas(),
                  r.tp(),
                  r.dp(),
                  r.pp(),
                  r.ep(),
                  r.acceleratorsPerReplica()));
    }
    return out;
  }

  static Role.Kind kind(String role) {
    return switch (role.strip().toLowerCase(Locale.ROOT)) {
      case "replica", "aggregate", "aggregated" -> Role.Kind.AGGREGATED;
      case "prefill" -> Role.Kind.PREFILL;
      case "decode" -> Role.Kind.DECODE;
      default -> null;
    };
  }

  private static String configuredModel(JsonNode load) {
    JsonNode n = load == null ? null : load.at("/native/config/server/model_name");
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText().strip();
  }

  private static Workload readLoad(
      JsonNode load, BrFields f, Map<String, String> labels, Distribution[] measured) {
    Distribution isl = measured[0];
    Distribution osl = measured[1];
    if (load == null) {
      return new Workload(isl, osl, null, null, null, null, null, null);
    }
    String l = "/scenario/load";
    JsonNode std = f.object(load, l, "standardized", true);
    String s = l + "/standardized";
    String harness = f.text(std, s, "tool", std != null);
    String harnessVersion = f.text(std, s, "tool_version", false);
    Integer stage = f.count(std, s, "stage", false);
    putLabel(labels, "load.source", f.text(std, s, "source", std != null));
    Integer parallelism = f.count(std, s, "parallelism", false);
    putCount(labels, "load.parallelism", parallelism);
    JsonNode multiTurn = f.object(std, s, "multi_turn", false);
    if (multiTurn != null) {
      JsonNode enabled = multiTurn.get("enabled");
      labels.put(
          "load.multi_turn",
          String.valueOf(enabled == null || enabled.isNull() || enabled.asBoolean()));
    }
    Distribution configuredIsl = sequenceLength(std, s, "input_seq_len", std != null, f);
    Distribution configuredOsl = sequenceLength(std, s, "output_seq_len", false, f);
    if (isl == null) {
      isl = configuredIsl;
    }
    if (osl == null) {
      osl = configuredOsl;
    }

    Double concurrency = concurrency(std, s + "/concurrency", f);
    Double rate = f.number(std, s, "rate_qps", false);
    if (rate != null && rate == 0) {
      f.error(s + "/rate_qps", "must be greater than 0");
      rate = null;
    }
    if (rate != null
        && concurrency != null
        && !concurrency.isInfinite()
        && "inference-perf".equals(harness)) {
      // inference-perf's concurrent mode writes its request count here, not a rate (formats.md
      // §2.4)
      f.info(
          s + "/rate_qps",
          "inference-perf with a concurrency limit writes its request count here; not a rate");
      putLabel(labels, "load.rate_qps", std.get("rate_qps").asText());
      rate = null;
    }
    String dataset = null;
    JsonNode dataType = load.at("/native/config/data/type");
    if (dataType.isTextual() && !dataType.asText().isBlank()) {
      dataset = dataType.asText().strip();
    }
    return new Workload(isl, osl, dataset, harness, harnessVersion, rate, concurrency, stage);
  }

  /** A whole number of at least 1, or {@code .inf} (unbounded). */
  private static Double concurrency(JsonNode std, String at, BrFields f) {
    JsonNode v = std == null ? null : std.get("concurrency");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber() && v.doubleValue() == Double.POSITIVE_INFINITY
        || v.isTextual() && isInfinity(v.asText())) {
      return Double.POSITIVE_INFINITY;
    }
    Double d = f.number(v, at);
    if (d == null) {
      return null;
    }
    if (d < 1 || d != Math.rint(d)) {
      f.error(at, "must be a whole number of at least 1 or .inf, was " + v.asText());
      return null;
    }
    return d;
  }

  private static boolean isInfinity(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case ".inf", "inf", "+inf", "infinity", "+infinity" -> true;
      default -> false;
    };
  }

  /** A {@code SequenceLength} (tokens by definition): value is the mean. */
  private static Distribution sequenceLength(
      JsonNode std, String s, String key, boolean required, BrFields f) {
    JsonNode n = f.object(std, s, key, required);
    if (n == null) {
      return null;
    }
    String at = at(s, key);
    f.text(n, at, "distribution", true);
    Distribution.Builder b = Distribution.builder();
    Double value = f.number(n, at, "value", true);
    if (value != null) {
      b.put(Statistic.MEAN, value);
    }
    Double sd = f.number(n, at, "std_dev", false);
    if (sd != null) {
      b.put(Statistic.STDDEV, sd);
    }
    Double min = f.number(n, at, "min", false);
    if (min != null) {
      b.put(Statistic.MIN, min);
    }
    Double max = f.number(n, at, "max", false);
    if (max != null) {
      b.put(Statistic.MAX, max);
    }
    return b.isEmpty() ? null : b.build();
  }

  // ---------------------------------------------------------------- helpers

  static void put(Metrics.Builder metrics, Metric metric, Distribution d) {
    if (d != null) {
      metrics.put(MetricValue.measured(metric, d));
    }
  }

  static void count(Metrics.Builder metrics, Metric metric, Integer n) {
    if (n != null) {
      metrics.put(MetricValue.measured(metric, n));
    }
  }

  static void putLabel(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(key, value);
    }
  }

  private static void putCount(Map<String, String> labels, String key, Integer n) {
    if (n != null) {
      labels.put(key, Integer.toString(n));
    }
  }

  private static void putMean(Map<String, String> labels, String key, Distribution d) {
    if (d != null && d.mean().isPresent()) {
      labels.put(key, format(d.mean().getAsDouble()));
    }
  }

  /** Fixed formatting for numbers in labels: the shortest exact decimal, never an exponent. */
  static String format(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
