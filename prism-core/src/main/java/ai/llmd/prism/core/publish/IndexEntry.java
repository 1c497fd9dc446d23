package ai.llmd.prism.core.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a published store's {@code index.jsonl}: one published point.
 *
 * @param hash the SHA-256 of the report's bytes, in lower-case hex; also its name
 * @param object the report's path relative to the store's root, e.g. {@code results/<hash>.yaml}
 * @param configuration the point's configuration key ({@code Configuration.key()})
 * @param label the configuration's human label ({@code Configuration.label()})
 * @param source where the point was read before it was published (a URI)
 * @param format the format it was read from
 * @param location where in that source, or empty
 * @param published when it was first published
 */
public record IndexEntry(
    String hash,
    String object,
    String configuration,
    String label,
    String source,
    String format,
    String location,
    Instant published) {

  public IndexEntry {
    if (!Objects.requireNonNull(hash, "hash").matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("hash must be 64 lower-case hex digits, was " + hash);
    }
    Objects.requireNonNull(object, "object");
    if (object.startsWith("/") || object.contains("..") || object.contains("://")) {
      throw new IllegalArgumentException("object must be a path under the store, was " + object);
    }
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(published, "published");
  }
}
