package ai.llmd.prism.connector.giq;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

/** The giq provider held to the contract every connector provider must meet. */
class GiqConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new GiqConnectorProvider();
  }

  @Override
  protected ConnectorConfig workingConfig() {
    return ConnectorConfig.of(Map.of("giq.token", "secret-token-value"));
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("giq.maxAttempts", "lots");
  }
}
