package ai.llmd.prism.cli;

import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to load and how: shared by every command that reads sources. */
final class SourceOptions {

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description =
          "A file, a directory, - for standard input, or a URI a connector handles (gs://, s3://,"
              + " giq://).")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "ID",
      description = "Read every file as this format instead of sniffing (see `prism plugins`).")
  String format;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files read at once (default: ${DEFAULT-VALUE}); results do not depend on it.")
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

  @Option(names = "--no-cache", description = "Download every remote object again.")
  boolean noCache;

  /** The CLI caches remote objects by default; the library does not. */
  static Path defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("prism");
  }

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
    LoadOptions options =
        prism
            .options()
            .withFormat(format)
            .withThreads(threads)
            .withFollowSymlinks(followSymlinks)
            .withConnectorConfig(ConnectorConfig.of(values));
    String[] all = from.toArray(String[]::new);
    if (!ProgressBar.wanted()) {
      return prism.withOptions(options).load(all);
    }
    ProgressBar bar = new ProgressBar(System.err);
    try {
      return prism.withOptions(options).withProgress(bar).load(all);
    } finally {
      bar.finish();
    }
  }
}
