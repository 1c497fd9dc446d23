package ai.llmd.prism.connector.s3;

import ai.llmd.prism.testkit.WithoutSdk;
import org.junit.jupiter.api.Test;

/**
 * With only Prism's own jars on the class path, the provider loads and explains what is missing.
 */
class S3WithoutSdkTest {

  @Test
  void isDiscoveredWithoutItsSdkAndSaysWhatToAdd() throws Exception {
    WithoutSdk.assertDiscoveredAndExplains(
        S3ConnectorProvider.class, S3ConnectorProvider.SDK_CLASS);
  }
}
