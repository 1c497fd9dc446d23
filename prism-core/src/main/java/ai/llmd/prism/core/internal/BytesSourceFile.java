package ai.llmd.prism.core.internal;

import ai.llmd.prism.spi.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Content already in memory: standard input, a downloaded object, a test's sample. */
public final class BytesSourceFile implements SourceFile {

  private final URI uri;
  private final String name;
  private final byte[] content;
  private final Map<String, SourceFile> siblings;

  public BytesSourceFile(URI uri, String name, byte[] content) {
    this(uri, name, content, Map.of());
  }

  public BytesSourceFile(URI uri, String name, byte[] content, Map<String, SourceFile> siblings) {
    this.uri = uri;
    this.name = name;
    this.content = content;
    this.siblings = Map.copyOf(siblings);
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public String name() {
    return name;
  }

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
    return Optional.ofNullable(siblings.get(fileName));
  }

  /** Looks up {@code "../".repeat(levelsUp) + fileName} among the siblings given at creation. */
  @Override
  public Optional<SourceFile> sibling(String fileName, int levelsUp) {
    return levelsUp < 0
        ? Optional.empty()
        : Optional.ofNullable(siblings.get("../".repeat(levelsUp) + fileName));
  }

  @Override
  public String toString() {
    return name;
  }
}
