package ai.llmd.prism.core;

import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.core.internal.OverLimitException;
import ai.llmd.prism.spi.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One input read once: its head is read for sniffing, and the reader then gets the rest of the same
 * stream (or, if it asks for the whole content, one buffer made from it). Nothing is fetched twice,
 * and a reader that streams never holds the whole file.
 */
final class SharedRead implements SourceFile, Closeable {

  private final SourceFile file;
  private final URI uri; // asked for by every point of the file: one object, not one per point
  private final long maxBytes;
  private final Counting in;
  private final byte[] head;
  private byte[] whole;
  private boolean streamed;

  private SharedRead(SourceFile file, long maxBytes, Counting in, byte[] head) {
    this.file = file;
    this.uri = file.uri();
    this.maxBytes = maxBytes;
    this.in = in;
    this.head = head;
    this.whole = head.length <= HeadSniff.HEAD_BYTES ? head : null;
  }

  /** Opens {@code file} and reads its head (one byte more than sniffing sees, to know the end). */
  static SharedRead open(SourceFile file, long maxBytes) throws IOException {
    Counting in = new Counting(file.open());
    try {
      byte[] head = in.readNBytes((int) Math.min(HeadSniff.HEAD_BYTES + 1L, maxBytes + 1));
      if (head.length > maxBytes) {
        throw overLimit(maxBytes);
      }
      return new SharedRead(file, maxBytes, in, head);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The head, for {@link HeadSniff} (which keeps the first {@link HeadSniff#HEAD_BYTES}). */
  byte[] head() {
    return head;
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public String name() {
    return file.name();
  }

  @Override
  public synchronized byte[] bytes() throws IOException {
    if (whole == null) {
      whole = streamed ? readAll(file.open(), new byte[0], maxBytes) : readAll(in, head, maxBytes);
    }
    return whole;
  }

  @Override
  public synchronized InputStream open() throws IOException {
    if (whole != null) {
      return new ByteArrayInputStream(whole);
    }
    if (streamed) {
      return new Limited(file.open(), maxBytes); // a reader that opens twice reads twice
    }
    streamed = true;
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head), in);
    return new Limited(rest, maxBytes);
  }

  @Override
  public Optional<SourceFile> sibling(String fileName) {
    return file.sibling(fileName);
  }

  @Override
  public Optional<SourceFile> sibling(String fileName, int levelsUp) {
    return file.sibling(fileName, levelsUp);
  }

  /** How many bytes were fetched from the input, through this one read. */
  long bytesRead() {
    return in.count;
  }

  /** Closes the input; the read is over, so a failure to close changes nothing. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // every byte wanted was read
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }

  /**
   * {@code start} and then the rest of {@code in}, failing as soon as the whole passes {@code
   * maxBytes}: a gigabyte on standard input costs at most the limit, not the gigabyte.
   */
  static byte[] readAll(InputStream in, byte[] start, long maxBytes) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    long total = start.length;
    int size = 64 * 1024;
    while (true) {
      byte[] chunk = in.readNBytes(size);
      if (chunk.length == 0) {
        break;
      }
      total += chunk.length;
      if (total > maxBytes) {
        throw overLimit(maxBytes);
      }
      chunks.add(chunk);
      size = Math.min(size * 2, 16 << 20);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw overLimit(Integer.MAX_VALUE - 8);
    }
    byte[] out = new byte[(int) total];
    System.arraycopy(start, 0, out, 0, start.length);
    int at = start.length;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, out, at, c.length);
      at += c.length;
    }
    return out;
  }

  static IOException overLimit(long maxBytes) {
    return new OverLimitException(
        "over the limit of " + maxBytes + " bytes (raise LoadOptions.maxFileBytes)");
  }

  /** Counts what passes through. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b >= 0 ? 1 : 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }

  /** A stream that fails, naming the limit, once more than {@code maxBytes} pass through it. */
  private static final class Limited extends FilterInputStream {
    private final long maxBytes;
    private long count;

    Limited(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count(s);
      return s;
    }

    private void count(long n) throws IOException {
      count += n;
      if (count > maxBytes) {
        throw overLimit(maxBytes);
      }
    }
  }
}
