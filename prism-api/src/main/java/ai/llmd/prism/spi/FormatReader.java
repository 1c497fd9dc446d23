package ai.llmd.prism.spi;

import java.io.IOException;

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
  default String requestedApiVersion() {
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
   */
  void read(SourceFile file, ReadSink sink) throws IOException;
}
