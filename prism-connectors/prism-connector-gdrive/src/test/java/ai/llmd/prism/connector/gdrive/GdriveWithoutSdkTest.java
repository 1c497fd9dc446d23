package ai.llmd.prism.connector.gdrive;

import ai.llmd.prism.testkit.WithoutSdk;
import org.junit.jupiter.api.Test;

/**
 * With only Prism's own jars on the class path, the provider loads and explains what is missing.
 */
class GdriveWithoutSdkTest {

  @Test
  void isDiscoveredWithoutItsSdkAndSaysWhatToAdd() throws Exception {
    WithoutSdk.assertDiscoveredAndExplains(
        GdriveConnectorProvider.class, GdriveConnectorProvider.SDK_CLASS);
  }
}
