package ai.llmd.prism.core.internal;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Keeps every object read through a connector in a local directory, keyed by the object's URI and
 * change token, so that loading the same store again downloads only what changed. Listing always
 * asks the store: that is how changes are seen.
 *
 * <p>An entry is written to a temporary file beside it and moved into place atomically, so
 * concurrent readers, and a crash, never see half an object. Objects without a change token, of
 * unknown size or larger than the limit go straight to the store. Nothing is ever evicted; delete
 * the directory to empty it.
 */
public final class CachingConnector implements SourceConnector {

  private final SourceConnector store;
  private final Path dir;
  private final long maxBytes;

  public CachingConnector(SourceConnector store, Path dir, long maxBytes) {
    this.store = store;
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    store.list(root, each);
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    String token = object.changeToken();
    if (token == null || token.isBlank() || object.size() < 0 || object.size() > maxBytes) {
      return store.open(object);
    }
    Path entry = entry(object.uri(), token);
    try {
      if (Files.size(entry) == object.size()) {
        return Files.newInputStream(entry);
      }
    } catch (NoSuchFileException e) {
      // not cached yet
    }
    Files.createDirectories(entry.getParent());
    Path part = Files.createTempFile(entry.getParent(), ".part-", "");
    try {
      long copied;
      try (InputStream in = store.open(object)) {
        copied = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      if (copied != object.size()) {
        throw new IOException(
            object.uri() + ": listed as " + object.size() + " bytes but " + copied + " arrived");
      }
      try {
        Files.move(part, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, entry, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(part);
    }
    return Files.newInputStream(entry);
  }

  /** Where the content of {@code uri} at {@code token} is kept. */
  Path entry(URI uri, String token) {
    String hash;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(uri.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      hash = HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    return dir.resolve(hash.substring(0, 2)).resolve(hash);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
