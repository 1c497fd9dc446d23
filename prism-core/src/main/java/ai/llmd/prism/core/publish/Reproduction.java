package ai.llmd.prism.core.publish;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.analysis.Configuration;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What is needed to run the load levels of one configuration again, from what the points recorded
 * and nothing else: an inference-perf {@code config.yaml} (one stage per point, in stage order),
 * the equivalent {@code vllm bench serve} and GuideLLM command lines (one per point), and the
 * llm-d-benchmark scenario fields. Every fact a re-run needs that no point recorded is listed under
 * {@code unknown}, and every choice made for a tool (a length rounded to whole tokens, a dataset
 * standing in for another) under {@code notes}; nothing is filled in.
 */
public final class Reproduction {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Reproduction() {}

  /**
   * The reproduction of {@code points}, which must all be of one configuration (see {@link
   * Configuration#key()}).
   *
   * @throws IllegalArgumentException when {@code points} is empty or spans configurations
   */
  public static ObjectNode of(List<BenchmarkPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("no point to reproduce");
    }
    Configuration c = Configuration.of(points.get(0));
    for (BenchmarkPoint p : points) {
      if (!Configuration.of(p).equals(c)) {
        throw new IllegalArgumentException(
            "the points span configurations: " + c.key() + " and " + Configuration.of(p).key());
      }
    }
    List<BenchmarkPoint> sorted = new ArrayList<>(points);
    sorted.sort(
        Comparator.comparing(
            (BenchmarkPoint p) -> p.workload().stage(), Comparator.nullsLast(Integer::compare)));
    BenchmarkPoint first = sorted.get(0);
    List<String> unknown = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    ObjectNode out = NODES.objectNode();
    out.put("configuration", c.key());
    out.put("label", c.label());
    ArrayNode from = out.putArray("points");
    for (BenchmarkPoint p : sorted) {
      ObjectNode o = from.addObject();
      o.put("source", p.provenance().source().toString());
      o.put("format", p.provenance().format());
      o.put("location", p.provenance().location());
    }
    out.set("inference_perf", inferencePerf(sorted, unknown, notes));
    ArrayNode vllm = out.putArray("vllm_bench_serve");
    ArrayNode guidellm = out.putArray("guidellm");
    for (BenchmarkPoint p : sorted) {
      vllm.add(vllmBenchServe(p, unknown, notes));
      guidellm.add(guideLlm(p, unknown, notes));
    }
    out.set("llm_d_benchmark", scenario(first, unknown));
    ArrayNode u = out.putArray("unknown");
    unknown.stream().distinct().forEach(u::add);
    ArrayNode n = out.putArray("notes");
    notes.stream().distinct().forEach(n::add);
    return out;
  }

  // ---------------------------------------------------------------- inference-perf

  private static ObjectNode inferencePerf(
      List<BenchmarkPoint> points, List<String> unknown, List<String> notes) {
    BenchmarkPoint first = points.get(0);
    ObjectNode config = NODES.objectNode();
    ObjectNode server = config.putObject("server");
    String type = serverType(first.deployment().engine());
    if (type != null) {
      server.put("type", type);
    } else {
      unknown.add(
          "inference_perf.server.type (the engine: "
              + orUnknown(first.deployment().engine())
              + ")");
    }
    server.put("model_name", first.model().raw());
    unknown.add("inference_perf.server.base_url (the endpoint)");

    ObjectNode data = config.putObject("data");
    Workload w = first.workload();
    if (w.dataset() != null) {
      data.put("type", w.dataset());
    } else {
      unknown.add("inference_perf.data.type (the dataset)");
    }
    if (isSynthetic(w.dataset())) {
      distribution(data, "input_distribution", w.inputLength(), unknown);
      distribution(data, "output_distribution", w.outputLength(), unknown);
    } else if (w.dataset() != null) {
      notes.add(
          "the "
              + w.dataset()
              + " dataset's own parameters (prompt lengths, groups) are not in the points; the"
              + " points' lengths are what was measured");
    }

    ObjectNode load = config.putObject("load");
    boolean concurrent = points.stream().allMatch(p -> p.workload().concurrency() != null);
    boolean rated = points.stream().allMatch(p -> p.workload().targetRequestRate() != null);
    ArrayNode stages = NODES.arrayNode();
    if (concurrent && !rated) {
      load.put("type", "concurrent"); // the only way inference-perf holds a concurrency
      for (BenchmarkPoint p : points) {
        ObjectNode s = stages.addObject();
        number(s, "concurrency_level", p.workload().concurrency());
        OptionalDouble total = p.metrics().mean(Metric.REQUESTS_TOTAL);
        if (total.isPresent()) {
          number(s, "num_requests", total.getAsDouble());
        } else {
          unknown.add("inference_perf.load.stages[].num_requests");
        }
      }
    } else if (rated) {
      unknown.add("inference_perf.load.type (constant or poisson arrivals)");
      for (BenchmarkPoint p : points) {
        ObjectNode s = stages.addObject();
        number(s, "rate", p.workload().targetRequestRate());
        unknown.add(
            "inference_perf.load.stages[].duration (configured; the measured one is below)");
        p.metrics()
            .mean(Metric.DURATION)
            .ifPresent(
                d ->
                    notes.add(
                        "stage "
                            + orUnknown(p.workload().stage())
                            + " ran for "
                            + plain(d)
                            + " s (measured)"));
      }
    } else {
      unknown.add("inference_perf.load (no point recorded its rate or concurrency)");
    }
    if (!stages.isEmpty()) {
      load.set("stages", stages);
    }
    return config;
  }

  private static boolean isSynthetic(String dataset) {
    return dataset != null
        && switch (dataset.toLowerCase(Locale.ROOT)) {
          case "random", "synthetic" -> true;
          default -> false;
        };
  }

  private static void distribution(
      ObjectNode into, String key, Distribution d, List<String> unknown) {
    if (d == null || d.mean().isEmpty()) {
      unknown.add("inference_perf.data." + key);
      return;
    }
    ObjectNode o = into.putObject(key);
    number(o, "mean", d.mean().getAsDouble());
    d.get(Statistic.STDDEV).ifPresent(v -> number(o, "std_dev", v));
    d.get(Statistic.MIN).ifPresent(v -> number(o, "min", v));
    d.get(Statistic.MAX).ifPresent(v -> number(o, "max", v));
  }

  private static String serverType(String engine) {
    if (engine == null) {
      return null;
    }
    return switch (engine.toLowerCase(Locale.ROOT)) {
      case "vllm" -> "vllm";
      case "sglang" -> "sglang";
      case "tgi" -> "tgi";
      default -> null;
    };
  }

  // ---------------------------------------------------------------- command lines

  private static String vllmBenchServe(BenchmarkPoint p, List<String> unknown, List<String> notes) {
    List<String> args = new ArrayList<>(List.of("vllm", "bench", "serve"));
    args.add("--model");
    args.add(shell(p.model().raw()));
    args.add("--base-url");
    args.add("<ENDPOINT>");
    lengths(
        p, args, "--dataset-name", "random", "--random-input-len", "--random-output-len", notes);
    load(p, args, "--request-rate", "--max-concurrency", unknown, "vllm_bench_serve");
    p.metrics()
        .mean(Metric.REQUESTS_TOTAL)
        .ifPresentOrElse(
            n -> {
              args.add("--num-prompts");
              args.add(plain(n));
            },
            () -> unknown.add("vllm_bench_serve --num-prompts (requests sent)"));
    return String.join(" ", args);
  }

  private static String guideLlm(BenchmarkPoint p, List<String> unknown, List<String> notes) {
    List<String> args = new ArrayList<>(List.of("guidellm", "benchmark"));
    args.add("--target");
    args.add("<ENDPOINT>");
    args.add("--model");
    args.add(shell(p.model().raw()));
    Long in = tokens(p.workload().inputLength());
    Long out = tokens(p.workload().outputLength());
    if (in != null && out != null) {
      args.add("--data");
      args.add("prompt_tokens=" + in + ",output_tokens=" + out);
    } else {
      unknown.add("guidellm --data (input and output lengths)");
    }
    Workload w = p.workload();
    if (w.targetRequestRate() != null && !w.targetRequestRate().isInfinite()) {
      args.add("--rate-type");
      args.add("constant");
      args.add("--rate");
      args.add(plain(w.targetRequestRate()));
    } else if (w.concurrency() != null && !w.concurrency().isInfinite()) {
      args.add("--rate-type");
      args.add("concurrent");
      args.add("--rate");
      args.add(plain(w.concurrency()));
    } else if (w.targetRequestRate() != null || w.concurrency() != null) {
      args.add("--rate-type");
      args.add("throughput");
    } else {
      unknown.add("guidellm --rate-type/--rate (the load)");
    }
    p.metrics()
        .mean(Metric.REQUESTS_TOTAL)
        .ifPresent(
            n -> {
              args.add("--max-requests");
              args.add(plain(n));
            });
    return String.join(" ", args);
  }

  private static void lengths(
      BenchmarkPoint p,
      List<String> args,
      String datasetFlag,
      String dataset,
      String inFlag,
      String outFlag,
      List<String> notes) {
    Long in = tokens(p.workload().inputLength());
    Long out = tokens(p.workload().outputLength());
    if (in == null || out == null) {
      return;
    }
    args.add(datasetFlag);
    args.add(dataset);
    args.add(inFlag);
    args.add(Long.toString(in));
    args.add(outFlag);
    args.add(Long.toString(out));
    if (!isSynthetic(p.workload().dataset())) {
      notes.add(
          "command lines use random prompts of the points' mean lengths, rounded to whole tokens;"
              + " the points' dataset was "
              + orUnknown(p.workload().dataset()));
    }
  }

  private static void load(
      BenchmarkPoint p,
      List<String> args,
      String rateFlag,
      String concurrencyFlag,
      List<String> unknown,
      String tool) {
    Workload w = p.workload();
    if (w.targetRequestRate() != null) {
      args.add(rateFlag);
      args.add(w.targetRequestRate().isInfinite() ? "inf" : plain(w.targetRequestRate()));
    }
    if (w.concurrency() != null && !w.concurrency().isInfinite()) {
      args.add(concurrencyFlag);
      args.add(plain(w.concurrency()));
    }
    if (w.targetRequestRate() == null && w.concurrency() == null) {
      unknown.add(tool + " " + rateFlag + "/" + concurrencyFlag + " (the load)");
    }
  }

  // ---------------------------------------------------------------- llm-d-benchmark

  private static ObjectNode scenario(BenchmarkPoint p, List<String> unknown) {
    ObjectNode s = NODES.objectNode();
    s.put("model", p.model().raw());
    Deployment d = p.deployment();
    text(s, "accelerator", d.accelerator() == null ? null : d.accelerator().raw(), unknown);
    text(s, "engine", d.engine(), unknown);
    text(s, "engine_version", d.engineVersion(), unknown);
    if (d.roles().isEmpty()) {
      unknown.add("llm_d_benchmark.roles (replicas, TP/DP/EP, prefill/decode split)");
      if (d.acceleratorCount() != null) {
        s.put("accelerators", d.acceleratorCount());
      }
      return s;
    }
    ArrayNode roles = s.putArray("roles");
    for (Role r : d.roles()) {
      ObjectNode o = roles.addObject();
      o.put(
          "role",
          switch (r.kind()) {
            case AGGREGATED -> "replica";
            case PREFILL -> "prefill";
            case DECODE -> "decode";
          });
      o.put("replicas", r.replicas());
      String at = "llm_d_benchmark.roles[" + o.path("role").asText() + "].";
      integer(o, "tp", r.tp(), at, unknown);
      integer(o, "dp", r.dp(), at, unknown);
      integer(o, "pp", r.pp(), at, unknown);
      integer(o, "ep", r.ep(), at, unknown);
      integer(o, "accelerators_per_replica", r.acceleratorsPerReplica(), at, unknown);
    }
    return s;
  }

  // ---------------------------------------------------------------- helpers

  private static void text(ObjectNode into, String key, String value, List<String> unknown) {
    if (value == null) {
      unknown.add("llm_d_benchmark." + key);
    } else {
      into.put(key, value);
    }
  }

  private static void integer(
      ObjectNode into, String key, Integer value, String at, List<String> unknown) {
    if (value == null) {
      unknown.add(at + key);
    } else {
      into.put(key, value);
    }
  }

  /** The mean length in whole tokens, or null when unknown. */
  private static Long tokens(Distribution d) {
    return d == null || d.mean().isEmpty() ? null : Math.round(d.mean().getAsDouble());
  }

  private static void number(ObjectNode into, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      into.put(key, (long) v);
    } else {
      into.put(key, v);
    }
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String orUnknown(Object o) {
    return Objects.toString(o, "not recorded");
  }

  /** A shell word: quoted when it holds anything but safe characters. */
  private static String shell(String s) {
    return s.matches("[A-Za-z0-9._/:=@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
