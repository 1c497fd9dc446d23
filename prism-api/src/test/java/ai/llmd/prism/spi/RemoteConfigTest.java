package ai.llmd.prism.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteConfigTest {

  private static RemoteConfig of(String prefix, Map<String, String> values) {
    return RemoteConfig.of(ConnectorConfig.of(values), prefix);
  }

  @Test
  void everyStoreReadsTheSameSettingsUnderItsPrefixWithItsOwnDefaults() {
    RemoteConfig s3 =
        of(
            "s3",
            Map.of(
                "s3.maxAttempts", "7",
                "s3.retryDelay", "PT0.25S",
                "s3.attemptTimeout", "3",
                "s3.deadline", "PT1M",
                "s3.pageSize", "200",
                "gcs.maxAttempts", "2"));
    RemoteConfig gcs = of("gcs", Map.of());

    assertThat(s3.maxAttempts(5)).isEqualTo(7);
    assertThat(s3.retryDelay(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
    assertThat(s3.attemptTimeout()).contains(Duration.ofSeconds(3));
    assertThat(s3.deadline(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(1));
    assertThat(s3.pageSize(1000, 1000)).isEqualTo(200);
    assertThat(gcs.maxAttempts(6)).isEqualTo(6);
    assertThat(gcs.attemptTimeout()).isEmpty();
    assertThat(gcs.attemptTimeout(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aBadValueIsAnErrorNamingItsKey() {
    assertThatThrownBy(() -> of("gcs", Map.of("gcs.maxAttempts", "0")).maxAttempts(6))
        .hasMessage("gcs.maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> of("s3", Map.of("s3.pageSize", "5000")).pageSize(1000, 1000))
        .hasMessage("s3.pageSize must be 1 to 1000, was 5000");
    assertThatThrownBy(() -> of("giq", Map.of("giq.deadline", "PT0S")).deadline(Duration.ZERO))
        .hasMessage("giq.deadline must be positive, was PT0S");
    assertThatThrownBy(() -> of("http", Map.of("http.attemptTimeout", "soon")).attemptTimeout())
        .hasMessageStartingWith("http.attemptTimeout must be a duration");
    assertThatThrownBy(() -> of("s3", Map.of("s3.retryDelay", "-1")).retryDelay(Duration.ZERO))
        .hasMessageStartingWith("s3.retryDelay must be positive");
  }

  @Test
  void aKeyRenamedIn02StillWorksAndAnErrorNamesTheKeyThatWasSet() {
    assertThat(of("gcs", Map.of("gcs.initialRetryDelay", "2")).retryDelay(Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(of("giq", Map.of("giq.timeout", "PT5S")).attemptTimeout())
        .contains(Duration.ofSeconds(5));
    assertThat(of("gdrive", Map.of("gdrive.timeout", "9")).attemptTimeout(Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(9));
    assertThat(of("http", Map.of("http.timeout", "1")).attemptTimeout())
        .contains(Duration.ofSeconds(1));
    assertThatThrownBy(() -> of("http", Map.of("http.timeout", "soon")).attemptTimeout())
        .hasMessageStartingWith("http.timeout must be a duration");
  }

  @Test
  void theNewKeyWinsWhenBothAreSet() {
    assertThat(
            of("gcs", Map.of("gcs.initialRetryDelay", "2", "gcs.retryDelay", "3"))
                .retryDelay(Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(3));
  }
}
