package ai.llmd.prism.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/** One input to read: a local file, an object in a bucket, or standard input. */
public interface SourceFile {

  /** Where the input lives; becomes the point's provenance source. */
  URI uri();

  /** A short name for messages: the path relative to the loaded root, or {@code -} for stdin. */
  String name();

  /** The whole content. May be called more than once. */
  byte[] bytes() throws IOException;

  /** The content as a stream; the caller closes it. */
  InputStream open() throws IOException;

  /**
   * A file in the same directory (or under the same prefix), e.g. the {@code config.yaml} that sits
   * beside an inference-perf report. Empty when there is none or the source has no siblings.
   */
  Optional<SourceFile> sibling(String fileName);

  /**
   * A file named {@code fileName} in the directory {@code levelsUp} levels above this file's own
   * ({@code 0} is {@link #sibling(String)}), e.g. the {@code config.yaml} of an inference-perf
   * sweep kept above its {@code results/} directory. Empty when there is none or the source cannot
   * look upwards.
   */
  default Optional<SourceFile> sibling(String fileName, int levelsUp) {
    return levelsUp == 0 ? sibling(fileName) : Optional.empty();
  }
}
