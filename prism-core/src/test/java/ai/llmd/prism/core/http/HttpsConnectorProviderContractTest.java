package ai.llmd.prism.core.http;

import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

/** The https provider held to the contract every connector provider must meet. */
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
