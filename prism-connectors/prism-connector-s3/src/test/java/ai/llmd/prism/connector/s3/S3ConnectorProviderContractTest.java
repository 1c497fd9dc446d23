package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.testkit.ConnectorProviderContract;
import java.util.Map;

/** The s3 provider held to the contract every connector provider must meet. */
class S3ConnectorProviderContractTest extends ConnectorProviderContract {

  @Override
  protected ConnectorProvider provider() {
    return new S3ConnectorProvider();
  }

  @Override
  protected ConnectorConfig workingConfig() {
    return ConnectorConfig.of(Map.of("s3.region", "us-east-1", "s3.anonymous", "true"));
  }

  @Override
  protected Map<String, String> badSetting() {
    return Map.of("s3.pageSize", "many");
  }
}
