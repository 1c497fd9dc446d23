package ai.llmd.prism.spi;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One object a {@link SourceConnector} listed.
 *
 * @param uri the object's full URI
 * @param key its path relative to the listed root
 * @param size its size in bytes, or -1 when unknown
 * @param changeToken what changes when the content changes (ETag, generation); connectors for
 *     object stores always set it, and {@code null} means "unknown, never cache"
 */
public record ObjectRef(URI uri, String key, long size, @Nullable String changeToken) {

  public ObjectRef {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(key, "key");
    if (size < -1) {
      throw new IllegalArgumentException("size must be -1 (unknown) or more, was " + size);
    }
  }
}
