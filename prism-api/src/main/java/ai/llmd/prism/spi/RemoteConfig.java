package ai.llmd.prism.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings every remote store shares, in one vocabulary under each store's prefix (Micrometer's
 * {@code PushRegistryConfig} is the model): {@code <prefix>.maxAttempts}, {@code
 * <prefix>.retryDelay}, {@code <prefix>.attemptTimeout}, {@code <prefix>.deadline} and {@code
 * <prefix>.pageSize}. Each value is validated and a bad one is an {@link IllegalArgumentException}
 * naming its key. Keys renamed in 0.2 ({@code gcs.initialRetryDelay}, {@code giq.timeout}, {@code
 * gdrive.timeout}, {@code http.timeout}) still work until 0.3, with a warning logged once; the new
 * key wins when both are set.
 *
 * @since 0.2
 */
public final class RemoteConfig {

  /** Old key to new key, for one release. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "gcs.initialRetryDelay", "gcs.retryDelay",
          "giq.timeout", "giq.attemptTimeout",
          "gdrive.timeout", "gdrive.attemptTimeout",
          "http.timeout", "http.attemptTimeout");

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private final ConnectorConfig config;
  private final String prefix;

  private RemoteConfig(ConnectorConfig config, String prefix) {
    this.config = Objects.requireNonNull(config, "config");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** The shared settings of the store whose keys start with {@code prefix.} (e.g. {@code s3}). */
  public static RemoteConfig of(ConnectorConfig config, String prefix) {
    return new RemoteConfig(config, prefix);
  }

  /** The full key of {@code setting}, e.g. {@code s3.deadline}. */
  public String key(String setting) {
    return prefix + "." + setting;
  }

  /** How many times one request is tried at most (at least 1). */
  public int maxAttempts(int fallback) {
    String key = actual(key("maxAttempts"));
    int v = config.integer(key, fallback);
    if (v < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + v);
    }
    return v;
  }

  /** The delay before the first retry; later retries back off from it (positive). */
  public Duration retryDelay(Duration fallback) {
    return positive("retryDelay", fallback);
  }

  /** How long one attempt may take, or empty for the store client's own default. */
  public Optional<Duration> attemptTimeout() {
    if (config.string(actual(key("attemptTimeout"))).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(positive("attemptTimeout", null));
  }

  /** How long one attempt may take (positive). */
  public Duration attemptTimeout(Duration fallback) {
    return attemptTimeout().orElse(fallback);
  }

  /** How long one object (or one listing) may take in all, retries included (positive). */
  public Duration deadline(Duration fallback) {
    return positive("deadline", fallback);
  }

  /** Entries per listing page, from 1 to {@code max}. */
  public int pageSize(int fallback, int max) {
    String key = actual(key("pageSize"));
    int v = config.integer(key, fallback);
    if (v < 1 || v > max) {
      throw new IllegalArgumentException(key + " must be 1 to " + max + ", was " + v);
    }
    return v;
  }

  private Duration positive(String setting, Duration fallback) {
    String key = actual(key(setting));
    Duration d = config.duration(key, fallback);
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + d);
    }
    return d;
  }

  /** The key to read for {@code key}: its old name when only that is set. */
  private String actual(String key) {
    if (config.string(key).isPresent()) {
      return key;
    }
    for (Map.Entry<String, String> e : RENAMED.entrySet()) {
      String old = e.getKey();
      if (e.getValue().equals(key) && config.string(old).isPresent()) {
        if (WARNED.add(old)) {
          System.getLogger(RemoteConfig.class.getName())
              .log(
                  System.Logger.Level.WARNING,
                  "{0} is now {1}; the old name works until 0.3",
                  old,
                  key);
        }
        return old;
      }
    }
    return key;
  }
}
