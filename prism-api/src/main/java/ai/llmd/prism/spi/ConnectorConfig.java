package ai.llmd.prism.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plain key-value configuration for a connector, backed by a map, properties or the environment.
 * Keys are dotted lower case ({@code s3.endpoint}); typed accessors validate and explain.
 */
@FunctionalInterface
public interface ConnectorConfig {

  /** No configuration at all. */
  ConnectorConfig EMPTY = key -> null;

  /** The raw value of {@code key}, or {@code null}. */
  @Nullable String get(String key);

  /** A configuration backed by an immutable copy of {@code values}. */
  static ConnectorConfig of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return copy::get;
  }

  /** The value of {@code key}, or empty. */
  default Optional<String> string(String key) {
    String v = get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** An integer value, or {@code fallback}; a value that is not an integer is an error. */
  default int integer(String key, int fallback) {
    Optional<String> v = string(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v.get() + "'", e);
    }
  }

  /** A boolean value ({@code true}/{@code false}), or {@code fallback}. */
  default boolean bool(String key, boolean fallback) {
    Optional<String> v = string(key);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, was '" + v.get() + "'");
    };
  }

  /** A duration in ISO-8601 ({@code PT30S}) or plain seconds, or {@code fallback}. */
  default Duration duration(String key, Duration fallback) {
    Optional<String> v = string(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return v.get().startsWith("P") || v.get().startsWith("p")
          ? Duration.parse(v.get())
          : Duration.ofMillis(Math.round(Double.parseDouble(v.get()) * 1000));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key + " must be a duration like PT30S or 30 (seconds), was '" + v.get() + "'", e);
    }
  }
}
