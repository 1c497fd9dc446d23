package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.spi.WritableConnector;
import ai.llmd.prism.testkit.FaultContract;
import ai.llmd.prism.testkit.FaultProxy;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.FileNotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real S3-compatible server (s3proxy) behind a proxy that injects faults, under the {@link
 * FaultContract}, plus what only S3 shows: its XML error codes reach the problem.
 */
class S3FaultsTest extends FaultContract {

  private LocalS3 server;

  @Override
  protected URI startStore() throws Exception {
    server = LocalS3.startPublic();
    server.createBucket(CONTAINER);
    return server.endpoint();
  }

  @Override
  protected void stopStore() {
    server.close();
  }

  @Override
  protected void put(String key, byte[] content) {
    server.putDirect(CONTAINER, key, content);
  }

  @Override
  protected String scheme() {
    return "s3";
  }

  @Override
  protected Map<String, String> endpointConfig(URI endpoint) {
    return Map.of(
        "s3.endpoint", endpoint.toString(), "s3.region", "us-east-1", "s3.anonymous", "true");
  }

  @Override
  protected String configPrefix() {
    return "s3";
  }

  @Override
  protected String listPath() {
    return "/" + CONTAINER + "/?";
  }

  @Override
  protected String downloadPath(String key) {
    return "/" + CONTAINER + "/" + key.replace(".", "\\.");
  }

  @Override
  protected String errorBody(int status) {
    String code =
        switch (status) {
          case 404 -> "NoSuchKey";
          case 429 -> "TooManyRequests";
          case 503 -> "SlowDown";
          default -> "InternalError";
        };
    return "<Error><Code>" + code + "</Code><Message>injected</Message></Error>";
  }

  @Override
  protected int downloads(String key) {
    return server.downloads(CONTAINER, key);
  }

  @Override
  protected int listPages() {
    return server.listPages();
  }

  @Override
  protected void clearStoreLog() {
    server.resetLog();
  }

  @Override
  protected WritableConnector writableConnector(ConnectorConfig config) {
    return (WritableConnector) new S3ConnectorProvider().create(config);
  }

  @Override
  protected String uploadPath(String key) {
    return downloadPath(key);
  }

  @Test
  void theStoresErrorCodeReachesTheProblem() {
    proxy().failNext("GET", downloadPath("runs/b.json"), 100, 503, errorBody(503));

    LoadResult result = prism(config(), 4).load(uri("runs/"));

    assertThat(models(result)).containsExactly("a", "c", "d");
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("503").contains("SlowDown"));
  }

  @Test
  void aBodyCutOffTwiceIsFetchedAThirdTime() {
    proxy().truncateNext("GET", downloadPath("runs/b.json"), 2);

    LoadResult result = prism(config(), 4).load(uri("runs/"));

    assertThat(result.problems()).isEmpty();
    assertThat(proxy().injected(FaultProxy.Kind.TRUNCATE)).isEqualTo(2);
    assertThat(downloads("runs/b.json")).isEqualTo(3);
  }

  @Test
  void anObjectDeletedBetweenListingAndReadingIsReportedNotSkipped() throws Exception {
    put("gone/x.json", ProbeReader.file("x", 1));
    put("gone/y.json", ProbeReader.file("y", 2));
    try (SourceConnector c = new S3ConnectorProvider().create(config())) {
      List<ObjectRef> listed = new ArrayList<>();
      c.list(URI.create(uri("gone/")), listed::add);
      server.delete(CONTAINER, "gone/x.json");

      assertThat(listed).extracting(ObjectRef::key).containsExactly("x.json", "y.json");
      assertThatThrownBy(() -> c.open(listed.get(0)).close())
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining(uri("gone/x.json"));
      assertThat(c.open(listed.get(1)).readAllBytes()).isEqualTo(ProbeReader.file("y", 2));
    }
  }
}
