package ai.llmd.prism.spi;

import java.util.Objects;

/**
 * The content of one object as read, with the change token to write it back conditionally.
 *
 * @param content the bytes; the record holds the caller's array, not a copy
 * @param changeToken the store's change token (ETag, generation) of exactly these bytes
 * @since 0.2
 */
public record StoredObject(byte[] content, String changeToken) {

  public StoredObject {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(changeToken, "changeToken");
  }
}
