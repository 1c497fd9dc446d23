package ai.llmd.prism.testkit;

import ai.llmd.prism.spi.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link SourceFile}s for testing a reader without touching a disk:
 *
 * <pre>{@code
 * SourceFile file = SourceFiles.named("results/run.json").content("{...}").build();
 * SourceFile withConfig =
 *     SourceFiles.named("report.json").content(json).sibling("config.yaml", yaml).build();
 * }</pre>
 *
 * @since 0.2
 */
public final class SourceFiles {

  private SourceFiles() {}

  /** A file called {@code name} (a path relative to the loaded root, with {@code /}). */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds one in-memory source file. */
  public static final class Builder {
    private final String name;
    private byte[] content = new byte[0];
    private URI uri;
    private final Map<String, byte[]> siblings = new LinkedHashMap<>();
    private final Map<String, byte[]> above = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The content as UTF-8 text. */
    public Builder content(String text) {
      return content(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The content as bytes; copied. */
    public Builder content(byte[] bytes) {
      this.content = bytes.clone();
      return this;
    }

    /** The URI provenance records; {@code mem:/<name>} unless set. */
    public Builder uri(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** A file beside this one, as {@link SourceFile#sibling(String)} finds it. */
    public Builder sibling(String fileName, String text) {
      siblings.put(fileName, text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** A file {@code levelsUp} directories above this one, as {@code sibling(name, n)} finds it. */
    public Builder above(String fileName, int levelsUp, String text) {
      if (levelsUp < 1) {
        throw new IllegalArgumentException("levelsUp must be at least 1, was " + levelsUp);
      }
      above.put(levelsUp + "/" + fileName, text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** The source file. */
    public SourceFile build() {
      URI u = uri != null ? uri : URI.create("mem:/" + name.replace(' ', '_'));
      return new Mem(u, name, content, Map.copyOf(siblings), Map.copyOf(above));
    }
  }

  private record Mem(
      URI uri, String name, byte[] content, Map<String, byte[]> siblings, Map<String, byte[]> above)
      implements SourceFile {

    @Override
    public byte[] bytes() {
      return content.clone();
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public Optional<SourceFile> sibling(String fileName) {
      return Optional.ofNullable(siblings.get(fileName)).map(b -> near(fileName, b));
    }

    @Override
    public Optional<SourceFile> sibling(String fileName, int levelsUp) {
      if (levelsUp == 0) {
        return sibling(fileName);
      }
      return Optional.ofNullable(above.get(levelsUp + "/" + fileName)).map(b -> near(fileName, b));
    }

    private SourceFile near(String fileName, byte[] bytes) {
      int slash = name.lastIndexOf('/');
      String dir = slash < 0 ? "" : name.substring(0, slash + 1);
      return new Mem(
          URI.create("mem:/" + (dir + fileName).replace(' ', '_')),
          dir + fileName,
          bytes,
          Map.of(),
          Map.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
