package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.testkit.WithoutSdk;
import org.junit.jupiter.api.Test;

/**
 * With only Prism's own jars on the class path, the provider loads and explains what is missing.
 */
class GcsWithoutSdkTest {

  @Test
  void isDiscoveredWithoutItsSdkAndSaysWhatToAdd() throws Exception {
    WithoutSdk.assertDiscoveredAndExplains(
        GcsConnectorProvider.class, GcsConnectorProvider.SDK_CLASS);
  }
}
