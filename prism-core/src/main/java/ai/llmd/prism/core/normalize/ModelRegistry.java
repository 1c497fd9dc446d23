package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.ModelRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model alias registry: maps every known spelling of a model (Hugging Face id, org-less name,
 * MLPerf benchmark name, with or without precision suffixes and {@code (…)}/{@code […]}
 * decorations) to one canonical id with family and parameter counts. The data is a versioned
 * resource ({@code models.json}); users add or replace entries with {@link #withOverrides(Path)}.
 *
 * <p>Resolution: decorations are removed (a precision named inside one is kept); trailing precision
 * tokens ({@code -FP8}, {@code -bf16}, {@code -W8A8}, {@code -AWQ}, {@code -FP8-dynamic}, …) are
 * split off into {@link ModelRef#precision()}; the rest is canonicalised (lower case, runs of
 * spaces, underscores and dashes made one dash) and looked up exactly, first with its organisation
 * prefix, then without. Never by substring. A name not found keeps its raw spelling; its id is that
 * lower-cased core, so spellings differing in case or precision still group.
 *
 * <p>Instances are immutable and thread-safe; results are memoized.
 */
public final class ModelRegistry {

  private static final String RESOURCE = "/ai/llmd/prism/core/normalize/models.json";
  private static final int CACHE_LIMIT = 1 << 16;
  private static volatile ModelRegistry builtIn;

  private final String version;
  private final Map<String, Entry> entries; // by id, in file order
  private final Map<String, Entry> byKey;
  private final ConcurrentHashMap<String, ModelRef> cache = new ConcurrentHashMap<>();

  /** One model of the registry. */
  record Entry(String id, String family, Double total, Double active, List<String> aliases) {}

  private ModelRegistry(String version, Map<String, Entry> entries) {
    this.version = version;
    this.entries = Collections.unmodifiableMap(entries);
    Map<String, Entry> keys = new HashMap<>();
    for (Entry e : entries.values()) {
      for (String alias : e.aliases()) {
        keys.put(aliasKey(alias), e);
      }
    }
    for (Entry e : entries.values()) { // ids win over aliases of other entries
      keys.put(aliasKey(e.id()), e);
      String orgless = orgless(e.id());
      keys.putIfAbsent(aliasKey(orgless), e);
    }
    this.byKey = keys;
  }

  /** The registry shipped with Prism. */
  public static ModelRegistry builtIn() {
    ModelRegistry r = builtIn;
    if (r == null) {
      synchronized (ModelRegistry.class) {
        r = builtIn;
        if (r == null) {
          RegistryFile f = RegistryFile.resource(RESOURCE);
          r = new ModelRegistry(f.version(), parse(f, new LinkedHashMap<>()));
          builtIn = r;
        }
      }
    }
    return r;
  }

  /**
   * This registry with the entries of a JSON or YAML file ({@code {"version": …, "models": [{"id":
   * …, "family": …, "totalParamsBillions": …, "activeParamsBillions": …, "aliases": […]}]}}) added;
   * an entry whose id exists replaces it, and its aliases take precedence.
   *
   * @throws IllegalArgumentException when the file is malformed, naming the field
   */
  public ModelRegistry withOverrides(Path file) {
    return with(RegistryFile.read(file));
  }

  /** Like {@link #withOverrides(Path)}, reading {@code in}; {@code name} appears in errors. */
  public ModelRegistry withOverrides(InputStream in, String name) {
    return with(RegistryFile.read(in, name));
  }

  private ModelRegistry with(RegistryFile f) {
    Map<String, Entry> merged = parse(f, new LinkedHashMap<>(entries));
    // Override aliases must win over built-in ones: re-insert the overridden entries last.
    for (RegistryFile.Item item : f.items("models")) {
      String id = item.text("id", true);
      merged.put(id, merged.remove(id));
    }
    return new ModelRegistry(version + "+" + f.version(), merged);
  }

  /** The data version, e.g. {@code 2026.11.0}; with overrides, {@code builtin+override}. */
  public String version() {
    return version;
  }

  /** Every canonical id, in registry order. */
  public List<String> ids() {
    return List.copyOf(entries.keySet());
  }

  /**
   * Resolves a model name as written in a source. Never null; a placeholder such as {@code Unknown}
   * gives an unresolved ref with id {@code unknown}.
   */
  public ModelRef resolve(String raw) {
    Objects.requireNonNull(raw, "raw");
    ModelRef r = cache.get(raw);
    if (r == null) {
      r = compute(raw);
      if (cache.size() < CACHE_LIMIT) {
        cache.putIfAbsent(raw, r);
      }
    }
    return r;
  }

  private ModelRef compute(String raw) {
    String r = raw.strip();
    if (Names.isPlaceholder(r)) {
      return ModelRef.unresolved(r);
    }
    Names.Undecorated u = Names.undecorate(r);
    Names.Split s = Names.splitPrecision(u.core());
    String precision = s.precision() != null ? s.precision() : Names.precisionIn(u.decorations());
    String base = s.base().isBlank() ? u.core() : s.base();
    Entry e = byKey.get(Names.key(base));
    if (e == null && base.indexOf('/') >= 0) {
      e = byKey.get(Names.key(orgless(base)));
    }
    if (e == null) {
      String id = base.isBlank() ? "unknown" : base.toLowerCase(Locale.ROOT);
      return new ModelRef(r, id, null, null, null, precision, false);
    }
    return new ModelRef(r, e.id(), e.family(), e.total(), e.active(), precision, true);
  }

  private static String aliasKey(String alias) {
    Names.Undecorated u = Names.undecorate(alias);
    Names.Split s = Names.splitPrecision(u.core());
    return Names.key(s.base().isBlank() ? u.core() : s.base());
  }

  private static String orgless(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static Map<String, Entry> parse(RegistryFile f, Map<String, Entry> into) {
    Map<String, String> seen = new HashMap<>(); // alias key -> id, within this file
    for (RegistryFile.Item item : f.items("models")) {
      String id = item.text("id", true);
      List<String> aliases = new ArrayList<>(item.texts("aliases"));
      Entry e =
          new Entry(
              id,
              item.text("family", false),
              item.positive("totalParamsBillions"),
              item.positive("activeParamsBillions"),
              List.copyOf(aliases));
      if (e.active() != null && e.total() != null && e.active() > e.total()) {
        throw item.bad("activeParamsBillions exceeds totalParamsBillions");
      }
      aliases.add(id);
      for (String a : aliases) {
        String previous = seen.putIfAbsent(aliasKey(a), id);
        if (previous != null && !previous.equals(id)) {
          throw item.bad("alias '" + a + "' also names " + previous);
        }
      }
      into.put(id, e);
    }
    return into;
  }

  @Override
  public String toString() {
    return "ModelRegistry[" + version + ", " + entries.size() + " models]";
  }
}
