package ai.llmd.prism.connector.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.testkit.FakeGcsServer;
import ai.llmd.prism.testkit.FaultProxy;
import ai.llmd.prism.testkit.ProbeReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * The fake GCS server behind a fault-injecting proxy, read by the real Google client: transient
 * failures are retried with backoff, what cannot be read is named, nothing is lost or doubled.
 */
class GcsFaultsTest {

  /** Faults injected by this class, for the report. */
  static int injectedTotal;

  private static FakeGcsServer server;
  private static FaultProxy proxy;

  @BeforeAll
  static void start() {
    server = FakeGcsServer.start();
    server.createBucket("faults");
    proxy = FaultProxy.start(URI.create(server.endpoint()));
    for (String name : List.of("a", "b", "c", "d")) {
      server.put("faults", "runs/" + name + ".json", ProbeReader.file(name, name.charAt(0)));
    }
  }

  @AfterAll
  static void stop() {
    injectedTotal += proxy.injected();
    proxy.close();
    server.close();
    System.out.println("GcsFaultsTest: faults injected through the proxy: " + injectedTotal);
  }

  @BeforeEach
  void clear() {
    injectedTotal += proxy.injected();
    proxy.reset();
    server.clearLog();
  }

  @Test
  void retriesServerErrorsAndThrottlingThenLoadsEveryObjectExactlyOnce() {
    proxy
        .failNext("GET", LIST, 1, 503, "backend unavailable")
        .failNext("GET", media("runs/a.json"), 2, 500, "internal")
        .failNext("GET", media("runs/b.json"), 1, 503, "unavailable")
        .failNext("GET", media("runs/c.json"), 1, 429, "rate limit exceeded");

    LoadResult result = prism(config()).load("gs://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected()).isEqualTo(5);
    assertThat(server.downloads("faults", "runs/a.json")).isEqualTo(1);
    assertThat(server.listPages()).isEqualTo(1);
  }

  @Test
  void retriesDroppedConnectionsAndBodiesCutOffHalfWay() {
    proxy
        .dropNext("GET", media("runs/a.json"), 1)
        .truncateNext("GET", media("runs/b.json"), 1)
        .dropNext("GET", LIST, 1);

    LoadResult result = prism(config()).load("gs://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected(FaultProxy.Kind.DROP)).isEqualTo(2);
    assertThat(proxy.injected(FaultProxy.Kind.TRUNCATE)).isEqualTo(1);
  }

  @Test
  void aResponseSlowerThanTheAttemptTimeoutIsAbandonedAndRetried() {
    proxy.delayNext("GET", media("runs/c.json"), 1, Duration.ofSeconds(3));

    LoadResult result =
        prism(with(config(), "gcs.attemptTimeout", "PT0.5S")).load("gs://faults/runs/");

    assertThat(result.problems()).isEmpty();
    assertThat(models(result)).containsExactly("a", "b", "c", "d");
    assertThat(proxy.injected(FaultProxy.Kind.DELAY)).isEqualTo(1);
  }

  @Test
  void anObjectThatKeepsFailingIsNamedInAProblemAfterTheConfiguredAttemptsAndTheRestLoad() {
    proxy.failNext("GET", media("runs/b.json"), 100, 503, "unavailable");

    LoadResult result = prism(config()).load("gs://faults/runs/");

    assertThat(models(result)).containsExactly("a", "c", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gs://faults/runs/b.json");
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("503");
            });
    assertThat(requestsMatching(media("runs/b.json"))).isEqualTo(3L);
  }

  @Test
  @Timeout(value = 45, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // 60 s if unbounded
  void anObjectTricklingOneByteASecondMeetsTheDeadlinePerObjectAndTheRestLoad() {
    proxy.trickleNext("GET", media("runs/c.json"), 1, Duration.ofSeconds(1));
    // no attempt timeout of the SDK's own to catch it first: only the deadline per object
    ConnectorConfig config =
        with(with(config(), "gcs.attemptTimeout", "PT60S"), Prism.READ_DEADLINE, "2");

    LoadResult result = prism(config).load("gs://faults/runs/");

    assertThat(models(result)).containsExactly("a", "b", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gs://faults/runs/c.json");
              assertThat(p.message())
                  .contains("no complete object within 2 s")
                  .contains(Prism.READ_DEADLINE);
            });
    assertThat(proxy.injected(FaultProxy.Kind.TRICKLE)).isEqualTo(1);
  }

  @Test
  void retryingStopsAtTheDeadline() {
    proxy.failNext("GET", media("runs/d.json"), 1000, 500, "internal");
    ConnectorConfig config =
        with(with(config(), "gcs.maxAttempts", "1000"), "gcs.deadline", "PT0.6S");

    LoadResult result = prism(config).load("gs://faults/runs/");

    assertThat(models(result)).containsExactly("a", "b", "c");
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("gs://faults/runs/d.json"));
    assertThat(requestsMatching(media("runs/d.json"))).isBetween(2L, 200L);
  }

  @Test
  void aListingThatKeepsFailingIsAProblemNamingTheRoot() {
    proxy.failNext("GET", LIST, 100, 500, "internal");

    LoadResult result = prism(config()).load("gs://faults/runs/");

    assertThat(result.points()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gs://faults/runs/");
              assertThat(p.message()).contains("could not be listed");
            });
  }

  @Test
  void prismNamesAnObjectThatVanishedAfterListing() {
    proxy.failNext("GET", media("runs/a.json"), 1, 404, "No such object");

    LoadResult result = prism(config()).load("gs://faults/runs/");

    assertThat(models(result)).containsExactly("b", "c", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gs://faults/runs/a.json");
              assertThat(p.message()).contains("no such object");
            });
  }

  @Test
  void loadsMoreThanAThousandObjectsAcrossPagesWhenAPageFailsOnce() {
    for (int i = 0; i < 1203; i++) {
      server.put("faults", String.format("many/o%04d.json", i), ProbeReader.file("m" + i, i));
    }
    server.clearLog();
    proxy.failNth("GET", LIST, 2, 503, "unavailable");

    LoadResult result = prism(config()).load("gs://faults/many/");

    assertThat(result.problems()).isEmpty();
    assertThat(result.points()).hasSize(1203);
    assertThat(result.points())
        .extracting(p -> p.provenance().source().toString())
        .doesNotHaveDuplicates();
    assertThat(server.listPages()).isEqualTo(2);
    assertThat(proxy.injected()).isEqualTo(1);
  }

  @Test
  void readingWithOneOrSixteenThreadsGivesTheSamePointsInTheSameOrder() {
    for (int i = 0; i < 40; i++) {
      server.put("faults", "order/d" + (i % 7) + "/r" + i + ".json", ProbeReader.file("o" + i, i));
    }
    proxy.failNext("GET", ".*/o/order%2Fd3%2F.*", 2, 503, "unavailable");

    LoadResult one = prism(config(), 1).load("gs://faults/order/", "gs://faults/runs/");
    LoadResult sixteen = prism(config(), 16).load("gs://faults/order/", "gs://faults/runs/");

    assertThat(one.problems()).isEmpty();
    assertThat(one.points()).hasSize(44);
    assertThat(sixteen.points()).isEqualTo(one.points());
    assertThat(sixteen.problems()).isEqualTo(one.problems());
  }

  @Test
  void aCachedReloadAfterAPartialFailureReadsOnlyWhatFailedOrChanged(@TempDir Path cache) {
    ConnectorConfig config = with(config(), Prism.CACHE_DIR, cache.toString());
    server.put("faults", "cached/a.json", ProbeReader.file("a", 1));
    server.put("faults", "cached/b.json", ProbeReader.file("b", 2));
    server.put("faults", "cached/c.json", ProbeReader.file("c", 3));
    proxy.failNext("GET", media("cached/b.json"), 100, 500, "internal");
    LoadResult first = prism(config).load("gs://faults/cached/");
    proxy.reset();
    server.clearLog();
    server.put("faults", "cached/c.json", ProbeReader.file("c", 4));

    LoadResult second = prism(config).load("gs://faults/cached/");

    assertThat(first.problems())
        .extracting(Problem::file)
        .containsExactly("gs://faults/cached/b.json");
    assertThat(second.problems()).isEmpty();
    assertThat(models(second)).containsExactly("a", "b", "c");
    assertThat(server.downloads("faults", "cached/a.json")).isZero();
    assertThat(server.downloads("faults", "cached/b.json")).isEqualTo(1);
    assertThat(server.downloads("faults", "cached/c.json")).isEqualTo(1);
    assertThat(server.listPages()).isEqualTo(1);
  }

  private static final String LIST = "/storage/v1/b/faults/o";

  /** The raw path of a download of {@code name}, as a pattern. */
  private static String media(String name) {
    return ".*/b/faults/o/" + name.replace("/", "%2F").replace(".", "\\.");
  }

  private static long requestsMatching(String regex) {
    return proxy.requests().stream().filter(r -> r.path().matches(regex)).count();
  }

  private static List<String> models(LoadResult result) {
    return result.points().stream().map(BenchmarkPoint::model).map(m -> m.raw()).toList();
  }

  static ConnectorConfig config() {
    Map<String, String> m = new HashMap<>();
    m.put("gcs.host", proxy.endpoint().toString());
    m.put("gcs.project", "prism-test");
    m.put("gcs.maxAttempts", "3");
    m.put("gcs.retryDelay", "PT0.01S");
    m.put("gcs.deadline", "PT20S");
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
}
