package ai.llmd.prism.core.normalize;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical names of inference engines ({@code vLLM}, {@code SGLang}, {@code TensorRT-LLM}, {@code
 * TGI}, {@code JetStream}, {@code llm-d}, …) and of load harnesses ({@code inference-perf}, {@code
 * guidellm}, …), which are never engines. Also reads an engine and version out of a container image
 * reference such as {@code ghcr.io/llm-d/llm-d-cuda:0.3.1} or {@code vllm/vllm-openai:v0.10.1}. The
 * data is a versioned resource ({@code engines.json}); users extend it with {@link
 * #withOverrides(Path)}. Matching is exact after the same canonicalisation as the other registries.
 */
public final class EngineRegistry {

  private static final String RESOURCE = "/ai/llmd/prism/core/normalize/engines.json";
  private static final Pattern VERSION_TAG = Pattern.compile("v?(\\d+(?:\\.\\d+)*[0-9A-Za-z.+-]*)");
  private static volatile EngineRegistry builtIn;

  private final String version;
  private final Map<String, String> engines; // alias key -> canonical
  private final Map<String, String> harnesses; // alias key -> canonical

  /**
   * An engine read from an image reference.
   *
   * @param engine the canonical engine name
   * @param version the image tag without a leading {@code v}, or {@code null} for no tag or {@code
   *     latest}
   */
  public record Image(String engine, String version) {}

  private EngineRegistry(
      String version, Map<String, String> engines, Map<String, String> harnesses) {
    this.version = version;
    this.engines = engines;
    this.harnesses = harnesses;
  }

  /** The registry shipped with Prism. */
  public static EngineRegistry builtIn() {
    EngineRegistry r = builtIn;
    if (r == null) {
      synchronized (EngineRegistry.class) {
        r = builtIn;
        if (r == null) {
          RegistryFile f = RegistryFile.resource(RESOURCE);
          r = new EngineRegistry(f.version(), new HashMap<>(), new HashMap<>()).with(f, false);
          builtIn = r;
        }
      }
    }
    return r;
  }

  /**
   * This registry with the entries of a JSON or YAML file ({@code {"version": …, "engines":
   * [{"name": …, "aliases": […]}], "harnesses": [{"name": …, "aliases": […]}]}}) added.
   */
  public EngineRegistry withOverrides(Path file) {
    return with(RegistryFile.read(file), true);
  }

  /** Like {@link #withOverrides(Path)}, reading {@code in}; {@code name} appears in errors. */
  public EngineRegistry withOverrides(InputStream in, String name) {
    return with(RegistryFile.read(in, name), true);
  }

  private EngineRegistry with(RegistryFile f, boolean layered) {
    Map<String, String> e = new HashMap<>(engines);
    Map<String, String> h = new HashMap<>(harnesses);
    add(f, "engines", e, h);
    add(f, "harnesses", h, e);
    return new EngineRegistry(layered ? version + "+" + f.version() : f.version(), e, h);
  }

  private static void add(
      RegistryFile f, String field, Map<String, String> into, Map<String, String> other) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (RegistryFile.Item item : f.items(field)) {
      String name = item.text("name", true);
      List<String> aliases = new java.util.ArrayList<>(item.texts("aliases"));
      aliases.add(name);
      for (String a : aliases) {
        String k = Names.key(a);
        String previous = seen.putIfAbsent(k, name);
        if (previous != null && !previous.equals(name)) {
          throw item.bad("alias '" + a + "' also names " + previous);
        }
        into.put(k, name);
        other.remove(k); // a later layer may turn a harness into an engine or back
      }
    }
  }

  /** The data version; with overrides, {@code builtin+override}. */
  public String version() {
    return version;
  }

  /** The canonical engine name of {@code name}, or empty when it is not a known engine. */
  public Optional<String> engine(String name) {
    return Optional.ofNullable(engines.get(Names.key(Objects.requireNonNull(name))));
  }

  /** The canonical harness name of {@code name}, or empty when it is not a known load harness. */
  public Optional<String> harness(String name) {
    return Optional.ofNullable(harnesses.get(Names.key(Objects.requireNonNull(name))));
  }

  /**
   * Whether {@code s} looks like an image reference ({@code repo/name:tag} or {@code name:tag}).
   */
  static boolean looksLikeImage(String s) {
    return s.indexOf('/') >= 0 || (s.indexOf(':') > 0 && !s.endsWith(":"));
  }

  /**
   * The engine an image reference runs: its last path segment looked up as an engine alias (e.g.
   * {@code vllm-openai}, {@code llm-d-cuda}); empty when that segment is not a known engine.
   */
  public Optional<Image> image(String reference) {
    String ref = Objects.requireNonNull(reference).strip();
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at); // a digest says nothing about the version
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = null;
    String repo = ref;
    if (colon > slash) {
      tag = ref.substring(colon + 1);
      repo = ref.substring(0, colon);
    }
    String last = repo.substring(repo.lastIndexOf('/') + 1);
    Optional<String> engine = engine(last);
    if (engine.isEmpty()) {
      return Optional.empty();
    }
    String v = null;
    if (tag != null && !tag.equalsIgnoreCase("latest")) {
      var m = VERSION_TAG.matcher(tag);
      v = m.matches() ? m.group(1) : tag;
    }
    return Optional.of(new Image(engine.get(), v));
  }

  @Override
  public String toString() {
    return "EngineRegistry[" + version + "]";
  }
}
