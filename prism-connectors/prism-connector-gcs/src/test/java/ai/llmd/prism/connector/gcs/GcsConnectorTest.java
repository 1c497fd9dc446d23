package ai.llmd.prism.connector.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FakeGcsServer;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to GCS: page tokens, the emulator variable, retries, generations. */
class GcsConnectorTest {

  private static FakeGcsServer server;

  @BeforeAll
  static void start() {
    server = FakeGcsServer.start();
    server.createBucket("bench");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clearLog() {
    server.clearLog();
  }

  @Test
  void followsNextPageTokensUntilTheLastPage() throws Exception {
    for (int i = 0; i < 25; i++) {
      server.put("bench", String.format("paging/o%02d", i), new byte[] {(byte) i});
    }
    server.clearLog();
    ConnectorConfig config = with(GcsConnectorContractTest.config(server), "gcs.pageSize", "10");

    List<ObjectRef> listed = list(config, "gs://bench/paging/");

    assertThat(listed).hasSize(25);
    List<FakeGcsServer.Request> pages = server.requests();
    assertThat(pages).hasSize(3);
    assertThat(pages).allSatisfy(r -> assertThat(r.query()).containsEntry("maxResults", "10"));
    assertThat(pages.get(0).query()).doesNotContainKey("pageToken");
    assertThat(pages.get(1).query()).containsKey("pageToken");
    assertThat(pages.get(2).query()).containsKey("pageToken");
  }

  @Test
  void honoursStorageEmulatorHostWhichTheGoogleClientIgnores() throws Exception {
    server.put("bench", "emu/a.json", "{}".getBytes(StandardCharsets.UTF_8));
    String hostPort = server.endpoint().substring("http://".length());
    ConnectorConfig config = ConnectorConfig.EMPTY; // no project, no credentials: a public bucket

    try (SourceConnector c =
        GcsSourceConnector.create(config, Map.of("STORAGE_EMULATOR_HOST", hostPort)::get)) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create("gs://bench/emu/"), listed::add);

      assertThat(listed).extracting(ObjectRef::key).containsExactly("a.json");
    }
    assertThat(server.requests()).isNotEmpty();
  }

  @Test
  void retriesAServerErrorAndThenSucceeds() throws Exception {
    server.put("bench", "retry/a.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    server.clearLog();
    server.failNext(1, 503);

    List<ObjectRef> listed = list(GcsConnectorContractTest.config(server), "gs://bench/retry/");

    assertThat(listed).extracting(ObjectRef::key).containsExactly("a.json");
    assertThat(server.listPages()).isEqualTo(2);
  }

  @Test
  void readsTheListedGenerationAndReportsAnObjectReplacedSinceListing() throws Exception {
    server.put("bench", "gen/a.json", "old".getBytes(StandardCharsets.UTF_8));
    try (SourceConnector c =
        new GcsConnectorProvider().create(GcsConnectorContractTest.config(server))) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create("gs://bench/gen/"), listed::add);
      long newer = server.put("bench", "gen/a.json", "new".getBytes(StandardCharsets.UTF_8));

      assertThat(Long.parseLong(listed.get(0).changeToken())).isLessThan(newer);
      assertThatThrownBy(() -> c.open(listed.get(0)))
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("changed since listing");
      ObjectRef current = new ObjectRef(listed.get(0).uri(), "a.json", 3, Long.toString(newer));
      try (InputStream in = c.open(current)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("new");
      }
    }
  }

  @Test
  void isDiscoveredAndAvailable() {
    ConnectorProvider gs = Plugins.builder().discover().build().connector("gs").orElseThrow();

    assertThat(gs).isInstanceOf(GcsConnectorProvider.class);
    assertThat(gs.availability().available()).isTrue();
  }

  @Test
  void prismLoadsEveryBenchmarkFileUnderAGcsPrefixReadingEachOnce() {
    server.put("bench", "e2e/r1/result.json", ProbeReader.file("llama", 1200.5));
    server.put("bench", "e2e/r2/result.json", ProbeReader.file("qwen", 800.25));
    server.clearLog();
    Prism prism =
        Prism.of(
                Plugins.builder().discover().reader(new ProbeReader()).build(),
                LoadOptions.defaults().withConnectorConfig(GcsConnectorContractTest.config(server)))
            .withNormalizer(Normalizer.none());

    LoadResult result = prism.load("gs://bench/e2e/");

    assertThat(result.problems()).isEmpty();
    assertThat(result.points())
        .extracting(
            p -> p.model().raw(),
            p -> p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow(),
            p -> p.provenance().source().toString())
        .containsExactlyInAnyOrder(
            tuple("llama", 1200.5, "gs://bench/e2e/r1/result.json"),
            tuple("qwen", 800.25, "gs://bench/e2e/r2/result.json"));
    assertThat(server.downloads("bench", "e2e/r1/result.json")).isEqualTo(1);
    assertThat(server.downloads("bench", "e2e/r2/result.json")).isEqualTo(1);
  }

  private static List<ObjectRef> list(ConnectorConfig config, String root) throws Exception {
    List<ObjectRef> out = new ArrayList<>();
    try (SourceConnector c = new GcsConnectorProvider().create(config)) {
      c.list(URI.create(root), out::add);
    }
    return out;
  }

  private static ConnectorConfig with(ConnectorConfig base, String key, String value) {
    return k -> k.equals(key) ? value : base.get(k);
  }
}
