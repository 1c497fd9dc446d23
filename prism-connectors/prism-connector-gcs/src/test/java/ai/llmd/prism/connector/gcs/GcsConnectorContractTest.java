package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FakeGcsServer;
import ai.llmd.prism.testkit.SourceConnectorContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The GCS connector, with the real Google client, meets the connector contract. */
class GcsConnectorContractTest extends SourceConnectorContract {

  private static final String BUCKET = "prism-contract";
  private static FakeGcsServer server;
  private static SourceConnector connector;

  @BeforeAll
  static void startServer() {
    server = FakeGcsServer.start();
    server.createBucket(BUCKET);
    connector = new GcsConnectorProvider().create(config(server));
  }

  /** Reaches {@code server} anonymously, retrying little and soon. */
  static ConnectorConfig config(FakeGcsServer server) {
    return ConnectorConfig.of(
        Map.of(
            "gcs.host", server.endpoint(),
            "gcs.project", "prism-test",
            "gcs.maxAttempts", "2",
            "gcs.retryDelay", "0.01"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    connector.close();
    server.close();
  }

  @Override
  protected SourceConnector connector() {
    return connector;
  }

  @Override
  protected URI freshRoot(String name) {
    return URI.create("gs://" + BUCKET + "/" + name + "/");
  }

  @Override
  protected void put(URI root, String key, byte[] content) {
    server.put(BUCKET, root.getPath().substring(1) + key, content);
  }

  @Override
  protected int contentRequests(URI object) {
    return server.downloads(BUCKET, object.getPath().substring(1));
  }

  @Override
  protected URI missingContainerRoot() {
    return URI.create("gs://no-such-bucket-here/runs/");
  }
}
