package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
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
import ai.llmd.prism.testkit.ProbeReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to S3: paging in requests, credentials, endpoints, and loading end to end. */
class S3ConnectorTest {

  private static LocalS3 server;
  private static LocalS3 publicServer;

  @BeforeAll
  static void start() throws Exception {
    server = LocalS3.start();
    publicServer = LocalS3.startPublic();
    server.createBucket("bench");
    publicServer.createBucket("open-data");
    publicServer.put("open-data", "runs/a.json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
    publicServer.close();
  }

  @Test
  void followsEveryListingPageInPagesOfTheConfiguredSize() throws Exception {
    for (int i = 0; i < 25; i++) {
      server.putDirect("bench", "paging/o" + i, new byte[] {(byte) i});
    }
    server.resetLog();
    ConnectorConfig config = with(server.config(), "s3.pageSize", "10");

    List<ObjectRef> listed = new ArrayList<>();
    try (SourceConnector c = new S3ConnectorProvider().create(config)) {
      c.list(URI.create("s3://bench/paging/"), listed::add);
    }

    assertThat(listed).hasSize(25);
    assertThat(server.listPages()).isEqualTo(3);
    assertThat(server.downloads()).isZero();
  }

  @Test
  void readsAPublicBucketAnonymously() throws Exception {
    ConnectorConfig config =
        ConnectorConfig.of(
            Map.of("s3.endpoint", publicServer.endpoint().toString(), "s3.anonymous", "true"));
    try (SourceConnector c = new S3ConnectorProvider().create(config)) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create("s3://open-data/runs/"), listed::add);

      assertThat(listed).extracting(ObjectRef::key).containsExactly("a.json");
      try (InputStream in = c.open(listed.get(0))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
      }
    }
  }

  @Test
  void anonymousRequestsCarryNoCredentialsSoAPrivateStoreRefusesThem() throws Exception {
    ConnectorConfig config =
        ConnectorConfig.of(
            Map.of("s3.endpoint", server.endpoint().toString(), "s3.anonymous", "true"));
    try (SourceConnector c = new S3ConnectorProvider().create(config)) {
      assertThatThrownBy(() -> c.list(URI.create("s3://bench/"), o -> {}))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("403");
    }
  }

  @Test
  void honoursTheAwsEndpointVariableWhenNoEndpointIsConfigured() throws Exception {
    ConnectorConfig config =
        ConnectorConfig.of(Map.of("s3.anonymous", "true", "s3.region", "eu-west-1"));
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", publicServer.endpoint().toString());
    try (SourceConnector c = S3SourceConnector.create(config, env::get)) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create("s3://open-data/runs/a.json"), listed::add);

      assertThat(listed).extracting(ObjectRef::key).containsExactly("a.json");
      assertThat(listed.get(0).uri()).isEqualTo(URI.create("s3://open-data/runs/a.json"));
    }
  }

  @Test
  void rejectsConfigurationThatCannotWork() {
    S3ConnectorProvider p = new S3ConnectorProvider();
    assertThatThrownBy(() -> p.create(ConnectorConfig.of(Map.of("s3.endpoint", "ftp://x"))))
        .hasMessageContaining("s3.endpoint must be an http:// or https:// URL");
    assertThatThrownBy(() -> p.create(ConnectorConfig.of(Map.of("s3.accessKeyId", "a"))))
        .hasMessageContaining("s3.secretAccessKey");
    assertThatThrownBy(() -> p.create(ConnectorConfig.of(Map.of("s3.pageSize", "5000"))))
        .hasMessageContaining("s3.pageSize must be 1 to 1000");
  }

  @Test
  void isDiscoveredAndAvailable() {
    Plugins plugins = Plugins.builder().discover().build();
    ConnectorProvider s3 = plugins.connector("s3").orElseThrow();

    assertThat(s3).isInstanceOf(S3ConnectorProvider.class);
    assertThat(s3.availability().available()).isTrue();
  }

  @Test
  void prismLoadsEveryBenchmarkFileUnderAnS3PrefixReadingEachOnce() {
    server.put("bench", "e2e/run-1/result.json", ProbeReader.file("llama", 1200.5));
    server.put("bench", "e2e/run-2/result.json", ProbeReader.file("qwen", 800.25));
    server.put("bench", "e2e/run-2/notes.txt", "not a benchmark".getBytes(StandardCharsets.UTF_8));
    server.resetLog();
    Prism prism =
        Prism.of(
                Plugins.builder().discover().reader(new ProbeReader()).build(),
                LoadOptions.defaults().withConnectorConfig(server.config()))
            .withNormalizer(Normalizer.none());

    LoadResult result = prism.load("s3://bench/e2e");

    assertThat(result.points())
        .extracting(
            p -> p.model().raw(), p -> p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("llama", 1200.5),
            org.assertj.core.groups.Tuple.tuple("qwen", 800.25));
    assertThat(result.points())
        .extracting(BenchmarkPoint::provenance)
        .extracting(p -> p.source().toString())
        .containsExactlyInAnyOrder(
            "s3://bench/e2e/run-1/result.json", "s3://bench/e2e/run-2/result.json");
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.toString()).contains("notes.txt"));
    assertThat(server.downloads("bench", "e2e/run-1/result.json")).isEqualTo(1);
    assertThat(server.downloads("bench", "e2e/run-2/result.json")).isEqualTo(1);
    assertThat(server.downloads("bench", "e2e/run-2/notes.txt")).isEqualTo(1);
  }

  @Test
  void withACacheDirectoryAReloadDownloadsOnlyWhatChanged(@TempDir Path cache) {
    server.put("bench", "cached/a.json", ProbeReader.file("a", 1.0));
    server.put("bench", "cached/b.json", ProbeReader.file("b", 2.0));
    ConnectorConfig config = with(server.config(), Prism.CACHE_DIR, cache.toString());
    Prism prism =
        Prism.of(
            Plugins.builder().discover().reader(new ProbeReader()).build(),
            LoadOptions.defaults().withConnectorConfig(config));
    server.resetLog();

    LoadResult first = prism.load("s3://bench/cached/");
    int afterFirst = server.downloads();
    LoadResult second = prism.load("s3://bench/cached/");
    int afterSecond = server.downloads();
    server.put("bench", "cached/b.json", ProbeReader.file("b", 3.0));
    LoadResult third = prism.load("s3://bench/cached/");

    assertThat(afterFirst).isEqualTo(2);
    assertThat(afterSecond).isEqualTo(2);
    assertThat(server.downloads("bench", "cached/a.json")).isEqualTo(1);
    assertThat(server.downloads("bench", "cached/b.json")).isEqualTo(2);
    assertThat(second.points()).isEqualTo(first.points());
    assertThat(third.points())
        .extracting(p -> p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow())
        .containsExactlyInAnyOrder(1.0, 3.0);
  }

  @Test
  void prismReportsAMissingBucketAsAProblem() {
    Prism prism =
        Prism.of(
                Plugins.builder().discover().build(),
                LoadOptions.defaults().withConnectorConfig(server.config()))
            .withNormalizer(Normalizer.none());

    LoadResult result = prism.load("s3://no-such-bucket/x/");

    assertThat(result.points()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("no such bucket"));
  }

  private static ConnectorConfig with(ConnectorConfig base, String key, String value) {
    return k -> k.equals(key) ? value : base.get(k);
  }
}
