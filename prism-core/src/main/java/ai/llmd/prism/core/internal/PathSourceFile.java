package ai.llmd.prism.core.internal;

import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A local file, named relative to the directory (or file) the user asked to load. Its bytes, and
 * its siblings' (a reader may pull in a config or metrics file beside it), are read only up to
 * {@code maxBytes}.
 */
public final class PathSourceFile implements SourceFile {

  private final Path path;
  private final String name;
  private final long maxBytes;

  public PathSourceFile(Path path, String name, long maxBytes) {
    this.path = path;
    this.name = name;
    this.maxBytes = maxBytes;
  }

  public Path path() {
    return path;
  }

  @Override
  public URI uri() {
    return path.toAbsolutePath().normalize().toUri();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] bytes() throws IOException {
    long size = Files.size(path);
    if (size > maxBytes) {
      throw new OverLimitException(
          name
              + " is "
              + size
              + " bytes, over the limit of "
              + maxBytes
              + " bytes (raise LoadOptions.maxFileBytes)");
    }
    return Files.readAllBytes(path);
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public Optional<SourceFile> sibling(String fileName) {
    Path dir = path.getParent();
    if (dir == null || fileName.contains("/") || fileName.contains("\\")) {
      return Optional.empty();
    }
    Path s = dir.resolve(fileName);
    if (!Files.isRegularFile(s, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    int slash = name.lastIndexOf('/');
    return Optional.of(
        new PathSourceFile(
            s, slash < 0 ? fileName : name.substring(0, slash + 1) + fileName, maxBytes));
  }

  @Override
  public Optional<SourceFile> sibling(String fileName, int levelsUp) {
    if (levelsUp < 0 || fileName.contains("/") || fileName.contains("\\")) {
      return Optional.empty();
    }
    Path dir = path.getParent();
    for (int i = 0; i < levelsUp && dir != null; i++) {
      dir = dir.getParent();
    }
    if (dir == null) {
      return Optional.empty();
    }
    Path s = dir.resolve(fileName);
    if (!Files.isRegularFile(s, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    // keep names relative to the loaded root while they can be; absolute beyond it
    String prefix = name;
    for (int i = 0; i <= levelsUp && prefix != null; i++) {
      int slash = prefix.lastIndexOf('/');
      prefix = slash < 0 ? (i == levelsUp ? "" : null) : prefix.substring(0, slash);
    }
    String shown =
        prefix == null ? s.toString() : prefix.isEmpty() ? fileName : prefix + "/" + fileName;
    return Optional.of(new PathSourceFile(s, shown, maxBytes));
  }

  @Override
  public String toString() {
    return name;
  }
}
