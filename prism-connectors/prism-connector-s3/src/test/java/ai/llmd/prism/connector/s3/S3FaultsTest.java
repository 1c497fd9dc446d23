package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FaultProxy;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real S3-compatible server (s3proxy) behind a proxy that injects faults: every transient failure
 * is retried with backoff, what cannot be read is named in a problem, nothing is lost or read twice
 * into points.
 */
class S3FaultsTest {

  static final String SLOW_DOWN =
      "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";
  static final String INTERNAL =
      "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message>"
          + "</Error>";
  static final String THROTTLED =
      "<Error><Code>TooManyRequests</Code><Message>Too many requests</Message></Error>";
  static final String NO_SUCH_KEY =
      "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>";

  /** Faults injected by this class, for the report. */
  static int injectedTotal;

  private static LocalS3 server;
  private static FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    server = LocalS3.startPublic();
    server.createBucket("faults");
    proxy = FaultProxy.start(server.endpoint());
    for (String name : List.of("a", "b", "c", "d")) {
      server.putDirect("faults", "runs/" + name + ".json", ProbeReader.file(name, name.charAt(0)));
    }
  }

  @AfterAll
  static void stop() {
    injectedTotal += proxy.injected();
    proxy.close();
    server.close();
    System.out.println("S3FaultsTest: faults injected through the proxy: " + injectedTotal);
  }

  @BeforeEach
  void clear() {
    injectedTotal += proxy.injected();
    proxy.reset();
    server.resetLog();
  }

  @Test
  void retriesServerErrorsAndThrottlingThenLoadsEveryObjectExactlyOnce() {
    proxy
        .failNext("GET", "/faults/?", 1, 503, SLOW_DOWN)
        .failNext("GET", "/faults/runs/a.json", 2, 500, INTERNAL)
        .failNext("GET", "/faults/runs/b.json", 1, 503, SLOW_DOWN)
        .failNext("GET", "/faults/runs/c.json", 1, 429, THROTTLED);

    LoadResult result = prism(config()).load("s3://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected()).isEqualTo(5);
    assertThat(server.downloads("faults", "runs/a.json")).isEqualTo(1);
    assertThat(server.listPages()).isEqualTo(1);
  }

  @Test
  void retriesDroppedConnectionsAndBodiesCutOffHalfWay() {
    proxy
        .dropNext("GET", "/faults/runs/a.json", 1)
        .truncateNext("GET", "/faults/runs/b.json", 2)
        .dropNext("GET", "/faults/?", 1);

    LoadResult result = prism(config()).load("s3://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected(FaultProxy.Kind.DROP)).isEqualTo(2);
    assertThat(proxy.injected(FaultProxy.Kind.TRUNCATE)).isEqualTo(2);
    // each truncated body was sent in full by the store, then once more whole
    assertThat(server.downloads("faults", "runs/b.json")).isEqualTo(3);
  }

  @Test
  void aResponseSlowerThanTheAttemptTimeoutIsAbandonedAndRetried() {
    proxy.delayNext("GET", "/faults/runs/c.json", 1, Duration.ofSeconds(3));
    ConnectorConfig config = with(config(), "s3.attemptTimeout", "PT0.5S");

    LoadResult result = prism(config).load("s3://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected(FaultProxy.Kind.DELAY)).isEqualTo(1);
  }

  @Test
  void anObjectThatKeepsFailingIsNamedInAProblemAfterTheConfiguredAttemptsAndTheRestLoad() {
    proxy.failNext("GET", "/faults/runs/b.json", 100, 503, SLOW_DOWN);

    LoadResult result = prism(config()).load("s3://faults/runs/");

    assertThat(models(result)).containsExactly("a", "c", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("s3://faults/runs/b.json");
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("503").contains("SlowDown");
            });
    assertThat(requestsTo("/faults/runs/b.json")).isEqualTo(3L);
  }

  @Test
  void progressCountsEveryListedObjectAndEveryReadIncludingTheOneThatFailed() {
    proxy.failNext("GET", "/faults/runs/b.json", 100, 503, SLOW_DOWN);
    Map<String, Integer> listed = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> ok = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    ai.llmd.prism.core.LoadProgress progress =
        new ai.llmd.prism.core.LoadProgress() {
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

    prism(config()).withProgress(progress).load("s3://faults/runs/", "s3://no-such-bucket/");

    assertThat(listed)
        .containsOnly(Map.entry("s3://faults/runs/", 4), Map.entry("s3://no-such-bucket/", 0));
    assertThat(ok)
        .containsExactlyInAnyOrder(
            "s3://faults/runs/a.json", "s3://faults/runs/c.json", "s3://faults/runs/d.json");
    assertThat(failed).containsExactly("s3://faults/runs/b.json");
    assertThat(bytes)
        .hasValue(
            ProbeReader.file("a", 'a').length
                + ProbeReader.file("c", 'c').length
                + ProbeReader.file("d", 'd').length);
  }

  @Test
  @Timeout(value = 45, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // 60 s if unbounded
  void anObjectTricklingOneByteASecondMeetsTheDeadlinePerObjectAndTheRestLoad() {
    proxy.trickleNext("GET", "/faults/runs/c.json", 1, Duration.ofSeconds(1));
    // no attempt timeout of the SDK's own to catch it first: only the deadline per object
    ConnectorConfig config =
        with(with(config(), "s3.attemptTimeout", "PT60S"), Prism.READ_DEADLINE, "2");

    LoadResult result = prism(config).load("s3://faults/runs/");

    assertThat(models(result)).containsExactly("a", "b", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("s3://faults/runs/c.json");
              assertThat(p.message())
                  .contains("no complete object within 2 s")
                  .contains(Prism.READ_DEADLINE);
            });
    assertThat(proxy.injected(FaultProxy.Kind.TRICKLE)).isEqualTo(1);
  }

  @Test
  void retryingStopsAtTheDeadline() {
    proxy.failNext("GET", "/faults/runs/d.json", 1000, 500, INTERNAL);
    ConnectorConfig config =
        with(with(config(), "s3.maxAttempts", "1000"), "s3.deadline", "PT0.6S");

    LoadResult result = prism(config).load("s3://faults/runs/");

    assertThat(models(result)).containsExactly("a", "b", "c");
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("s3://faults/runs/d.json"));
    assertThat(requestsTo("/faults/runs/d.json")).isBetween(2L, 200L);
  }

  @Test
  void aListingThatKeepsFailingIsAProblemNamingTheRoot() {
    proxy.failNext("GET", "/faults/?", 100, 500, INTERNAL);

    LoadResult result = prism(config()).load("s3://faults/runs/");

    assertThat(result.points()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("s3://faults/runs/");
              assertThat(p.message()).contains("could not be listed").contains("500");
            });
  }

  @Test
  void anObjectDeletedBetweenListingAndReadingIsReportedNotSkipped() throws Exception {
    server.putDirect("faults", "gone/x.json", ProbeReader.file("x", 1));
    server.putDirect("faults", "gone/y.json", ProbeReader.file("y", 2));
    try (SourceConnector c = new S3ConnectorProvider().create(config())) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create("s3://faults/gone/"), listed::add);
      server.delete("faults", "gone/x.json");

      assertThat(listed).extracting(ObjectRef::key).containsExactly("x.json", "y.json");
      assertThatThrownBy(() -> c.open(listed.get(0)).close())
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("s3://faults/gone/x.json");
      assertThat(c.open(listed.get(1)).readAllBytes()).isEqualTo(ProbeReader.file("y", 2));
    }
  }

  @Test
  void prismNamesAnObjectThatVanishedAfterListing() {
    proxy.failNext("GET", "/faults/runs/a.json", 1, 404, NO_SUCH_KEY);

    LoadResult result = prism(config()).load("s3://faults/runs/");

    assertThat(models(result)).containsExactly("b", "c", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("s3://faults/runs/a.json");
              assertThat(p.message()).contains("no such object");
            });
    assertThat(requestsTo("/faults/runs/a.json")).isEqualTo(1L);
  }

  @Test
  void loadsMoreThanAThousandObjectsAcrossPagesWhenAPageFailsOnce() {
    for (int i = 0; i < 1203; i++) {
      server.putDirect("faults", String.format("many/o%04d.json", i), ProbeReader.file("m" + i, i));
    }
    server.resetLog();
    proxy.failNth("GET", "/faults/?", 2, 503, SLOW_DOWN);

    LoadResult result = prism(config()).load("s3://faults/many/");

    assertThat(result.problems()).isEmpty();
    assertThat(result.points()).hasSize(1203);
    assertThat(result.points())
        .extracting(p -> p.provenance().source().toString())
        .doesNotHaveDuplicates();
    assertThat(server.listPages()).isEqualTo(2);
    assertThat(proxy.injected()).isEqualTo(1);
    assertThat(server.downloads()).isEqualTo(1203);
  }

  @Test
  void readingWithOneOrSixteenThreadsGivesTheSamePointsInTheSameOrder() {
    for (int i = 0; i < 40; i++) {
      server.putDirect(
          "faults", "order/d" + (i % 7) + "/r" + i + ".json", ProbeReader.file("o" + i, i));
    }
    proxy.failNext("GET", "/faults/order/d3/.*", 2, 503, SLOW_DOWN);

    LoadResult one = prism(config(), 1).load("s3://faults/order/", "s3://faults/runs/");
    LoadResult sixteen = prism(config(), 16).load("s3://faults/order/", "s3://faults/runs/");

    assertThat(one.problems()).isEmpty();
    assertThat(one.points()).hasSize(44);
    assertThat(sixteen.points()).isEqualTo(one.points());
    assertThat(sixteen.problems()).isEqualTo(one.problems());
  }

  @Test
  void aCachedReloadAfterAPartialFailureReadsOnlyWhatFailedOrChanged(@TempDir Path cache) {
    ConnectorConfig config = with(config(), Prism.CACHE_DIR, cache.toString());
    proxy.failNext("GET", "/faults/runs/b.json", 100, 500, INTERNAL);
    LoadResult first = prism(config).load("s3://faults/runs/");
    proxy.reset();
    server.resetLog();
    server.putDirect("faults", "runs/d.json", ProbeReader.file("d", 'e'));

    LoadResult second = prism(config).load("s3://faults/runs/");

    assertThat(first.problems())
        .extracting(Problem::file)
        .containsExactly("s3://faults/runs/b.json");
    assertThat(second.problems()).isEmpty();
    assertThat(models(second)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.requests())
        .filteredOn(r -> !r.path().equals("/faults") && !r.path().equals("/faults/"))
        .extracting(FaultProxy.Request::path)
        .containsExactlyInAnyOrder("/faults/runs/b.json", "/faults/runs/d.json");
    server.putDirect("faults", "runs/d.json", ProbeReader.file("d", 'd'));
  }

  private static long requestsTo(String path) {
    return proxy.requests().stream().filter(r -> r.path().equals(path)).count();
  }

  private static List<String> models(LoadResult result) {
    return result.points().stream().map(BenchmarkPoint::model).map(m -> m.raw()).toList();
  }

  static ConnectorConfig config() {
    Map<String, String> m = new HashMap<>();
    m.put("s3.endpoint", proxy.endpoint().toString());
    m.put("s3.region", "us-east-1");
    m.put("s3.anonymous", "true");
    m.put("s3.maxAttempts", "3");
    m.put("s3.retryDelay", "PT0.01S");
    m.put("s3.deadline", "PT20S");
    return ConnectorConfig.of(m);
  }

  private static Prism prism(ConnectorConfig config) {
    return prism(config, 4);
  }

  private static Prism prism(ConnectorConfig config, int threads) {
    return Prism.of(
            Plugins.builder().discover().reader(new ProbeReader()).build(),
            LoadOptions.defaults().withThreads(threads).withConnectorConfig(config))
        .withNormalizer(Normalizer.none());
  }

  private static ConnectorConfig with(ConnectorConfig base, String key, String value) {
    return k -> k.equals(key) ? value : base.get(k);
  }

  static double tps(BenchmarkPoint p) {
    return p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow();
  }
}
