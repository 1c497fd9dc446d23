package ai.llmd.prism.api;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a point came from, precisely enough to find it again.
 *
 * @param source the URI of the file or object read
 * @param format the reader's format id (e.g. {@code llmd-br})
 * @param formatVersion the format version the reader recognised, or {@code null}
 * @param location where in the file (a JSON pointer, {@code row 12}, {@code stage 3}); may be empty
 */
public record Provenance(
    URI source, String format, @Nullable String formatVersion, String location) {

  public Provenance {
    Objects.requireNonNull(source, "source");
    format = Text.clean(Objects.requireNonNull(format, "format"));
    formatVersion = Text.clean(formatVersion);
    location = Text.clean(Objects.requireNonNull(location, "location"));
  }
}
