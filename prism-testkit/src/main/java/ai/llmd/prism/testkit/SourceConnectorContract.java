package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SourceConnector} for an object store must have, as a JUnit 5 class to
 * extend (in the style of Micrometer's registry compatibility kit). A subclass says how to reach
 * the store under test and how to put objects into it; every test here then runs against it.
 *
 * <p>Each test asks {@link #freshRoot(String)} for a place of its own, so tests may share one
 * running store and one bucket.
 */
public abstract class SourceConnectorContract {

  /** The connector under test; may be the same instance every time. */
  protected abstract SourceConnector connector() throws Exception;

  /**
   * A root URI under which nothing exists yet, ending with {@code /}, e.g. {@code
   * s3://bucket/<name>/}; {@code name} is unique per test.
   */
  protected abstract URI freshRoot(String name);

  /** Creates or replaces the object at {@code key} (relative to {@code root}). */
  protected abstract void put(URI root, String key, byte[] content) throws Exception;

  /** Puts many objects; override when the store has a faster way than one at a time. */
  protected void putAll(URI root, Map<String, byte[]> objects) throws Exception {
    for (Map.Entry<String, byte[]> e : objects.entrySet()) {
      put(root, e.getKey(), e.getValue());
    }
  }

  /**
   * How many times the store's server sent the content of {@code object}, from its request log: the
   * proof that reading fetches each object exactly once.
   */
  protected abstract int contentRequests(URI object);

  /** A root in a container (bucket) that does not exist. */
  protected abstract URI missingContainerRoot();

  /**
   * How many objects {@link #followsEveryPageOfALargeListing} puts; above the store's page size.
   */
  protected int pagedObjectCount() {
    return 2_500;
  }

  @Test
  @DisplayName("lists every object under the root, nested or not, with keys relative to the root")
  void listsEveryObjectUnderTheRootWithRelativeKeys() throws Exception {
    URI root = freshRoot("nested");
    put(root, "a.json", bytes("a"));
    put(root, "runs/1/b.json", bytes("bb"));
    put(root, "runs/2/deeper/c.json", bytes("ccc"));

    Map<String, ObjectRef> listed = listByKey(root);

    assertThat(listed).containsOnlyKeys("a.json", "runs/1/b.json", "runs/2/deeper/c.json");
    assertThat(listed.get("runs/1/b.json").size()).isEqualTo(2);
    assertThat(listed.get("runs/2/deeper/c.json").size()).isEqualTo(3);
  }

  @Test
  @DisplayName("does not list objects of a sibling prefix that merely starts with the same text")
  void doesNotListASiblingPrefix() throws Exception {
    URI root = freshRoot("sibling");
    URI rootWithoutSlash = URI.create(root.toString().substring(0, root.toString().length() - 1));
    put(root, "in.json", bytes("in"));
    URI sibling = URI.create(rootWithoutSlash + "-other/");
    put(sibling, "out.json", bytes("out"));

    assertThat(listByKey(rootWithoutSlash)).containsOnlyKeys("in.json");
    assertThat(listByKey(root)).containsOnlyKeys("in.json");
  }

  @Test
  @DisplayName("a root that names one object lists just that object, keyed by its file name")
  void aRootNamingOneObjectListsIt() throws Exception {
    URI root = freshRoot("single");
    put(root, "only.json", bytes("{}"));
    put(root, "only.json.bak", bytes("old"));

    List<ObjectRef> listed = list(URI.create(root + "only.json"));

    assertThat(listed).extracting(ObjectRef::key).containsExactly("only.json");
    assertThat(read(listed.get(0))).isEqualTo("{}");
  }

  @Test
  @DisplayName("an empty root lists nothing and is not an error")
  void anEmptyRootListsNothing() throws Exception {
    assertThat(list(freshRoot("empty"))).isEmpty();
  }

  @Test
  @DisplayName("a missing bucket is an IOException naming it")
  void aMissingContainerIsAnIoException() throws Exception {
    URI missing = missingContainerRoot();
    assertThatThrownBy(() -> list(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missing.getAuthority());
  }

  @Test
  @DisplayName("follows every page of a listing larger than one page, and reads each object once")
  void followsEveryPageOfALargeListing() throws Exception {
    URI root = freshRoot("paged");
    int n = pagedObjectCount();
    Map<String, byte[]> objects = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      objects.put(String.format("obj-%05d.json", i), bytes("{\"i\":" + i + "}"));
    }
    putAll(root, objects);

    List<ObjectRef> listed = list(root);

    assertThat(listed).hasSize(n);
    assertThat(listed.stream().map(ObjectRef::key).collect(Collectors.toSet()))
        .isEqualTo(objects.keySet());
    Map<String, String> contents = readAll(listed, 4);
    for (ObjectRef o : listed) {
      assertThat(contents.get(o.key()))
          .isEqualTo(new String(objects.get(o.key()), StandardCharsets.UTF_8));
    }
    for (ObjectRef o : listed) {
      assertThat(contentRequests(o.uri())).as("content requests for %s", o.key()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("reads back exactly the bytes that were put, empty and binary ones included")
  void readsTheExactBytes() throws Exception {
    URI root = freshRoot("bytes");
    byte[] binary = new byte[300_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    put(root, "binary.bin", binary);
    put(root, "empty.json", new byte[0]);

    Map<String, ObjectRef> listed = listByKey(root);

    assertThat(listed.get("binary.bin").size()).isEqualTo(binary.length);
    try (InputStream in = connector().open(listed.get("binary.bin"))) {
      assertThat(in.readAllBytes()).isEqualTo(binary);
    }
    try (InputStream in = connector().open(listed.get("empty.json"))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  @DisplayName("object names with spaces and non-ASCII characters round-trip through their URI")
  void unusualNamesRoundTrip() throws Exception {
    URI root = freshRoot("names");
    String key = "with space/ü+plus&amp.json";
    put(root, key, bytes("odd"));

    ObjectRef ref = listByKey(root).get(key);

    assertThat(ref).isNotNull();
    assertThat(read(ref)).isEqualTo("odd");
    List<ObjectRef> again = list(ref.uri());
    assertThat(again).hasSize(1);
    assertThat(again.get(0).uri()).isEqualTo(ref.uri());
  }

  @Test
  @DisplayName("the change token changes with the content and stays the same without a change")
  void changeTokenFollowsContent() throws Exception {
    URI root = freshRoot("tokens");
    put(root, "x.json", bytes("one"));
    ObjectRef first = listByKey(root).get("x.json");
    ObjectRef unchanged = listByKey(root).get("x.json");
    put(root, "x.json", bytes("two!"));
    ObjectRef changed = listByKey(root).get("x.json");

    assertThat(first.changeToken()).isNotBlank().isEqualTo(unchanged.changeToken());
    assertThat(changed.changeToken()).isNotEqualTo(first.changeToken());
    assertThat(read(changed)).isEqualTo("two!");
  }

  @Test
  @DisplayName("opening an object that is gone is an IOException, not an unchecked exception")
  void openingAMissingObjectIsAnIoException() throws Exception {
    URI root = freshRoot("missing");
    put(root, "present.json", bytes("x"));
    ObjectRef present = listByKey(root).get("present.json");
    URI goneUri = URI.create(root + "gone.json");
    ObjectRef gone = new ObjectRef(goneUri, "gone.json", 1, present.changeToken());

    assertThatThrownBy(() -> connector().open(gone).close()).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("an object replaced since it was listed is an IOException, never new content")
  void anObjectReplacedSinceListingIsNotRead() throws Exception {
    URI root = freshRoot("replaced");
    put(root, "r.json", bytes("before"));
    ObjectRef listed = listByKey(root).get("r.json");
    put(root, "r.json", bytes("after!"));

    // content under a stale change token would be cached as if it were the listed version
    assertThatThrownBy(() -> read(listed)).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("may be used from several threads at once")
  void isSafeFromSeveralThreads() throws Exception {
    URI root = freshRoot("threads");
    Map<String, byte[]> objects = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      objects.put("t" + i + ".json", bytes("content " + i));
    }
    putAll(root, objects);

    Map<String, String> contents = readAll(list(root), 4);

    assertThat(contents).hasSize(40);
    objects.forEach(
        (k, v) -> assertThat(contents.get(k)).isEqualTo(new String(v, StandardCharsets.UTF_8)));
  }

  /** The content of every object by key, read by {@code threads} threads at once. */
  protected final Map<String, String> readAll(List<ObjectRef> objects, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Map<String, String> out = new ConcurrentHashMap<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ObjectRef o : objects) {
        futures.add(pool.submit(() -> out.put(o.key(), read(o))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** Every object under {@code root}, in listing order. */
  protected final List<ObjectRef> list(URI root) throws Exception {
    List<ObjectRef> out = new ArrayList<>();
    connector().list(root, out::add);
    return out;
  }

  /** Every object under {@code root} by key; a key listed twice fails the test. */
  protected final Map<String, ObjectRef> listByKey(URI root) throws Exception {
    Map<String, ObjectRef> out = new HashMap<>();
    for (ObjectRef o : list(root)) {
      assertThat(out.put(o.key(), o)).as("listed twice: %s", o.key()).isNull();
    }
    return out;
  }

  /** The content of {@code ref} as UTF-8. */
  protected final String read(ObjectRef ref) throws Exception {
    try (InputStream in = connector().open(ref)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** UTF-8 bytes of {@code s}. */
  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
