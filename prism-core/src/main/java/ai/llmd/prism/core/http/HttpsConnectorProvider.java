package ai.llmd.prism.core.http;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.RemoteConfig;
import ai.llmd.prism.spi.SourceConnector;
import java.time.Duration;

/**
 * {@code https://host/path}: one object, fetched with the JDK's HTTP client. Configuration: {@code
 * http.max-mib} (default 64) and {@code http.attemptTimeout} (default 60 s; {@code http.timeout}
 * until 0.3).
 */
public final class HttpsConnectorProvider implements ConnectorProvider {

  static final long DEFAULT_MAX_BYTES = 64L << 20;

  @Override
  public String scheme() {
    return "https";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "a single object over HTTPS (bounded in size; redirects only to https)";
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return connector(config);
  }

  static SourceConnector connector(ConnectorConfig config) {
    int maxMiB = config.integer("http.max-mib", (int) (DEFAULT_MAX_BYTES >> 20));
    if (maxMiB < 1) {
      throw new IllegalArgumentException("http.max-mib must be at least 1, was " + maxMiB);
    }
    return new HttpSourceConnector(
        (long) maxMiB << 20,
        RemoteConfig.of(config, "http").attemptTimeout(Duration.ofSeconds(60)));
  }
}
