package ai.llmd.prism.core.publish;

import ai.llmd.prism.core.internal.Hashes;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A local directory as a writable store. A file's change token is the SHA-256 of its content.
 * Conditional writes hold a lock on {@code .prism.lock} in the file's directory (an OS file lock
 * against other processes, a JVM lock against other threads), check the condition, write a
 * temporary file and move it into place atomically: a reader never sees half a file, and two
 * writers never both win.
 */
final class LocalStore implements WritableConnector {

  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    Path dir = Path.of(root);
    if (Files.isRegularFile(dir)) {
      each.accept(ref(dir, dir.getFileName().toString()));
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such directory");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      for (Path p : sorted) {
        each.accept(ref(p, dir.relativize(p).toString().replace('\\', '/')));
      }
    }
  }

  private static ObjectRef ref(Path p, String key) throws IOException {
    return new ObjectRef(p.toUri(), key, Files.size(p), null);
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    return Files.newInputStream(Path.of(object.uri()));
  }

  @Override
  public Optional<StoredObject> get(URI object) throws IOException {
    try {
      byte[] content = Files.readAllBytes(Path.of(object));
      return Optional.of(new StoredObject(content, Hashes.sha256(content)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public String put(URI object, byte[] content, Precondition precondition) throws IOException {
    Path target = Path.of(object).toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(".prism.lock");
    ReentrantLock jvm = LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
    jvm.lock();
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock os = channel.lock();
      try {
        check(object, target, precondition);
        Path tmp = Files.createTempFile(dir, ".prism-", ".tmp");
        try {
          Files.write(tmp, content);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
        return Hashes.sha256(content);
      } finally {
        os.release();
      }
    } finally {
      jvm.unlock();
    }
  }

  private void check(URI object, Path target, Precondition precondition) throws IOException {
    switch (precondition.kind()) {
      case NONE -> {}
      case ABSENT -> {
        if (Files.exists(target)) {
          throw new PreconditionFailedException(object, precondition);
        }
      }
      case MATCHES -> {
        Optional<StoredObject> now = get(object);
        if (now.isEmpty() || !now.get().changeToken().equals(precondition.changeToken())) {
          throw new PreconditionFailedException(object, precondition);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "LocalStore";
  }
}
