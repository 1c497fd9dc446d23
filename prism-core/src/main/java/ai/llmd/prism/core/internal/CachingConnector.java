package ai.llmd.prism.core.internal;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps every object read through a connector in a local directory, keyed by where it was read from
 * (the connector's scope: endpoint and credentials, as well as the object's URI) and its change
 * token, so that loading the same store again downloads only what changed, and an object of one
 * endpoint is never served for another. Listing always asks the store: that is how changes are
 * seen.
 *
 * <p>An entry is written to a temporary file beside it and moved into place atomically, so
 * concurrent readers, and a crash, never see half an object. Entries are readable by their owner
 * only (0600 in 0700 directories, where the file system has POSIX permissions). Objects without a
 * change token, of unknown size or larger than the limit go straight to the store. When the entries
 * pass {@code maxCacheBytes}, the least recently used are deleted.
 */
public final class CachingConnector implements SourceConnector {

  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final SourceConnector store;
  private final Path dir;
  private final long maxBytes;
  private final String scope;
  private final long maxCacheBytes;

  /** A cache without a scope or a size cap, for tests. */
  public CachingConnector(SourceConnector store, Path dir, long maxBytes) {
    this(store, dir, maxBytes, "", Long.MAX_VALUE);
  }

  /**
   * @param scope what besides the URI decides the content: endpoint, region, credentials
   * @param maxCacheBytes the most the entries may take together
   */
  public CachingConnector(
      SourceConnector store, Path dir, long maxBytes, String scope, long maxCacheBytes) {
    this.store = store;
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.scope = scope;
    this.maxCacheBytes = maxCacheBytes;
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    store.list(root, each);
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    String token = object.changeToken();
    if (token == null
        || token.isBlank()
        || object.size() < 0
        || object.size() > maxBytes
        || object.size() > maxCacheBytes) {
      return store.open(object);
    }
    Path entry = entry(object.uri(), token);
    try {
      if (Files.size(entry) == object.size()) {
        Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        return Files.newInputStream(entry);
      }
    } catch (NoSuchFileException e) {
      // not cached yet
    }
    privateDirectory(dir);
    privateDirectory(entry.getParent());
    Path part = Files.createTempFile(entry.getParent(), ".part-", ""); // 0600 on POSIX
    try {
      long copied;
      // into the file createTempFile made 0600 (a copy that replaces it would make it anew, 0644)
      try (InputStream in = store.open(object);
          OutputStream out = Files.newOutputStream(part)) {
        copied = in.transferTo(out);
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
    InputStream in;
    try {
      in = Files.newInputStream(entry); // open before evicting: it may be the oldest
    } catch (NoSuchFileException e) {
      return store.open(object); // another load evicted it already: a cache this small is a pass
    }
    evict(entry);
    return in;
  }

  /** Where the content of {@code uri} at {@code token} is kept. */
  Path entry(URI uri, String token) {
    String hash;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(scope.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(uri.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      hash = HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    return dir.resolve(hash.substring(0, 2)).resolve(hash);
  }

  private static void privateDirectory(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    try {
      Files.createDirectories(d, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(d); // no POSIX permissions here (Windows): the ACLs decide
    }
  }

  /** Deletes the least recently used entries until the cache fits, sparing {@code keep}. */
  private synchronized void evict(Path keep) throws IOException {
    if (maxCacheBytes == Long.MAX_VALUE) {
      return;
    }
    record Kept(Path path, long size, FileTime used) {}
    List<Kept> entries = new ArrayList<>();
    long total = 0;
    // listed by hand, not with Files.walk: another read's temporary file may be moved into place
    // between listing a directory and reading its attributes, which Files.walk reports as failure
    try (DirectoryStream<Path> buckets = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path bucket : buckets) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bucket)) {
          for (Path p : files) {
            if (p.getFileName().toString().startsWith(".")) {
              continue; // a read still in progress
            }
            try {
              BasicFileAttributes a =
                  Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
              if (a.isRegularFile()) {
                entries.add(new Kept(p, a.size(), a.lastModifiedTime()));
                total += a.size();
              }
            } catch (NoSuchFileException e) {
              // evicted by another load meanwhile
            }
          }
        } catch (NoSuchFileException e) {
          // gone meanwhile
        }
      }
    }
    entries.sort(Comparator.comparing(Kept::used));
    for (Kept k : entries) {
      if (total <= maxCacheBytes) {
        break;
      }
      if (!k.path().equals(keep)) {
        Files.deleteIfExists(k.path());
        total -= k.size();
      }
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
