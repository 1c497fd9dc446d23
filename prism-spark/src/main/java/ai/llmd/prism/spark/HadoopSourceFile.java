package ai.llmd.prism.spark;

import ai.llmd.prism.spi.SourceFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file on any Hadoop file system (local, {@code s3a://}, {@code gs://}, {@code hdfs://}), named
 * as {@code Prism.load} names a file it finds: relative to the loaded root. Its siblings (a reader
 * may pull in the {@code config.yaml} beside a report) are looked up on the same file system, so a
 * file read on an executor sees what it would see on one machine.
 */
final class HadoopSourceFile implements SourceFile {

  private final FileSystem fs;
  private final Path path;
  private final String name;
  private final long maxBytes;

  HadoopSourceFile(FileSystem fs, Path path, String name, long maxBytes) {
    this.fs = fs;
    this.path = path;
    this.name = name;
    this.maxBytes = maxBytes;
  }

  /**
   * The provenance URI: for local files the same {@code file:///…} a single-machine load records,
   * elsewhere the qualified Hadoop URI ({@code s3a://bucket/key}).
   */
  @Override
  public URI uri() {
    URI u = fs.makeQualified(path).toUri();
    return "file".equals(u.getScheme())
        ? java.nio.file.Path.of(u).toAbsolutePath().normalize().toUri()
        : u;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] bytes() throws IOException {
    FileStatus status = fs.getFileStatus(path);
    if (status.getLen() > maxBytes) {
      throw new IOException(
          name
              + " is "
              + status.getLen()
              + " bytes, over the limit of "
              + maxBytes
              + " bytes (raise the maxFileBytes option)");
    }
    try (FSDataInputStream in = fs.open(path)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (b.length > maxBytes) {
        throw new IOException(
            name + " grew over the limit of " + maxBytes + " bytes while being read");
      }
      return b;
    }
  }

  @Override
  public InputStream open() throws IOException {
    return fs.open(path);
  }

  @Override
  public Optional<SourceFile> sibling(String fileName) {
    return sibling(fileName, 0);
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
    Path s = new Path(dir, fileName);
    try {
      if (!fs.getFileStatus(s).isFile()) {
        return Optional.empty();
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      // a store that cannot say is a store without that sibling: the reader reports what it lacks
      return Optional.empty();
    }
    // names stay relative to the loaded root while they can, as a single-machine load names them
    String prefix = name;
    for (int i = 0; i <= levelsUp && prefix != null; i++) {
      int slash = prefix.lastIndexOf('/');
      prefix = slash < 0 ? (i == levelsUp ? "" : null) : prefix.substring(0, slash);
    }
    String shown =
        prefix == null ? siblingUriText(s) : prefix.isEmpty() ? fileName : prefix + "/" + fileName;
    return Optional.of(new HadoopSourceFile(fs, s, shown, maxBytes));
  }

  private String siblingUriText(Path s) {
    URI u = fs.makeQualified(s).toUri();
    return "file".equals(u.getScheme()) ? java.nio.file.Path.of(u).toString() : u.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
