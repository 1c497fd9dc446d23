package ai.llmd.prism.connector.gdrive;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

/** The gdrive provider held to the contract every connector provider must meet. */
class GdriveConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new GdriveConnectorProvider();
  }

  @Override
  protected ConnectorConfig workingConfig() {
    return ConnectorConfig.of(Map.of("gdrive.apiKey", "AIzaContractKey"));
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("gdrive.pageSize", "huge");
  }
}
