package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ConnectorProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Checks that a connector degrades well when its SDK is missing: with only the connector's and
 * Prism's API jars on a class path, its provider is still discovered and says what to add, instead
 * of failing later with {@link NoClassDefFoundError}.
 */
public final class WithoutSdk {

  private WithoutSdk() {}

  /**
   * Asserts that {@code provider}, loaded without its SDK (of which {@code sdkClass} is one class),
   * is discovered, unavailable, and names {@code sdkClass} and what to add.
   */
  public static void assertDiscoveredAndExplains(
      Class<? extends ConnectorProvider> provider, String sdkClass) throws Exception {
    URL connector = provider.getProtectionDomain().getCodeSource().getLocation();
    URL api = ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader noSdk =
        new URLClassLoader(new URL[] {connector, api}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> noSdk.loadClass(sdkClass))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> spi = noSdk.loadClass(ConnectorProvider.class.getName());
      List<Object> found = new ArrayList<>();
      ServiceLoader.load(spi, noSdk).forEach(found::add);

      assertThat(found).hasSize(1);
      Object loaded = found.get(0);
      Object availability = loaded.getClass().getMethod("availability").invoke(loaded);
      assertThat(availability.getClass().getMethod("available").invoke(availability))
          .isEqualTo(false);
      assertThat((String) availability.getClass().getMethod("reason").invoke(availability))
          .contains(sdkClass)
          .contains("add ");
    }
  }
}
