package ai.llmd.prism.spi;

import org.jspecify.annotations.Nullable;

/**
 * Makes {@link SourceConnector}s for one URI scheme ({@code gs}, {@code s3}, {@code giq}, …).
 * Discovered with {@link java.util.ServiceLoader}; must be cheap to instantiate and must not touch
 * optional SDK classes until {@link #create} is called.
 */
public interface ConnectorProvider {

  /** The URI scheme this provider handles, lower case, without {@code ://}. */
  String scheme();

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

  /** One line for people: what this connects to. */
  String description();

  /**
   * Whether this connector can work in this JVM; when its SDK is missing from the class path, says
   * so instead of failing later with {@link NoClassDefFoundError}.
   */
  default Availability availability() {
    return Availability.AVAILABLE;
  }

  /** A connector configured by {@code config}. */
  SourceConnector create(ConnectorConfig config);
}
