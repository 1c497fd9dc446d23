package ai.llmd.prism.connector.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ConnectorProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * With only Prism's own jars on the class path, the provider loads and explains what is missing.
 */
class GcsWithoutSdkTest {

  @Test
  void isDiscoveredWithoutItsSdkAndSaysWhatToAdd() throws Exception {
    URL connector = GcsConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL api = ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader noSdk =
        new URLClassLoader(new URL[] {connector, api}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> noSdk.loadClass(GcsConnectorProvider.SDK_CLASS))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> spi = noSdk.loadClass(ConnectorProvider.class.getName());
      List<Object> found = new ArrayList<>();
      ServiceLoader.load(spi, noSdk).forEach(found::add);

      assertThat(found).hasSize(1);
      Object provider = found.get(0);
      Object availability = provider.getClass().getMethod("availability").invoke(provider);
      assertThat(availability.getClass().getMethod("available").invoke(availability))
          .isEqualTo(false);
      assertThat((String) availability.getClass().getMethod("reason").invoke(availability))
          .contains(GcsConnectorProvider.SDK_CLASS)
          .contains("add ");
    }
  }
}
