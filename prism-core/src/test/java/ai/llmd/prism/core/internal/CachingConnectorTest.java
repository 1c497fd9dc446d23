package ai.llmd.prism.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingConnectorTest {

  /** A store in memory that counts what it sends. */
  static class Store implements SourceConnector {
    final Map<URI, byte[]> objects = new ConcurrentHashMap<>();
    final Map<URI, Integer> opens = new ConcurrentHashMap<>();

    @Override
    public void list(URI root, Consumer<ObjectRef> each) {}

    @Override
    public InputStream open(ObjectRef o) throws IOException {
      opens.merge(o.uri(), 1, Integer::sum);
      byte[] b = objects.get(o.uri());
      if (b == null) {
        throw new FileNotFoundException(o.uri().toString());
      }
      return new ByteArrayInputStream(b);
    }
  }

  private static final URI A = URI.create("s3://b/runs/a.json");

  private static ObjectRef ref(URI uri, int size, String token) {
    return new ObjectRef(uri, "a.json", size, token);
  }

  private static String read(SourceConnector c, ObjectRef ref) throws IOException {
    try (InputStream in = c.open(ref)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsAnUnchangedObjectFromTheStoreOnlyOnce(@TempDir Path dir) throws IOException {
    Store store = new Store();
    store.objects.put(A, "12345".getBytes(StandardCharsets.UTF_8));
    ObjectRef v1 = ref(A, 5, "etag-1");

    assertThat(read(new CachingConnector(store, dir, 100), v1)).isEqualTo("12345");
    assertThat(read(new CachingConnector(store, dir, 100), v1)).isEqualTo("12345");

    assertThat(store.opens).containsEntry(A, 1);
  }

  @Test
  void readsAgainWhenTheChangeTokenChanges(@TempDir Path dir) throws IOException {
    Store store = new Store();
    CachingConnector cache = new CachingConnector(store, dir, 100);
    store.objects.put(A, "old".getBytes(StandardCharsets.UTF_8));
    read(cache, ref(A, 3, "g1"));
    store.objects.put(A, "newer".getBytes(StandardCharsets.UTF_8));

    assertThat(read(cache, ref(A, 5, "g2"))).isEqualTo("newer");
    assertThat(read(cache, ref(A, 3, "g1"))).isEqualTo("old");
    assertThat(store.opens).containsEntry(A, 2);
  }

  @Test
  void leavesNoPartialEntryWhenTheStoreFails(@TempDir Path dir) throws IOException {
    Store store = new Store();
    CachingConnector cache = new CachingConnector(store, dir, 100);

    assertThatThrownBy(() -> read(cache, ref(A, 3, "g1")))
        .isInstanceOf(FileNotFoundException.class);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void refusesContentOfAnotherSizeThanListed(@TempDir Path dir) throws IOException {
    Store store = new Store();
    store.objects.put(A, "truncated".getBytes(StandardCharsets.UTF_8));
    CachingConnector cache = new CachingConnector(store, dir, 100);

    assertThatThrownBy(() -> read(cache, ref(A, 20, "g1")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("listed as 20 bytes but 9 arrived");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void passesThroughObjectsWithoutTokenOrOverTheLimit(@TempDir Path dir) throws IOException {
    Store store = new Store();
    store.objects.put(A, "12345".getBytes(StandardCharsets.UTF_8));
    CachingConnector cache = new CachingConnector(store, dir, 4);

    for (ObjectRef r : List.of(ref(A, 5, null), ref(A, 5, "big"), ref(A, -1, "unknown-size"))) {
      read(cache, r);
      read(cache, r);
    }

    assertThat(store.opens).containsEntry(A, 6);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void evictsTheLeastRecentlyUsedEntriesPastTheCap(@TempDir Path dir) throws IOException {
    Store store = new Store();
    URI b = URI.create("s3://b/runs/b.json");
    URI c = URI.create("s3://b/runs/c.json");
    store.objects.put(A, "aaaaa".getBytes(StandardCharsets.UTF_8));
    store.objects.put(b, "bbbbb".getBytes(StandardCharsets.UTF_8));
    store.objects.put(c, "ccccc".getBytes(StandardCharsets.UTF_8));
    CachingConnector cache = new CachingConnector(store, dir, 100, "s3", 10);

    read(cache, ref(A, 5, "1"));
    read(cache, ref(b, 5, "1"));
    Files.setLastModifiedTime(cache.entry(A, "1"), java.nio.file.attribute.FileTime.fromMillis(1));
    read(cache, ref(c, 5, "1")); // 15 bytes: the oldest, a, goes

    assertThat(Files.exists(cache.entry(A, "1"))).isFalse();
    assertThat(Files.exists(cache.entry(b, "1"))).isTrue();
    assertThat(Files.exists(cache.entry(c, "1"))).isTrue();
    assertThat(read(cache, ref(A, 5, "1"))).isEqualTo("aaaaa");
    assertThat(store.opens).containsEntry(A, 2).containsEntry(b, 1).containsEntry(c, 1);
  }

  @Test
  void entriesOfDifferentScopesAreDifferentFiles(@TempDir Path dir) {
    assertThat(new CachingConnector(new Store(), dir, 100, "s3\nendpoint=one", 100).entry(A, "1"))
        .isNotEqualTo(
            new CachingConnector(new Store(), dir, 100, "s3\nendpoint=two", 100).entry(A, "1"));
  }

  @Test
  void concurrentReadsNeverFailOnAnotherReadsTemporaryFile(@TempDir Path dir) throws Exception {
    // every read lists the cache to evict; another read's temporary file may vanish meanwhile
    Store store =
        new Store() {
          @Override
          public InputStream open(ObjectRef o) throws IOException {
            InputStream in = super.open(o);
            return new java.io.FilterInputStream(in) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                try {
                  Thread.sleep(1); // a download takes a while: the temporary file lives meanwhile
                } catch (InterruptedException e) {
                  throw new java.io.InterruptedIOException();
                }
                return super.read(b, off, len);
              }
            };
          }
        };
    int n = 400;
    for (int i = 0; i < n; i++) {
      store.objects.put(URI.create("s3://b/runs/" + i), ("x" + i).getBytes(StandardCharsets.UTF_8));
    }
    CachingConnector cache = new CachingConnector(store, dir, 100, "s3", 1 << 30);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> reads = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        String body = "x" + i;
        ObjectRef ref = new ObjectRef(URI.create("s3://b/runs/" + i), "" + i, body.length(), "1");
        reads.add(pool.submit(() -> read(cache, ref)));
      }
      for (int i = 0; i < n; i++) {
        assertThat(reads.get(i).get()).isEqualTo("x" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
