package ai.llmd.prism.core;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.FormatWriter;
import ai.llmd.prism.spi.PluginApi;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * The plugins one {@link Prism} instance uses: format readers and writers by id, connectors by URI
 * scheme and chart renderers by format. Instance-scoped, never global, and immutable once built.
 *
 * <p>Discovery follows SLF4J's habits: the library's own class loader unless told otherwise, each
 * provider instantiated on its own so that one broken plugin is reported as a {@link Problem} and
 * never stops the others, and a duplicate id reported rather than silently shadowed (the first, in
 * a stable order, wins).
 */
public final class Plugins {

  private final Map<String, FormatReader> readers;
  private final Map<String, FormatWriter> writers;
  private final Map<String, ConnectorProvider> connectors;
  private final Map<String, ChartRenderer> renderers;
  private final List<Problem> problems;
  // sorted once: every file's detection walks the readers
  private final List<FormatReader> sortedReaders;

  private Plugins(Builder b) {
    this.readers = Map.copyOf(b.readers);
    this.writers = Map.copyOf(b.writers);
    this.connectors = Map.copyOf(b.connectors);
    this.renderers = Map.copyOf(b.renderers);
    this.problems = List.copyOf(b.problems);
    this.sortedReaders = sorted(readers, FormatReader::id);
  }

  /** An empty set of plugins to fill by hand or by discovery. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every reader, sorted by id. */
  public List<FormatReader> readers() {
    return sortedReaders;
  }

  /** The reader with this id, or empty. */
  public Optional<FormatReader> reader(String id) {
    return Optional.ofNullable(readers.get(id));
  }

  /** Every writer, sorted by id. */
  public List<FormatWriter> writers() {
    return sorted(writers, FormatWriter::id);
  }

  /** The writer with this id, or empty. */
  public Optional<FormatWriter> writer(String id) {
    return Optional.ofNullable(writers.get(id));
  }

  /** Every connector provider, sorted by scheme. */
  public List<ConnectorProvider> connectors() {
    return sorted(connectors, ConnectorProvider::scheme);
  }

  /** The connector provider for a URI scheme (case-insensitive), or empty. */
  public Optional<ConnectorProvider> connector(String scheme) {
    return Optional.ofNullable(connectors.get(scheme.toLowerCase(Locale.ROOT)));
  }

  /** Every chart renderer, sorted by format. */
  public List<ChartRenderer> renderers() {
    return sorted(renderers, ChartRenderer::format);
  }

  /** The renderer for an output format, or empty. */
  public Optional<ChartRenderer> renderer(String format) {
    return Optional.ofNullable(renderers.get(format.toLowerCase(Locale.ROOT)));
  }

  /** What went wrong during discovery: broken providers, duplicate ids. */
  public List<Problem> problems() {
    return problems;
  }

  /** A description of every plugin: readers, writers, connectors, then renderers. */
  public List<PluginInfo> describe() {
    List<PluginInfo> out = new ArrayList<>();
    for (FormatReader r : readers()) {
      out.add(
          info(
              PluginInfo.Kind.FORMAT_READER,
              r.id(),
              r.description(),
              r,
              Availability.AVAILABLE,
              r.requestedApiVersion()));
    }
    for (FormatWriter w : writers()) {
      out.add(
          info(
              PluginInfo.Kind.FORMAT_WRITER,
              w.id(),
              w.description(),
              w,
              Availability.AVAILABLE,
              w.requestedApiVersion()));
    }
    for (ConnectorProvider c : connectors()) {
      out.add(
          info(
              PluginInfo.Kind.CONNECTOR,
              c.scheme(),
              c.description(),
              c,
              safeAvailability(c),
              c.requestedApiVersion()));
    }
    for (ChartRenderer r : renderers()) {
      out.add(
          info(
              PluginInfo.Kind.CHART_RENDERER,
              r.format(),
              r.description(),
              r,
              Availability.AVAILABLE,
              r.requestedApiVersion()));
    }
    return out;
  }

  private static Availability safeAvailability(ConnectorProvider c) {
    try {
      return c.availability();
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable(
          c.getClass().getName() + " failed its availability check: " + e);
    }
  }

  private static PluginInfo info(
      PluginInfo.Kind kind,
      String id,
      String description,
      Object plugin,
      Availability a,
      String apiVersion) {
    return new PluginInfo(
        kind,
        id,
        description,
        plugin.getClass().getName(),
        origin(plugin.getClass()),
        a.available(),
        a.reason(),
        apiVersion == null ? "" : apiVersion);
  }

  /** The module name, or else the jar (or build output directory) a class was loaded from. */
  static String origin(Class<?> type) {
    Module module = type.getModule();
    if (module.isNamed()) {
      return module.getName();
    }
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return "unknown";
    }
    try {
      Path p = Path.of(cs.getLocation().toURI());
      if (Files.isDirectory(p) && p.getParent() != null && p.getParent().getParent() != null) {
        // .../prism-core/target/classes: name the module directory
        return p.getParent().getParent().getFileName()
            + "/"
            + p.getParent().getFileName()
            + "/"
            + p.getFileName();
      }
      return String.valueOf(p.getFileName());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return cs.getLocation().toString();
    }
  }

  private static final String READER = "format reader";
  private static final String WRITER = "format writer";
  private static final String CONNECTOR = "connector";
  private static final String RENDERER = "chart renderer";

  private static <T> List<T> sorted(Map<String, T> map, Function<T, String> key) {
    List<T> list = new ArrayList<>(map.values());
    list.sort(Comparator.comparing(key));
    return List.copyOf(list);
  }

  /** Collects plugins; explicit registrations and discoveries mix freely. */
  public static final class Builder {
    private final Map<String, FormatReader> readers = new LinkedHashMap<>();
    private final Map<String, FormatWriter> writers = new LinkedHashMap<>();
    private final Map<String, ConnectorProvider> connectors = new LinkedHashMap<>();
    private final Map<String, ChartRenderer> renderers = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> explicit = new HashSet<>();

    private Builder() {}

    /** Discovers every plugin visible to the class loader that loaded Prism. */
    public Builder discover() {
      return discover(Plugins.class.getClassLoader());
    }

    /** Discovers every plugin visible to {@code loader}. */
    public Builder discover(ClassLoader loader) {
      for (FormatReader r : load(FormatReader.class, loader)) {
        discovered(r, () -> add(readers, r.id(), r, READER, r.requestedApiVersion(), false));
      }
      for (FormatWriter w : load(FormatWriter.class, loader)) {
        discovered(w, () -> add(writers, w.id(), w, WRITER, w.requestedApiVersion(), false));
      }
      for (ConnectorProvider c : load(ConnectorProvider.class, loader)) {
        discovered(
            c,
            () ->
                add(
                    connectors,
                    c.scheme().toLowerCase(Locale.ROOT),
                    c,
                    CONNECTOR,
                    c.requestedApiVersion(),
                    false));
      }
      for (ChartRenderer r : load(ChartRenderer.class, loader)) {
        discovered(
            r,
            () ->
                add(
                    renderers,
                    r.format().toLowerCase(Locale.ROOT),
                    r,
                    RENDERER,
                    r.requestedApiVersion(),
                    false));
      }
      return this;
    }

    /**
     * Adds a reader. An explicit registration replaces a discovered reader with the same id (an
     * INFO problem says so); a second explicit one replaces the first with a WARNING. A reader
     * built for an incompatible plugin API is skipped with an ERROR.
     */
    public Builder reader(FormatReader reader) {
      add(readers, reader.id(), reader, READER, reader.requestedApiVersion(), true);
      return this;
    }

    /** Adds a writer, by the same rules as {@link #reader(FormatReader)}. */
    public Builder writer(FormatWriter writer) {
      add(writers, writer.id(), writer, WRITER, writer.requestedApiVersion(), true);
      return this;
    }

    /** Adds a connector provider, by the same rules as {@link #reader(FormatReader)}. */
    public Builder connector(ConnectorProvider provider) {
      add(
          connectors,
          provider.scheme().toLowerCase(Locale.ROOT),
          provider,
          CONNECTOR,
          provider.requestedApiVersion(),
          true);
      return this;
    }

    /** Adds a chart renderer, by the same rules as {@link #reader(FormatReader)}. */
    public Builder renderer(ChartRenderer renderer) {
      add(
          renderers,
          renderer.format().toLowerCase(Locale.ROOT),
          renderer,
          RENDERER,
          renderer.requestedApiVersion(),
          true);
      return this;
    }

    /**
     * Records a problem found while gathering plugins outside discovery (e.g. a plugin path entry
     * that is not a jar); it is reported like discovery's own.
     *
     * @since 0.2
     */
    public Builder problem(Problem problem) {
      problems.add(java.util.Objects.requireNonNull(problem, "problem"));
      return this;
    }

    /** The plugins gathered so far. */
    public Plugins build() {
      return new Plugins(this);
    }

    private <T> void add(
        Map<String, T> map, String id, T plugin, String what, String apiVersion, boolean explicit) {
      if (!apiCompatible(id, plugin, what, apiVersion)) {
        return;
      }
      T existing = map.get(id);
      String name = plugin.getClass().getName();
      if (existing == null) {
        map.put(id, plugin);
        if (explicit) {
          this.explicit.add(what + "/" + id);
        }
        return;
      }
      String kept = existing.getClass().getName();
      boolean existingExplicit = this.explicit.contains(what + "/" + id);
      if (explicit && !existingExplicit) {
        // an explicit registration is the caller's choice: it replaces what discovery found
        map.put(id, plugin);
        this.explicit.add(what + "/" + id);
        if (!kept.equals(name)) {
          problems.add(
              Problem.info(
                  "plugins",
                  id,
                  what + " '" + id + "': " + name + " registered explicitly, replacing " + kept));
        }
      } else if (explicit) {
        map.put(id, plugin);
        problems.add(
            Problem.warning(
                "plugins",
                id,
                "two "
                    + what
                    + "s registered for '"
                    + id
                    + "': using the later, "
                    + name
                    + ", instead of "
                    + kept));
      } else if (!kept.equals(name)) {
        problems.add(
            Problem.warning(
                "plugins",
                id,
                "two " + what + "s claim '" + id + "': using " + kept + ", ignoring " + name));
      }
    }

    /** Registers one discovered plugin; one whose id or version throws is reported and skipped. */
    private void discovered(Object plugin, Runnable register) {
      try {
        register.run();
      } catch (RuntimeException | LinkageError e) {
        problems.add(
            Problem.error(
                "plugins",
                plugin.getClass().getName(),
                "a plugin failed to describe itself and was skipped: " + e));
      }
    }

    private boolean apiCompatible(String id, Object plugin, String what, String apiVersion) {
      if (apiVersion == null) {
        return true; // undeclared: accepted, and `prism plugins` shows it as such
      }
      String problem;
      try {
        if (PluginApi.compatible(apiVersion)) {
          return true;
        }
        problem =
            "was built for plugin API "
                + apiVersion
                + " and cannot run with this Prism (plugin API "
                + PluginApi.VERSION
                + "); it was skipped";
      } catch (IllegalArgumentException e) {
        problem = "declares an unreadable plugin API version: " + e.getMessage() + "; skipped";
      }
      problems.add(
          Problem.error("plugins", id, what + " " + plugin.getClass().getName() + " " + problem));
      return false;
    }

    private <T> List<T> load(Class<T> type, ClassLoader loader) {
      List<T> found = new ArrayList<>();
      Iterator<T> it = ServiceLoader.load(type, loader).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          found.add(it.next());
        } catch (ServiceConfigurationError | LinkageError e) {
          // one broken provider must not hide the others
          problems.add(
              Problem.error(
                  "plugins",
                  type.getSimpleName(),
                  "a plugin could not be loaded and was skipped: " + e.getMessage()));
        }
      }
      found.sort(Comparator.comparing(p -> p.getClass().getName()));
      return found;
    }
  }
}
