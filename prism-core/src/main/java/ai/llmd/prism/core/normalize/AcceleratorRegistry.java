package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.AcceleratorRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accelerator alias registry: maps GKE node labels ({@code nvidia-h100-80gb}, {@code
 * tpu-v6e-slice}), node-label product strings ({@code NVIDIA-H100-80GB-HBM3}), vendor and MLPerf
 * strings ({@code AMD Instinct MI300X 192GB HBM3}) and cloud machine types ({@code a3-highgpu-8g},
 * {@code p5.48xlarge}, {@code Standard_ND96isr_H100_v5}) to one canonical accelerator with vendor
 * and memory; a machine type also says how many accelerators it carries. The data is a versioned
 * resource ({@code accelerators.json}); users add or replace entries with {@link
 * #withOverrides(Path)}.
 *
 * <p>Matching is exact after canonicalisation: {@code (…)} and {@code […]} decorations removed (an
 * {@code (x8)} decoration is read as a count), lower case, runs of spaces, underscores and dashes
 * made one dash. Never by substring, so {@code L40S} is not {@code L4} and {@code GB200} is not
 * {@code B200}.
 *
 * <p>Instances are immutable and thread-safe; results are memoized.
 */
public final class AcceleratorRegistry {

  private static final String RESOURCE = "/ai/llmd/prism/core/normalize/accelerators.json";
  private static final int CACHE_LIMIT = 1 << 16;
  private static volatile AcceleratorRegistry builtIn;

  private final String version;
  private final Map<String, Accelerator> accelerators; // by canonical name, in file order
  private final Map<String, Machine> machines; // by machine type, in file order
  private final Map<String, Accelerator> byKey = new HashMap<>();
  private final Map<String, Machine> machineByKey = new HashMap<>();
  private final ConcurrentHashMap<String, Resolution> cache = new ConcurrentHashMap<>();

  record Accelerator(String name, String vendor, Double memoryGiB, List<String> aliases) {}

  record Machine(String type, String accelerator, int count, List<String> aliases) {}

  /** What a spelling resolved to, and the accelerator count it implies, if any. */
  private record Resolution(AcceleratorRef ref, Integer count) {}

  private AcceleratorRegistry(
      String version, Map<String, Accelerator> accelerators, Map<String, Machine> machines) {
    this.version = version;
    this.accelerators = Collections.unmodifiableMap(accelerators);
    this.machines = Collections.unmodifiableMap(machines);
    for (Accelerator a : accelerators.values()) {
      for (String alias : a.aliases()) {
        byKey.put(key(alias), a);
      }
    }
    for (Accelerator a : accelerators.values()) {
      byKey.put(key(a.name()), a);
    }
    for (Machine m : machines.values()) {
      if (!accelerators.containsKey(m.accelerator())) {
        throw new IllegalArgumentException(
            "machine type " + m.type() + " names unknown accelerator " + m.accelerator());
      }
      for (String alias : m.aliases()) {
        machineByKey.put(key(alias), m);
      }
      machineByKey.put(key(m.type()), m);
    }
  }

  /** The registry shipped with Prism. */
  public static AcceleratorRegistry builtIn() {
    AcceleratorRegistry r = builtIn;
    if (r == null) {
      synchronized (AcceleratorRegistry.class) {
        r = builtIn;
        if (r == null) {
          RegistryFile f = RegistryFile.resource(RESOURCE);
          r =
              new AcceleratorRegistry(
                  f.version(),
                  parseAccelerators(f, new LinkedHashMap<>()),
                  parseMachines(f, new LinkedHashMap<>()));
          builtIn = r;
        }
      }
    }
    return r;
  }

  /**
   * This registry with the entries of a JSON or YAML file ({@code {"version": …, "accelerators":
   * [{"name": …, "vendor": …, "memoryGiB": …, "aliases": […]}], "machineTypes": [{"type": …,
   * "accelerator": …, "count": …, "aliases": […]}]}}) added; an entry whose name exists replaces
   * it.
   *
   * @throws IllegalArgumentException when the file is malformed, naming the field
   */
  public AcceleratorRegistry withOverrides(Path file) {
    return with(RegistryFile.read(file));
  }

  /** Like {@link #withOverrides(Path)}, reading {@code in}; {@code name} appears in errors. */
  public AcceleratorRegistry withOverrides(InputStream in, String name) {
    return with(RegistryFile.read(in, name));
  }

  private AcceleratorRegistry with(RegistryFile f) {
    Map<String, Accelerator> a = parseAccelerators(f, new LinkedHashMap<>(accelerators));
    Map<String, Machine> m = parseMachines(f, new LinkedHashMap<>(machines));
    for (RegistryFile.Item item : f.items("accelerators")) { // overrides' aliases win
      String name = item.text("name", true);
      a.put(name, a.remove(name));
    }
    for (RegistryFile.Item item : f.items("machineTypes")) {
      String type = item.text("type", true);
      m.put(type, m.remove(type));
    }
    return new AcceleratorRegistry(version + "+" + f.version(), a, m);
  }

  /** The data version; with overrides, {@code builtin+override}. */
  public String version() {
    return version;
  }

  /** Every canonical accelerator name, in registry order. */
  public List<String> names() {
    return List.copyOf(accelerators.keySet());
  }

  /**
   * Resolves an accelerator spelling, a machine type or a GKE label. Never null; a name not found
   * (or a placeholder such as {@code N/A}) gives {@link AcceleratorRef#unresolved(String)}.
   */
  public AcceleratorRef resolve(String raw) {
    return lookup(raw).ref();
  }

  /**
   * The accelerator count the spelling itself implies: per machine for a machine type ({@code
   * a3-highgpu-8g} → 8, {@code g2-standard-48} → 4), or the total an {@code (x87)} decoration
   * states. Empty otherwise.
   */
  public OptionalInt impliedCount(String raw) {
    Integer c = lookup(raw).count();
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }

  /** Whether {@code raw} names a machine type (so its implied count is per machine). */
  public boolean isMachineType(String raw) {
    return machineByKey.containsKey(key(raw));
  }

  private Resolution lookup(String raw) {
    Objects.requireNonNull(raw, "raw");
    Resolution r = cache.get(raw);
    if (r == null) {
      r = compute(raw);
      if (cache.size() < CACHE_LIMIT) {
        cache.putIfAbsent(raw, r);
      }
    }
    return r;
  }

  private Resolution compute(String raw) {
    String r = raw.strip();
    if (Names.isPlaceholder(r)) {
      return new Resolution(AcceleratorRef.unresolved(r), null);
    }
    Names.Undecorated u = Names.undecorate(r);
    String k = Names.key(u.core());
    Accelerator a = byKey.get(k);
    Integer count = Names.countIn(u.decorations());
    if (a == null) {
      Machine m = machineByKey.get(k);
      if (m != null) {
        a = accelerators.get(m.accelerator());
        count = m.count();
      }
    }
    if (a == null) {
      return new Resolution(AcceleratorRef.unresolved(r), null);
    }
    return new Resolution(new AcceleratorRef(r, a.name(), a.vendor(), a.memoryGiB(), true), count);
  }

  private static String key(String alias) {
    return Names.key(Names.undecorate(alias).core());
  }

  private static Map<String, Accelerator> parseAccelerators(
      RegistryFile f, Map<String, Accelerator> into) {
    Map<String, String> seen = new HashMap<>();
    for (RegistryFile.Item item : f.items("accelerators")) {
      String name = item.text("name", true);
      List<String> aliases = new ArrayList<>(item.texts("aliases"));
      into.put(
          name,
          new Accelerator(
              name, item.text("vendor", false), item.positive("memoryGiB"), List.copyOf(aliases)));
      aliases.add(name);
      for (String a : aliases) {
        String previous = seen.putIfAbsent(key(a), name);
        if (previous != null && !previous.equals(name)) {
          throw item.bad("alias '" + a + "' also names " + previous);
        }
      }
    }
    return into;
  }

  private static Map<String, Machine> parseMachines(RegistryFile f, Map<String, Machine> into) {
    Map<String, String> seen = new HashMap<>();
    for (RegistryFile.Item item : f.items("machineTypes")) {
      String type = item.text("type", true);
      List<String> aliases = new ArrayList<>(item.texts("aliases"));
      into.put(
          type,
          new Machine(
              type, item.text("accelerator", true), item.count("count"), List.copyOf(aliases)));
      aliases.add(type);
      for (String a : aliases) {
        String previous = seen.putIfAbsent(key(a), type);
        if (previous != null && !previous.equals(type)) {
          throw item.bad("alias '" + a + "' also names " + previous);
        }
      }
    }
    return into;
  }

  @Override
  public String toString() {
    return "AcceleratorRegistry["
        + version
        + ", "
        + accelerators.size()
        + " accelerators, "
        + machines.size()
        + " machine types]";
  }
}
