package ai.llmd.prism.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How every data block of the page is embedded: the explorer's and each dashboard view's. */
final class Packing {

  private Packing() {}

  /**
   * The data block as the page embeds it: gzip, then base64 (the page inflates it with the
   * browser's own {@code DecompressionStream}). Columnar JSON of measured values is mostly digits
   * and repeated names, which gzip stores in a small part of the bytes (a twentieth on the public
   * fixtures); every number is kept exactly as written. Same JSON, same bytes: the gzip header
   * carries no time or name.
   */
  static String packed(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4 + 64);
    try (GZIPOutputStream gz = new Best(bytes)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** The inverse of {@link #packed}, for tests and tools reading a page. */
  static String unpacked(String base64) {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gzip at the strongest level: the page is written once and read many times. */
  private static final class Best extends GZIPOutputStream {
    Best(ByteArrayOutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
