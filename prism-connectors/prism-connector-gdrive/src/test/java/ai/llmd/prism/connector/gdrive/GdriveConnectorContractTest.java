package ai.llmd.prism.connector.gdrive;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FakeDriveServer;
import ai.llmd.prism.testkit.SourceConnectorContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Drive connector, with the official Drive client, meets the connector contract. */
class GdriveConnectorContractTest extends SourceConnectorContract {

  private static FakeDriveServer server;
  private static SourceConnector connector;

  @BeforeAll
  static void startServer() {
    server = FakeDriveServer.start();
    connector = new GdriveConnectorProvider().create(config(server));
  }

  /** Reaches {@code server} anonymously, retrying little and soon. */
  static ConnectorConfig config(FakeDriveServer server) {
    return ConnectorConfig.of(
        Map.of(
            "gdrive.rootUrl", server.rootUrl(),
            "gdrive.anonymous", "true",
            "gdrive.maxAttempts", "2",
            "gdrive.retryDelay", "0.01"));
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
    server.folder(name, name, null);
    return URI.create("gdrive://folder/" + name + "/");
  }

  @Override
  protected void put(URI root, String key, byte[] content) {
    server.put(root.getPath().split("/")[1], key, content);
  }

  @Override
  protected int contentRequests(URI object) {
    return server.downloads(object.getPath().substring(1));
  }

  @Override
  protected URI missingContainerRoot() {
    return URI.create("gdrive://folder/no-such-folder/");
  }
}
