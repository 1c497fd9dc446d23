package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link WritableConnector} keeps, as tests: extend this class, say how to make a
 * connector and where a fresh, empty prefix is, and every rule runs against your store.
 */
public abstract class WritableConnectorContract {

  /** A new connector to the store under test; each test closes the ones it makes. */
  protected abstract WritableConnector connector() throws Exception;

  /** A prefix no other test uses, e.g. {@code s3://bucket/<name>/}, in an existing container. */
  protected abstract URI freshRoot(String name);

  private static URI under(URI root, String name) {
    String r = root.toString();
    return URI.create((r.endsWith("/") ? r : r + "/") + name);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Optional<StoredObject> o) {
    return new String(o.orElseThrow().content(), StandardCharsets.UTF_8);
  }

  @Test
  void aWrittenObjectIsListedAndReadBackExactly() throws Exception {
    URI root = freshRoot("written");
    try (WritableConnector c = connector()) {
      String token = c.put(under(root, "a/b.txt"), utf8("hello"), Precondition.none());

      assertThat(token).isNotBlank();
      List<ObjectRef> listed = new ArrayList<>();
      c.list(root, listed::add);
      assertThat(listed).extracting(ObjectRef::key).containsExactly("a/b.txt");
      try (InputStream in = c.open(listed.get(0))) {
        assertThat(in.readAllBytes()).isEqualTo(utf8("hello"));
      }
      StoredObject got = c.get(under(root, "a/b.txt")).orElseThrow();
      assertThat(got.changeToken()).isEqualTo(token);
      assertThat(c.get(under(root, "a/none.txt"))).isEmpty();
    }
  }

  @Test
  void createOnlyNeverReplacesAnObject() throws Exception {
    URI o = under(freshRoot("create"), "once.txt");
    try (WritableConnector c = connector()) {
      c.put(o, utf8("first"), Precondition.absent());

      assertThatThrownBy(() -> c.put(o, utf8("second"), Precondition.absent()))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(text(c.get(o))).isEqualTo("first");
    }
  }

  @Test
  void compareAndSwapHoldsOnlyForTheTokenThatWasRead() throws Exception {
    URI o = under(freshRoot("cas"), "index.jsonl");
    try (WritableConnector c = connector()) {
      c.put(o, utf8("a\n"), Precondition.absent());
      StoredObject read = c.get(o).orElseThrow();

      String next = c.put(o, utf8("a\nb\n"), Precondition.matching(read.changeToken()));

      assertThat(next).isNotEqualTo(read.changeToken());
      assertThatThrownBy(() -> c.put(o, utf8("a\nc\n"), Precondition.matching(read.changeToken())))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(text(c.get(o))).isEqualTo("a\nb\n");
      assertThatThrownBy(
              () -> c.put(under(freshRoot("cas"), "none"), utf8("x"), Precondition.matching(next)))
          .as("a token does not match an object that does not exist")
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  /**
   * Two writers append lines to one object by read, append, compare-and-swap, retrying when the
   * other got there first: every line of both ends up in it, none twice. A retry first looks for
   * its line: a write whose answer was lost (and whose retry then failed its precondition) may have
   * landed, as with any compare-and-swap over a network.
   */
  @Test
  void twoConcurrentWritersLoseNoLine() throws Exception {
    URI o = under(freshRoot("concurrent"), "index.jsonl");
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (WritableConnector a = connector();
        WritableConnector b = connector()) {
      Future<?> fa = pool.submit(() -> appendAll(a, o, "a", each));
      Future<?> fb = pool.submit(() -> appendAll(b, o, "b", each));
      fa.get();
      fb.get();
      List<String> lines = text(a.get(o)).lines().toList();
      assertThat(lines).hasSize(2 * each).doesNotHaveDuplicates();
    } finally {
      pool.shutdown();
    }
  }

  private static Void appendAll(WritableConnector c, URI o, String who, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      String line = who + i + "\n";
      while (true) {
        Optional<StoredObject> now = c.get(o);
        byte[] before = now.map(StoredObject::content).orElse(new byte[0]);
        if (new String(before, StandardCharsets.UTF_8).lines().anyMatch(line.strip()::equals)) {
          break; // an earlier try landed
        }
        byte[] after = new byte[before.length + line.length()];
        System.arraycopy(before, 0, after, 0, before.length);
        System.arraycopy(utf8(line), 0, after, before.length, line.length());
        try {
          c.put(
              o,
              after,
              now.isPresent()
                  ? Precondition.matching(now.get().changeToken())
                  : Precondition.absent());
          break;
        } catch (PreconditionFailedException e) {
          Thread.onSpinWait(); // the other writer won this round: read again
        }
      }
    }
    return null;
  }
}
