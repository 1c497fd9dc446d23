package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.publish.Publisher;
import ai.llmd.prism.core.publish.Stores;
import ai.llmd.prism.spi.ConnectorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What to load and how: shared by every command that reads sources. */
final class SourceOptions {

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description =
          "A file, a directory, - for standard input, or a URI a connector handles (gs://, s3://,"
              + " giq://, gdrive://).")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "ID",
      description = "Read every file as this format instead of sniffing (see `prism plugins`).")
  String format;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Files read at once, 1 to 256 (default: ${DEFAULT-VALUE}); results do not depend on it.")
  int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

  @Option(
      names = "--follow-symlinks",
      description = "Follow symbolic links that lead outside a given directory.")
  boolean followSymlinks;

  @Option(
      names = "--config",
      paramLabel = "KEY=VALUE",
      description =
          "Connector configuration, e.g. s3.endpoint=http://127.0.0.1:9000 or gcs.anonymous=true"
              + " (see prism-connectors/README.md). Repeatable.")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Keep remote objects here, keyed by their change token, so a re-load downloads only what"
              + " changed (default: $XDG_CACHE_HOME/prism or ~/.cache/prism).")
  Path cache;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "A column mapping (YAML or JSON) applied to every CSV and TSV: which column is the model,"
              + " each metric and its unit (docs/mapping.md). Without it, a prism-mapping.yaml"
              + " beside the data applies.")
  Path mapping;

  @Option(names = "--no-cache", description = "Download every remote object again.")
  boolean noCache;

  @Option(
      names = "--cache-max",
      paramLabel = "MIB",
      description =
          "The most the cache may hold, in MiB; past it the least recently used objects are"
              + " deleted (default: 1024).")
  Integer cacheMaxMib;

  /** The CLI caches remote objects by default; the library does not. */
  static Path defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("prism");
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  LoadResult load() {
    return load(sources);
  }

  /** Loads other sources (e.g. a baseline) with the same options. */
  LoadResult load(List<String> from) {
    Prism prism = Prism.of(PluginPath.plugins(), LoadOptions.defaults());
    Map<String, String> values = new LinkedHashMap<>(config);
    if (!noCache && !values.containsKey(Prism.CACHE_DIR)) {
      values.put(Prism.CACHE_DIR, (cache != null ? cache : defaultCache()).toString());
    }
    if (cacheMaxMib != null) {
      if (cacheMaxMib < 1) {
        throw new ParameterException(
            spec.commandLine(), "--cache-max must be at least 1 (MiB), was " + cacheMaxMib);
      }
      values.put(Prism.CACHE_MAX_MIB, cacheMaxMib.toString());
    }
    CheckedConfig checked = new CheckedConfig(values);
    LoadOptions options =
        prism
            .options()
            .withFormat(format)
            .withThreads(threads)
            .withFollowSymlinks(followSymlinks)
            .withMapping(mapping)
            .withConnectorConfig(checked);
    List<Problem> indexProblems = new ArrayList<>();
    String[] all = published(from, prism, checked, indexProblems).toArray(String[]::new);
    LoadResult result;
    if (!ProgressBar.wanted()) {
      result = prism.withOptions(options).load(all);
    } else {
      ProgressBar bar = new ProgressBar(System.err);
      try {
        result = prism.withOptions(options).withProgress(bar).load(all);
      } finally {
        bar.finish();
      }
    }
    String rejected = checked.rejected.peek();
    if (rejected != null) {
      throw new ParameterException(spec.commandLine(), "--config " + rejected);
    }
    if (!indexProblems.isEmpty()) {
      List<Problem> problems = new ArrayList<>(indexProblems);
      problems.addAll(result.problems());
      result = new LoadResult(result.points(), problems);
    }
    return result;
  }

  /** The --config values, for a connector opened outside a load (a store to publish to). */
  ConnectorConfig connectorConfig() {
    return ConnectorConfig.of(config);
  }

  /**
   * The sources with each published store (a directory or s3:// or gs:// prefix holding Prism's
   * index.jsonl) replaced by the reports its index names, so a store is read through its index.
   */
  private static List<String> published(
      List<String> from, Prism prism, ConnectorConfig config, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (String s : from) {
      Optional<Publisher.Index> index = Optional.empty();
      if (!s.equals("-")) {
        try (Stores.Store store = Stores.open(s, prism.plugins(), config)) {
          index = Publisher.readIndex(store.connector(), store.root());
        } catch (IOException | RuntimeException e) {
          // not a writable store, unreachable, or a connector that cannot start here: the load
          // itself says what is wrong with the source
        }
      }
      if (index.isEmpty()) {
        out.add(s);
        continue;
      }
      problems.addAll(index.get().problems());
      for (URI object : index.get().objects()) {
        out.add("file".equals(object.getScheme()) ? Path.of(object).toString() : object.toString());
      }
    }
    return out;
  }

  /**
   * The --config values, remembering those a connector rejected: connectors parse their own keys,
   * so a value that is not an integer, boolean or duration is found when first read, and then it is
   * the user's error (exit 2), not the input's.
   */
  private static final class CheckedConfig implements ConnectorConfig {
    private final Map<String, String> values;
    final Queue<String> rejected = new ConcurrentLinkedQueue<>();

    CheckedConfig(Map<String, String> values) {
      this.values = Map.copyOf(values);
    }

    @Override
    public String get(String key) {
      return values.get(key);
    }

    @Override
    public int integer(String key, int fallback) {
      return remember(key, () -> ConnectorConfig.super.integer(key, fallback));
    }

    @Override
    public boolean bool(String key, boolean fallback) {
      return remember(key, () -> ConnectorConfig.super.bool(key, fallback));
    }

    @Override
    public Duration duration(String key, Duration fallback) {
      return remember(key, () -> ConnectorConfig.super.duration(key, fallback));
    }

    private <T> T remember(String key, Supplier<T> read) {
      try {
        return read.get();
      } catch (IllegalArgumentException e) {
        if (values.containsKey(key)) {
          rejected.add(e.getMessage());
        }
        throw e;
      }
    }
  }
}
