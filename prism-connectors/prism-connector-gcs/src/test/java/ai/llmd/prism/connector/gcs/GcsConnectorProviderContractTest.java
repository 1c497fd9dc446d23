package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

/** The gcs provider held to the contract every connector provider must meet. */
class GcsConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new GcsConnectorProvider();
  }

  @Override
  protected ConnectorConfig workingConfig() {
    return ConnectorConfig.of(Map.of("gcs.anonymous", "true", "gcs.project", "test"));
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("gcs.maxAttempts", "several");
  }
}
