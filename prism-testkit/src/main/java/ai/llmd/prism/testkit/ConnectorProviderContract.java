package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConnectorProvider} must have, as a JUnit 5 class to extend; each rule
 * is one named test. What the connectors it makes do with a store is {@link
 * SourceConnectorContract}'s business.
 */
public abstract class ConnectorProviderContract {

  /** A new instance of the provider under test, as {@link java.util.ServiceLoader} makes it. */
  protected abstract ConnectorProvider provider();

  /**
   * A configuration under which {@link ConnectorProvider#create} succeeds without reaching any
   * server; {@link ConnectorConfig#EMPTY} unless the connector needs settings.
   */
  protected ConnectorConfig workingConfig() {
    return ConnectorConfig.EMPTY;
  }

  /**
   * A setting that the provider must refuse, as key and value (e.g. {@code s3.maxAttempts} = {@code
   * many}); empty when the provider takes no settings. The refusal must name the key.
   */
  protected Map<String, String> badSetting() {
    return Map.of();
  }

  @Nested
  @DisplayName("describes itself")
  class Describes {
    @Test
    @DisplayName("its scheme is a lower-case URI scheme without ://")
    void schemeIsAUriScheme() {
      assertThat(provider().scheme()).matches("[a-z][a-z0-9+.-]*");
    }

    @Test
    @DisplayName("it has a one-line description")
    void hasADescription() {
      assertThat(provider().description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    @DisplayName("it declares a plugin API version this Prism accepts")
    void declaresACompatibleApiVersion() {
      assertThat(provider().requestedApiVersion()).isNotNull();
      assertThat(PluginApi.compatible(provider().requestedApiVersion())).isTrue();
    }

    @Test
    @DisplayName("its availability check answers without throwing, with a reason when unavailable")
    void availabilityAnswers() {
      Availability a = provider().availability();
      if (!a.available()) {
        assertThat(a.reason()).isNotBlank();
      }
    }
  }

  @Nested
  @DisplayName("creates connectors")
  class Creates {
    @Test
    @DisplayName("with a working configuration, and closes them more than once without harm")
    void createsAndClosesTwice() throws Exception {
      SourceConnector connector = provider().create(workingConfig());
      assertThat(connector).isNotNull();
      connector.close();
      assertThatCode(connector::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("each call makes a connector of its own configuration")
    void providersAreCheap() throws Exception {
      try (SourceConnector a = provider().create(workingConfig());
          SourceConnector b = provider().create(workingConfig())) {
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
      }
    }

    @Test
    @DisplayName("refuses a bad setting with an IllegalArgumentException that names the key")
    void refusesABadSettingByName() {
      Map<String, String> bad = badSetting();
      if (bad.isEmpty()) {
        return;
      }
      String key = bad.keySet().iterator().next();
      assertThatThrownBy(() -> provider().create(ConnectorConfig.of(bad)).close())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(key);
    }

    @Test
    @DisplayName("a secret given in the configuration never appears in the connector's toString")
    void secretsStayOutOfToString() throws Exception {
      try (SourceConnector c = provider().create(workingConfig())) {
        String text = String.valueOf(c);
        for (String key : new String[] {"secret", "token", "apiKey", "password", "credentials"}) {
          String value = workingConfig().get(provider().scheme() + "." + key);
          if (value != null && value.length() > 3) {
            assertThat(text).doesNotContain(value);
          }
        }
      }
    }
  }
}
