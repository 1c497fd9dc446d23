package ai.llmd.prism.spi;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one benchmark output format into points. Built-in formats are registered exactly as a third
 * party registers theirs: a {@code META-INF/services/ai.llmd.prism.spi.FormatReader} entry (and a
 * {@code provides} clause on the module path).
 *
 * <p>Implementations must be stateless and thread-safe: one instance reads many files at once.
 */
public interface FormatReader {

  /** A stable short id, e.g. {@code vllm-bench}; used by {@code --format} and in provenance. */
  String id();

  /**
   * The plugin API version this plugin was compiled against; implement it as {@code return
   * PluginApi.VERSION;}. {@code Plugins} skips a plugin whose version {@link
   * PluginApi#compatible(String) is not compatible}, and reports one that does not say.
   *
   * @since 0.2
   */
  default @Nullable String requestedApiVersion() {
    return null;
  }

  /** One line for people: what this reads. */
  String description();

  /**
   * How sure this reader is that it can read the sampled input. Must be cheap and must not throw;
   * the sample may be truncated.
   */
  Detection detect(Sniff sniff);

  /**
   * Reads {@code file}, handing every point and every problem to {@code sink}. Bad data becomes a
   * {@link ai.llmd.prism.api.Problem}; the registry also turns any exception that escapes into one
   * problem for the whole file, so nothing is lost silently either way.
   *
   * <p>The library passes a {@link ReadContext} as {@code sink}. A reader written against 0.1
   * overrides this method; a new reader overrides {@link #read(ReadContext)} instead, which this
   * method calls by default.
   *
   * @param file the file to read
   * @param sink where points and problems go
   * @throws IOException when the file cannot be read (it becomes one problem for the file)
   */
  default void read(SourceFile file, ReadSink sink) throws IOException {
    read(ReadContext.of(file, sink));
  }

  /**
   * Reads {@code context.file()} with the reader kit: run each row through {@link ReadContext#row}
   * so that one bad row is a problem at its place and the others still load. Override this one (or,
   * as readers written against 0.1 do, {@link #read(SourceFile, ReadSink)}).
   *
   * @param context the file, the sink and the kit
   * @throws IOException when the file cannot be read (it becomes one problem for the file)
   * @since 0.2
   */
  default void read(ReadContext context) throws IOException {
    throw new UnsupportedOperationException(
        "the reader "
            + id()
            + " overrides neither read(ReadContext) nor read(SourceFile, ReadSink)");
  }
}
