package ai.llmd.prism.core.http;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;

/**
 * {@code http://} to a loopback address only (local servers and tests); anything else is refused.
 */
public final class HttpConnectorProvider implements ConnectorProvider {

  @Override
  public String scheme() {
    return "http";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "a single object over plain HTTP, from a loopback address only";
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return HttpsConnectorProvider.connector(config);
  }
}
