package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from a connector: each object fetched once, connectors closed, the optional cache. */
class RemoteLoadingTest {

  /** A store in memory for {@code mem://}; counts content requests and closes. */
  static final class MemoryStore implements ConnectorProvider {
    final Map<String, String> objects = new TreeMap<>();
    final Map<String, Integer> opens = new ConcurrentHashMap<>();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public String scheme() {
      return "mem";
    }

    @Override
    public String description() {
      return "memory";
    }

    @Override
    public SourceConnector create(ConnectorConfig config) {
      created.incrementAndGet();
      return new SourceConnector() {
        @Override
        public void list(URI root, Consumer<ObjectRef> each) {
          String prefix = root.getPath().substring(1);
          objects.forEach(
              (k, v) -> {
                if (k.startsWith(prefix)) {
                  each.accept(
                      new ObjectRef(
                          URI.create("mem://s/" + k),
                          k.substring(prefix.length()),
                          v.length(),
                          Integer.toHexString(v.hashCode())));
                }
              });
        }

        @Override
        public InputStream open(ObjectRef o) {
          String key = o.uri().getPath().substring(1);
          opens.merge(key, 1, Integer::sum);
          return new ByteArrayInputStream(objects.get(key).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
          closed.incrementAndGet();
        }
      };
    }
  }

  private static Prism prism(MemoryStore store, Map<String, String> config) {
    return Prism.of(
        Plugins.builder().reader(new ThirdPartyReader()).connector(store).build(),
        LoadOptions.defaults().withConnectorConfig(ConnectorConfig.of(config)));
  }

  @Test
  void fetchesEachObjectOnceAndClosesTheConnectorAfterwards() {
    MemoryStore store = new MemoryStore();
    store.objects.put("runs/a.txt", "third-party model=a tps=10");
    store.objects.put("runs/b.txt", "third-party model=b tps=20");

    LoadResult result = prism(store, Map.of()).load("mem://s/runs/");

    assertThat(result.points()).hasSize(2);
    assertThat(store.opens)
        .containsExactlyInAnyOrderEntriesOf(Map.of("runs/a.txt", 1, "runs/b.txt", 1));
    assertThat(store.created).hasValue(1);
    assertThat(store.closed).hasValue(1);
  }

  @Test
  void closesTheConnectorOfAnEmptyListingToo() {
    MemoryStore store = new MemoryStore();

    LoadResult result = prism(store, Map.of()).load("mem://s/nothing/");

    assertThat(result.points()).isEmpty();
    assertThat(store.closed).hasValue(1);
  }

  @Test
  void withACacheDirectoryReadsOnlyChangedObjectsAgain(@TempDir Path cache) {
    MemoryStore store = new MemoryStore();
    store.objects.put("runs/a.txt", "third-party model=a tps=10");
    store.objects.put("runs/b.txt", "third-party model=b tps=20");
    Prism prism = prism(store, Map.of(Prism.CACHE_DIR, cache.toString()));

    prism.load("mem://s/runs/");
    store.objects.put("runs/b.txt", "third-party model=b tps=25");
    LoadResult again = prism.load("mem://s/runs/");

    assertThat(store.opens)
        .containsExactlyInAnyOrderEntriesOf(Map.of("runs/a.txt", 1, "runs/b.txt", 2));
    assertThat(again.points())
        .extracting(p -> p.metrics().mean(ai.llmd.prism.api.Metric.OUTPUT_THROUGHPUT).orElseThrow())
        .containsExactlyInAnyOrder(10.0, 25.0);
  }

  /** Two endpoints holding different objects under one key, with the same size and ETag. */
  static final class TwoEndpoints implements ConnectorProvider {
    @Override
    public String scheme() {
      return "mem";
    }

    @Override
    public String description() {
      return "two endpoints";
    }

    @Override
    public SourceConnector create(ConnectorConfig config) {
      String endpoint = config.string("mem.endpoint").orElseThrow();
      String content = "third-party model=" + endpoint + " tps=10";
      return new SourceConnector() {
        @Override
        public void list(URI root, Consumer<ObjectRef> each) {
          each.accept(new ObjectRef(root, "a.txt", content.length(), "\"etag-1\""));
        }

        @Override
        public InputStream open(ObjectRef o) {
          return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
      };
    }
  }

  @Test
  void theCacheNeverServesAnObjectOfOneEndpointForAnother(@TempDir Path cache) {
    List<String> models = new java.util.ArrayList<>();
    for (String endpoint : new String[] {"one", "two", "one"}) {
      LoadResult r =
          Prism.of(
                  Plugins.builder()
                      .reader(new ThirdPartyReader())
                      .connector(new TwoEndpoints())
                      .build(),
                  LoadOptions.defaults()
                      .withConnectorConfig(
                          ConnectorConfig.of(
                              Map.of(Prism.CACHE_DIR, cache.toString(), "mem.endpoint", endpoint))))
              .load("mem://bucket/a.txt");
      models.add(r.points().get(0).model().raw());
    }

    assertThat(models).containsExactly("one", "two", "one");
  }

  @Test
  void cachedObjectsAreTheOwnersAloneAndTheCacheKeepsUnderItsCap(@TempDir Path cache)
      throws IOException {
    MemoryStore store = new MemoryStore();
    store.objects.put("runs/a.txt", "third-party model=a tps=10");
    store.objects.put("runs/b.txt", "third-party model=b tps=20");
    store.objects.put("runs/c.txt", "third-party model=c tps=30");
    Path dir = cache.resolve("prism");

    prism(store, Map.of(Prism.CACHE_DIR, dir.toString(), Prism.CACHE_MAX_MIB, "1"))
        .load("mem://s/runs/");

    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize(3);
    for (Path f : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())))
          .isEqualTo("rwx------");
    }
  }
}
