package ai.llmd.prism.core;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.FormatWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
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
          info(PluginInfo.Kind.FORMAT_READER, r.id(), r.description(), r, Availability.AVAILABLE));
    }
    for (FormatWriter w : writers()) {
      out.add(
          info(PluginInfo.Kind.FORMAT_WRITER, w.id(), w.description(), w, Availability.AVAILABLE));
    }
    for (ConnectorProvider c : connectors()) {
      out.add(info(PluginInfo.Kind.CONNECTOR, c.scheme(), c.description(), c, safeAvailability(c)));
    }
    for (ChartRenderer r : renderers()) {
      out.add(
          info(
              PluginInfo.Kind.CHART_RENDERER,
              r.format(),
              r.description(),
              r,
              Availability.AVAILABLE));
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
      PluginInfo.Kind kind, String id, String description, Object plugin, Availability a) {
    return new PluginInfo(
        kind,
        id,
        description,
        plugin.getClass().getName(),
        origin(plugin.getClass()),
        a.available(),
        a.reason());
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

    private Builder() {}

    /** Discovers every plugin visible to the class loader that loaded Prism. */
    public Builder discover() {
      return discover(Plugins.class.getClassLoader());
    }

    /** Discovers every plugin visible to {@code loader}. */
    public Builder discover(ClassLoader loader) {
      load(FormatReader.class, loader).forEach(this::reader);
      load(FormatWriter.class, loader).forEach(this::writer);
      load(ConnectorProvider.class, loader).forEach(this::connector);
      load(ChartRenderer.class, loader).forEach(this::renderer);
      return this;
    }

    /** Adds a reader; a second reader with the same id is reported and ignored. */
    public Builder reader(FormatReader reader) {
      add(readers, reader.id(), reader, "format reader");
      return this;
    }

    /** Adds a writer; a second writer with the same id is reported and ignored. */
    public Builder writer(FormatWriter writer) {
      add(writers, writer.id(), writer, "format writer");
      return this;
    }

    /** Adds a connector provider; a second one for the same scheme is reported and ignored. */
    public Builder connector(ConnectorProvider provider) {
      add(connectors, provider.scheme().toLowerCase(Locale.ROOT), provider, "connector");
      return this;
    }

    /** Adds a chart renderer; a second one for the same format is reported and ignored. */
    public Builder renderer(ChartRenderer renderer) {
      add(renderers, renderer.format().toLowerCase(Locale.ROOT), renderer, "chart renderer");
      return this;
    }

    public Plugins build() {
      return new Plugins(this);
    }

    private <T> void add(Map<String, T> map, String id, T plugin, String what) {
      T existing = map.get(id);
      if (existing == null) {
        map.put(id, plugin);
      } else if (existing.getClass() != plugin.getClass()) {
        problems.add(
            Problem.warning(
                "plugins",
                id,
                "two "
                    + what
                    + "s claim '"
                    + id
                    + "': using "
                    + existing.getClass().getName()
                    + ", ignoring "
                    + plugin.getClass().getName()));
      }
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
