package ai.llmd.prism.core;

import ai.llmd.prism.core.internal.BytesSourceFile;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.net.URI;
import java.util.Map;

/**
 * Source files and sniffs over bytes already in memory, as the loader makes them: for testing and
 * benchmarking a {@code FormatReader} without a file system. The implementations stay internal.
 */
public final class SourceFiles {

  private SourceFiles() {}

  /** A file with {@code content}, named {@code name} (its path under the source) at {@code uri}. */
  public static SourceFile of(URI uri, String name, byte[] content) {
    return new BytesSourceFile(uri, name, content);
  }

  /** The same, with siblings by relative path (e.g. {@code ../config.yaml}). */
  public static SourceFile of(
      URI uri, String name, byte[] content, Map<String, SourceFile> siblings) {
    return new BytesSourceFile(uri, name, content, siblings);
  }

  /** The sniff a reader's {@code detect} gets for {@code content}: its head, parsed once. */
  public static Sniff sniff(String fileName, byte[] content) {
    return new HeadSniff(fileName, content);
  }
}
