package ai.llmd.prism.spi;

import ai.llmd.prism.api.BenchmarkPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes points in one output format; the counterpart of {@link FormatReader}. Built-in writers are
 * registered exactly as a third party registers theirs: a {@code
 * META-INF/services/ai.llmd.prism.spi.FormatWriter} entry (and a {@code provides} clause on the
 * module path).
 *
 * <p>Rules every writer keeps:
 *
 * <ul>
 *   <li>Never invent a field the model lacks: an unknown fact is left out (or written as the
 *       format's "absent"), never filled with a default, a guess or a value from another field.
 *   <li>Units are canonical and declared: every number is written in its metric's canonical unit,
 *       and the unit is written beside it (or fixed by the format's documented schema).
 *   <li>Derived values stay marked as derived, with their rule when the format can hold it.
 * </ul>
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface FormatWriter {

  /** A stable short id, e.g. {@code prism-jsonl}; how {@code Plugins.writer(id)} finds it. */
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

  /** One line for people: what this writes. */
  String description();

  /** The usual file name extension, without the dot, e.g. {@code yaml}. */
  String fileExtension();

  /**
   * Writes {@code points} to {@code out}, in the given order. Does not close {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  void write(List<BenchmarkPoint> points, OutputStream out) throws IOException;
}
