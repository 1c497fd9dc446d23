package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an inference-perf {@code config.yaml} says about a run (formats.md §3.8): the model, the
 * engine, the dataset, each stage's configured rate or concurrency, and the configured input and
 * output lengths. Fields are {@code null} where the config is silent.
 *
 * @param source the config's name, for labels and messages
 * @param model {@code server.model_name}, else {@code tokenizer.pretrained_model_name_or_path}
 * @param engine the canonical engine name from {@code server.type}
 * @param dataset {@code data.type}
 * @param loadType {@code load.type}
 * @param stages {@code load.stages[]} in order
 * @param inputLength configured input tokens
 * @param outputLength configured output tokens
 * @param problems what was wrong with the config, reported on every file that uses it
 */
record InferencePerfConfig(
    String source,
    String model,
    String engine,
    String dataset,
    String loadType,
    List<Stage> stages,
    Distribution inputLength,
    Distribution outputLength,
    List<Note> problems) {

  /** A problem in the config, at a JSON pointer. */
  record Note(String location, String message) {}

  /** One configured stage: a rate (req/s) or a concurrency level, either may be null. */
  record Stage(Double rate, Double concurrency) {}

  /** The file name inference-perf writes its resolved config to. */
  static final String FILE_NAME = "config.yaml";

  /** How many directories above a report a config is looked for (the demo layout needs two). */
  static final int MAX_LEVELS_UP = 2;

  private static final int CACHE_SIZE = 32;

  // Every stage report of a run shares one config: parse it once. Keyed by URI and checked against
  // the bytes, so a changed file is parsed again.
  private static final Map<URI, Cached> CACHE =
      new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Cached> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private record Cached(byte[] bytes, Optional<InferencePerfConfig> config) {}

  /**
   * The config beside {@code report}, or up to {@link #MAX_LEVELS_UP} directories above it; only a
   * mapping that looks like an inference-perf config is taken.
   */
  static Optional<InferencePerfConfig> near(SourceFile report) {
    for (int up = 0; up <= MAX_LEVELS_UP; up++) {
      Optional<SourceFile> f = report.sibling(FILE_NAME, up);
      if (f.isPresent()) {
        Optional<InferencePerfConfig> c = load(f.get());
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<InferencePerfConfig> load(SourceFile f) {
    byte[] bytes;
    try {
      bytes = f.bytes();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    URI key = f.uri();
    synchronized (CACHE) {
      Cached c = CACHE.get(key);
      if (c != null && Arrays.equals(c.bytes, bytes)) {
        return c.config;
      }
    }
    Optional<InferencePerfConfig> parsed = parse(f.name(), bytes);
    synchronized (CACHE) {
      CACHE.put(key, new Cached(bytes, parsed));
    }
    return parsed;
  }

  /** Parses a config; empty when the content is not an inference-perf config at all. */
  static Optional<InferencePerfConfig> parse(String name, byte[] bytes) {
    JsonNode root;
    try {
      root = Trees.parse(bytes);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    int marks = 0;
    for (String k : new String[] {"api", "data", "load", "server", "report", "tokenizer"}) {
      if (root.has(k)) {
        marks++;
      }
    }
    if (marks < 2 || !(root.has("load") || root.has("server"))) {
      return Optional.empty();
    }
    List<Note> problems = new ArrayList<>();
    JsonNode server = JsonFields.object(root, "server");
    String model = JsonFields.text(server, "model_name");
    if (model == null) {
      model =
          JsonFields.text(JsonFields.object(root, "tokenizer"), "pretrained_model_name_or_path");
    }
    JsonNode data = JsonFields.object(root, "data");
    JsonNode load = JsonFields.object(root, "load");
    List<Stage> stages = new ArrayList<>();
    JsonNode st = load == null ? null : load.get("stages");
    if (st != null && st.isArray()) {
      for (int i = 0; i < st.size(); i++) {
        JsonNode s = st.get(i);
        String p = "/load/stages/" + i;
        stages.add(
            new Stage(
                positive(s, "rate", p, problems), positive(s, "concurrency_level", p, problems)));
      }
    }
    Distribution in = null;
    Distribution out = null;
    if (data != null) {
      in =
          lengths(
              JsonFields.object(data, "input_distribution"), "/data/input_distribution", problems);
      out =
          lengths(
              JsonFields.object(data, "output_distribution"),
              "/data/output_distribution",
              problems);
      JsonNode sp = JsonFields.object(data, "shared_prefix");
      if (sp != null && in == null) {
        Double sys = length(sp, "system_prompt_len", problems);
        Double q = length(sp, "question_len", problems);
        if (sys != null && q != null) {
          in = Distribution.ofMean(sys + q);
        }
      }
      if (sp != null && out == null) {
        Double o = length(sp, "output_len", problems);
        out = o == null ? null : Distribution.ofMean(o);
      }
    }
    return Optional.of(
        new InferencePerfConfig(
            name,
            model,
            engine(JsonFields.text(server, "type")),
            JsonFields.text(data, "type"),
            JsonFields.text(load, "type"),
            List.copyOf(stages),
            in,
            out,
            List.copyOf(problems)));
  }

  /** The canonical spelling of an inference-perf {@code server.type}. */
  static String engine(String type) {
    if (type == null) {
      return null;
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "vllm" -> "vLLM";
      case "sglang" -> "SGLang";
      case "tgi" -> "TGI";
      case "trtllm", "tensorrt-llm" -> "TensorRT-LLM";
      default -> type;
    };
  }

  /** The configured stage {@code index}, or {@code null}. */
  Stage stage(Integer index) {
    return index == null || index >= stages.size() ? null : stages.get(index);
  }

  private static Double positive(JsonNode s, String field, String p, List<Note> problems) {
    JsonNode n = s == null ? null : s.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || !(n.doubleValue() > 0) || !Double.isFinite(n.doubleValue())) {
      problems.add(new Note(p + "/" + field, "expected a positive number; ignored"));
      return null;
    }
    return n.doubleValue();
  }

  /** {@code {min, max, mean, std_dev}} (inference-perf spells the deviation {@code std_dev}). */
  private static Distribution lengths(JsonNode d, String p, List<Note> problems) {
    if (d == null) {
      return null;
    }
    Distribution.Builder b = Distribution.builder();
    String[][] keys = {{"mean", "MEAN"}, {"std_dev", "STDDEV"}, {"min", "MIN"}, {"max", "MAX"}};
    for (String[] k : keys) {
      JsonNode n = d.get(k[0]);
      if (n == null || n.isNull()) {
        continue;
      }
      if (!n.isNumber() || !(n.doubleValue() >= 0) || !Double.isFinite(n.doubleValue())) {
        problems.add(new Note(p + "/" + k[0], "expected a non-negative number; ignored"));
        continue;
      }
      b.put(Statistic.valueOf(k[1]), n.doubleValue());
    }
    return b.isEmpty() ? null : b.build();
  }

  /** A shared-prefix length: an int, or a distribution object whose mean is taken. */
  private static Double length(JsonNode sp, String field, List<Note> problems) {
    JsonNode n = sp.get(field);
    if (n != null && n.isObject()) {
      n = n.get("mean");
    }
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || !(n.doubleValue() >= 0) || !Double.isFinite(n.doubleValue())) {
      problems.add(
          new Note("/data/shared_prefix/" + field, "expected a non-negative number; ignored"));
      return null;
    }
    return n.doubleValue();
  }
}
