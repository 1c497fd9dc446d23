package ai.llmd.prism.testkit;

import ai.llmd.prism.core.http.HttpsConnectorProvider;
import ai.llmd.prism.spi.ConnectorProvider;
import java.util.Map;

/**
 * The core's https provider held to the contract every connector provider must meet (here, since
 * the kit builds on the core).
 */
class HttpsConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new HttpsConnectorProvider();
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("http.timeout", "soon");
  }
}
