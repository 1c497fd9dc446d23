package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadProgress;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules a remote store's connector keeps when the network misbehaves, as tests: transient
 * failures are retried with backoff, what cannot be read is named in a problem while the rest
 * loads, nothing is lost or read twice into points, and deadlines hold.
 *
 * <p>Extend it with the store under test (a real or fake server on loopback): say how to start it,
 * how to put an object straight into it, what its listing and download requests look like, and how
 * it writes an error. The contract puts a {@link FaultProxy} between the connector and the store
 * and injects the faults. Every rule is a named test in a {@link Nested} group; a store-specific
 * test can be added beside them, with {@link #proxy()} and {@link #prism(ConnectorConfig, int)}.
 *
 * @since 0.2
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaultContract {

  /** The container (bucket) the store must have, holding {@code runs/a.json} … {@code d.json}. */
  protected static final String CONTAINER = "faults";

  private FaultProxy proxy;

  /**
   * Starts the store with an empty container named {@link #CONTAINER}, on loopback.
   *
   * @return the store's endpoint, which the proxy forwards to
   */
  protected abstract URI startStore() throws Exception;

  /** Stops the store. */
  protected abstract void stopStore() throws Exception;

  /** Puts an object straight into the store, past the proxy. */
  protected abstract void put(String key, byte[] content) throws Exception;

  /** The URI scheme of the store, e.g. {@code s3}. */
  protected abstract String scheme();

  /**
   * The connector settings that point it at {@code endpoint} (the proxy), with anonymous or test
   * credentials. The contract adds the shared retry keys with {@link #configPrefix()}.
   */
  protected abstract Map<String, String> endpointConfig(URI endpoint);

  /** The prefix of the connector's settings, e.g. {@code s3} in {@code s3.maxAttempts}. */
  protected abstract String configPrefix();

  /** A pattern matching the path of a listing request of {@link #CONTAINER}. */
  protected abstract String listPath();

  /** A pattern matching the path of a download of {@code key}. */
  protected abstract String downloadPath(String key);

  /** An error body as the store writes it for {@code status}. */
  protected abstract String errorBody(int status);

  /** How many times the store sent {@code key} since the last {@link #clearStoreLog()}. */
  protected abstract int downloads(String key);

  /** How many listing pages the store served since the last {@link #clearStoreLog()}. */
  protected abstract int listPages();

  /** Forgets the downloads and listing pages counted so far. */
  protected abstract void clearStoreLog();

  /**
   * A connector that writes through the proxy with {@code config}, for the write rules; {@code
   * null} (the default) when the store is read-only, and those rules are skipped.
   */
  protected WritableConnector writableConnector(ConnectorConfig config) throws Exception {
    return null;
  }

  /** A pattern matching the path of an upload of an object; needed with a writable connector. */
  protected String uploadPath(String key) {
    throw new UnsupportedOperationException("a writable store says what its uploads look like");
  }

  /** The HTTP method of an upload, {@code PUT} unless the store says otherwise. */
  protected String uploadMethod() {
    return "PUT";
  }

  /** The proxy between the connector and the store. */
  protected final FaultProxy proxy() {
    return proxy;
  }

  @BeforeAll
  final void startStoreAndProxy() throws Exception {
    proxy = FaultProxy.start(startStore());
    for (String name : List.of("a", "b", "c", "d")) {
      put("runs/" + name + ".json", ProbeReader.file(name, name.charAt(0)));
    }
  }

  @AfterAll
  final void stopStoreAndProxy() throws Exception {
    System.out.println(
        getClass().getSimpleName() + ": faults injected through the proxy: " + injected);
    if (proxy != null) {
      proxy.close();
    }
    stopStore();
  }

  private int injected;

  @BeforeEach
  final void resetFaults() {
    injected += proxy.injected();
    proxy.reset();
    clearStoreLog();
  }

  /** {@code root} under the container, e.g. {@code s3://faults/runs/}. */
  protected final String uri(String prefix) {
    return scheme() + "://" + CONTAINER + "/" + prefix;
  }

  /** The connector settings every rule starts from: 3 attempts, 10 ms apart, 20 s in all. */
  protected final ConnectorConfig config() {
    Map<String, String> m = new HashMap<>(endpointConfig(proxy.endpoint()));
    m.put(configPrefix() + ".maxAttempts", "3");
    m.put(configPrefix() + ".retryDelay", "PT0.01S");
    m.put(configPrefix() + ".deadline", "PT20S");
    return ConnectorConfig.of(m);
  }

  /** {@code base} with {@code key} set to {@code value}. */
  protected static ConnectorConfig with(ConnectorConfig base, String key, String value) {
    return k -> k.equals(key) ? value : base.get(k);
  }

  /** A Prism that reads {@link ProbeReader} files with {@code threads} threads, unnormalized. */
  protected static Prism prism(ConnectorConfig config, int threads) {
    return Prism.of(
            Plugins.builder().discover().reader(new ProbeReader()).build(),
            LoadOptions.defaults().withThreads(threads).withConnectorConfig(config))
        .withNormalizer(Normalizer.none());
  }

  private Prism prism(ConnectorConfig config) {
    return prism(config, 4);
  }

  /** The models of the points, in load order. */
  protected static List<String> models(LoadResult result) {
    return result.points().stream().map(BenchmarkPoint::model).map(m -> m.raw()).toList();
  }

  private long requestsFor(String key) {
    String path = downloadPath(key);
    return proxy.requests().stream().filter(r -> r.path().matches(path)).count();
  }

  /** Failures that pass: every object loads exactly once. */
  @Nested
  class Retries {

    @Test
    void serverErrorsAndThrottlingAreRetriedAndEveryObjectLoadsExactlyOnce() {
      proxy
          .failNext("GET", listPath(), 1, 503, errorBody(503))
          .failNext("GET", downloadPath("runs/a.json"), 2, 500, errorBody(500))
          .failNext("GET", downloadPath("runs/b.json"), 1, 503, errorBody(503))
          .failNext("GET", downloadPath("runs/c.json"), 1, 429, errorBody(429));

      LoadResult result = prism(config()).load(uri("runs/"));

      assertThat(result.problems()).isEmpty();
      assertThat(models(result)).containsExactly("a", "b", "c", "d");
      assertThat(proxy.injected()).isEqualTo(5);
      assertThat(downloads("runs/a.json")).isEqualTo(1);
      assertThat(listPages()).isEqualTo(1);
    }

    @Test
    void droppedConnectionsAndBodiesCutOffHalfWayAreRetried() {
      proxy
          .dropNext("GET", downloadPath("runs/a.json"), 1)
          .truncateNext("GET", downloadPath("runs/b.json"), 1)
          .dropNext("GET", listPath(), 1);

      LoadResult result = prism(config()).load(uri("runs/"));

      assertThat(result.problems()).isEmpty();
      assertThat(models(result)).containsExactly("a", "b", "c", "d");
      assertThat(proxy.injected(FaultProxy.Kind.DROP)).isEqualTo(2);
      assertThat(proxy.injected(FaultProxy.Kind.TRUNCATE)).isEqualTo(1);
      // the truncated body was sent in full by the store, then once more whole
      assertThat(downloads("runs/b.json")).isEqualTo(2);
    }

    @Test
    void aResponseSlowerThanTheAttemptTimeoutIsAbandonedAndRetried() {
      proxy.delayNext("GET", downloadPath("runs/c.json"), 1, Duration.ofSeconds(3));

      LoadResult result =
          prism(with(config(), configPrefix() + ".attemptTimeout", "PT0.5S")).load(uri("runs/"));

      assertThat(result.problems()).isEmpty();
      assertThat(models(result)).containsExactly("a", "b", "c", "d");
      assertThat(proxy.injected(FaultProxy.Kind.DELAY)).isEqualTo(1);
    }

    @Test
    void moreThanAThousandObjectsLoadAcrossPagesWhenAPageFailsOnce() throws Exception {
      for (int i = 0; i < 1203; i++) {
        put(String.format("many/o%04d.json", i), ProbeReader.file("m" + i, i));
      }
      clearStoreLog();
      proxy.failNth("GET", listPath(), 2, 503, errorBody(503));

      LoadResult result = prism(config()).load(uri("many/"));

      assertThat(result.problems()).isEmpty();
      assertThat(result.points()).hasSize(1203);
      assertThat(result.points())
          .extracting(p -> p.provenance().source().toString())
          .doesNotHaveDuplicates();
      assertThat(listPages()).isEqualTo(2);
      assertThat(proxy.injected()).isEqualTo(1);
    }

    @Test
    void oneOrSixteenThreadsGiveTheSamePointsInTheSameOrder() throws Exception {
      for (int i = 0; i < 40; i++) {
        put("order/d" + (i % 7) + "/r" + i + ".json", ProbeReader.file("o" + i, i));
      }
      proxy.failNext("GET", downloadPath("order/d3/") + ".*", 2, 503, errorBody(503));

      LoadResult one = prism(config(), 1).load(uri("order/"), uri("runs/"));
      LoadResult sixteen = prism(config(), 16).load(uri("order/"), uri("runs/"));

      assertThat(one.problems()).isEmpty();
      assertThat(one.points()).hasSize(44);
      assertThat(sixteen.points()).isEqualTo(one.points());
      assertThat(sixteen.problems()).isEqualTo(one.problems());
    }
  }

  /** Failures that last: the object or root is named in one problem and the rest load. */
  @Nested
  class Failures {

    @Test
    void anObjectThatKeepsFailingIsNamedAfterTheConfiguredAttempts() {
      proxy.failNext("GET", downloadPath("runs/b.json"), 100, 503, errorBody(503));

      LoadResult result = prism(config()).load(uri("runs/"));

      assertThat(models(result)).containsExactly("a", "c", "d");
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo(uri("runs/b.json"));
                assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(p.message()).contains("503");
              });
      assertThat(requestsFor("runs/b.json")).isEqualTo(3L);
    }

    @Test
    @Timeout(value = 45, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // 60 s if unbounded
    void anObjectTricklingOneByteASecondMeetsTheDeadlinePerObject() {
      proxy.trickleNext("GET", downloadPath("runs/c.json"), 1, Duration.ofSeconds(1));
      // no attempt timeout of the client's own to catch it first: only the deadline per object
      ConnectorConfig config =
          with(
              with(config(), configPrefix() + ".attemptTimeout", "PT60S"),
              Prism.READ_DEADLINE,
              "2");

      LoadResult result = prism(config).load(uri("runs/"));

      assertThat(models(result)).containsExactly("a", "b", "d");
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo(uri("runs/c.json"));
                assertThat(p.message())
                    .contains("no complete object within 2 s")
                    .contains(Prism.READ_DEADLINE);
              });
      assertThat(proxy.injected(FaultProxy.Kind.TRICKLE)).isEqualTo(1);
    }

    @Test
    void retryingStopsAtTheDeadline() {
      proxy.failNext("GET", downloadPath("runs/d.json"), 1000, 500, errorBody(500));
      ConnectorConfig config =
          with(
              with(config(), configPrefix() + ".maxAttempts", "1000"),
              configPrefix() + ".deadline",
              "PT0.6S");

      LoadResult result = prism(config).load(uri("runs/"));

      assertThat(models(result)).containsExactly("a", "b", "c");
      assertThat(result.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.file()).isEqualTo(uri("runs/d.json")));
      assertThat(requestsFor("runs/d.json")).isBetween(2L, 200L);
    }

    @Test
    void aListingThatKeepsFailingIsAProblemNamingTheRoot() {
      proxy.failNext("GET", listPath(), 100, 500, errorBody(500));

      LoadResult result = prism(config()).load(uri("runs/"));

      assertThat(result.points()).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo(uri("runs/"));
                assertThat(p.message()).contains("could not be listed");
              });
    }

    @Test
    void anObjectThatVanishedAfterListingIsNamedAndNotRetried() {
      proxy.failNext("GET", downloadPath("runs/a.json"), 1, 404, errorBody(404));

      LoadResult result = prism(config()).load(uri("runs/"));

      assertThat(models(result)).containsExactly("b", "c", "d");
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo(uri("runs/a.json"));
                assertThat(p.message()).contains("no such object");
              });
      assertThat(requestsFor("runs/a.json")).isEqualTo(1L);
    }

    @Test
    void progressCountsEveryListedObjectAndEveryReadIncludingTheOneThatFailed() {
      proxy.failNext("GET", downloadPath("runs/b.json"), 100, 503, errorBody(503));
      Map<String, Integer> listed = new ConcurrentHashMap<>();
      List<String> ok = new CopyOnWriteArrayList<>();
      List<String> failed = new CopyOnWriteArrayList<>();
      AtomicLong bytes = new AtomicLong();
      LoadProgress progress =
          new LoadProgress() {
            @Override
            public void listed(String source, int inputs) {
              listed.put(source, inputs);
            }

            @Override
            public void read(String name, long n, boolean done) {
              (done ? ok : failed).add(name);
              bytes.addAndGet(n);
            }
          };

      prism(config()).withProgress(progress).load(uri("runs/"));

      assertThat(listed).containsOnly(Map.entry(uri("runs/"), 4));
      assertThat(ok)
          .containsExactlyInAnyOrder(uri("runs/a.json"), uri("runs/c.json"), uri("runs/d.json"));
      assertThat(failed).containsExactly(uri("runs/b.json"));
      assertThat(bytes)
          .hasValue(
              ProbeReader.file("a", 'a').length
                  + ProbeReader.file("c", 'c').length
                  + ProbeReader.file("d", 'd').length);
    }
  }

  /** Writes through a flaky network, where the store can write. */
  @Nested
  class Writes {

    @Test
    void aCreateWhoseAnswerWasLostIsThisWriteNotAConflict() throws Exception {
      try (WritableConnector c = writableConnector(config())) {
        assumeTrue(c != null, "the store is read-only");
        URI object = URI.create(uri("written/lost-answer.json"));
        byte[] content = ProbeReader.file("w", 1);
        // the store writes the object, then the answer is lost: the client retries the create
        proxy.loseAnswerNext(uploadMethod(), uploadPath("written/lost-answer.json"), 1);

        String token = c.put(object, content, Precondition.absent());

        assertThat(proxy.injected(FaultProxy.Kind.LOSE_ANSWER)).isEqualTo(1);
        StoredObject stored = c.get(object).orElseThrow();
        assertThat(stored.content()).isEqualTo(content);
        assertThat(stored.changeToken()).isEqualTo(token);
      }
    }

    @Test
    void aCreateOverOtherBytesIsStillAConflict() throws Exception {
      try (WritableConnector c = writableConnector(config())) {
        assumeTrue(c != null, "the store is read-only");
        URI object = URI.create(uri("written/taken.json"));
        put("written/taken.json", ProbeReader.file("first", 1));

        assertThatThrownBy(
                () -> c.put(object, ProbeReader.file("second", 2), Precondition.absent()))
            .isInstanceOf(PreconditionFailedException.class);
        assertThat(c.get(object).orElseThrow().content()).isEqualTo(ProbeReader.file("first", 1));
      }
    }
  }

  /** With {@link Prism#CACHE_DIR}: a second load fetches only what failed or changed. */
  @Nested
  class Cache {

    @Test
    void aCachedReloadAfterAPartialFailureReadsOnlyWhatFailedOrChanged(@TempDir Path cache)
        throws Exception {
      ConnectorConfig config = with(config(), Prism.CACHE_DIR, cache.toString());
      put("cached/a.json", ProbeReader.file("a", 1));
      put("cached/b.json", ProbeReader.file("b", 2));
      put("cached/c.json", ProbeReader.file("c", 3));
      proxy.failNext("GET", downloadPath("cached/b.json"), 100, 500, errorBody(500));
      LoadResult first = prism(config).load(uri("cached/"));
      proxy.reset();
      clearStoreLog();
      put("cached/c.json", ProbeReader.file("c", 4));

      LoadResult second = prism(config).load(uri("cached/"));

      assertThat(first.problems()).extracting(Problem::file).containsExactly(uri("cached/b.json"));
      assertThat(second.problems()).isEmpty();
      assertThat(models(second)).containsExactly("a", "b", "c");
      assertThat(downloads("cached/a.json")).isZero();
      assertThat(downloads("cached/b.json")).isEqualTo(1);
      assertThat(downloads("cached/c.json")).isEqualTo(1);
      assertThat(listPages()).isEqualTo(1);
    }
  }
}
