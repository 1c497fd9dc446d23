package ai.llmd.prism.spi;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Draws a {@link ChartSpec} in one output format. */
public interface ChartRenderer {

  /** The output format, e.g. {@code svg}; also the file extension. */
  String format();

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

  /** One line for people: what this draws. */
  String description();

  /** Writes the chart to {@code out}. Same spec, same bytes. */
  void render(ChartSpec spec, Appendable out) throws IOException;
}
