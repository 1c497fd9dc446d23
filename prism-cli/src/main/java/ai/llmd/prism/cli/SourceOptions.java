package ai.llmd.prism.cli;

import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import java.util.ArrayList;
import java.util.List;
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

  /** The same options over other sources (e.g. a baseline). */
  SourceOptions withSources(List<String> others) {
    SourceOptions o = new SourceOptions();
    o.sources = new ArrayList<>(others);
    o.format = format;
    o.threads = threads;
    o.followSymlinks = followSymlinks;
    return o;
  }

  LoadResult load() {
    Prism prism = Prism.create();
    LoadOptions options =
        prism.options().withFormat(format).withThreads(threads).withFollowSymlinks(followSymlinks);
    if (!ProgressBar.wanted()) {
      return prism.withOptions(options).load(sources.toArray(String[]::new));
    }
    ProgressBar bar = new ProgressBar(System.err);
    try {
      return prism.withOptions(options).withProgress(bar).load(sources.toArray(String[]::new));
    } finally {
      bar.finish();
    }
  }
}
