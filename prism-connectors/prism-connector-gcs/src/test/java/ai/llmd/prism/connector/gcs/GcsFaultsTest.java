package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.WritableConnector;
import ai.llmd.prism.testkit.FakeGcsServer;
import ai.llmd.prism.testkit.FaultContract;
import java.net.URI;
import java.util.Map;

/**
 * The fake GCS server behind a fault-injecting proxy, read by the real Google client, under the
 * {@link FaultContract}.
 */
class GcsFaultsTest extends FaultContract {

  private FakeGcsServer server;

  @Override
  protected URI startStore() {
    server = FakeGcsServer.start();
    server.createBucket(CONTAINER);
    return URI.create(server.endpoint());
  }

  @Override
  protected void stopStore() {
    server.close();
  }

  @Override
  protected void put(String key, byte[] content) {
    server.put(CONTAINER, key, content);
  }

  @Override
  protected String scheme() {
    return "gs";
  }

  @Override
  protected Map<String, String> endpointConfig(URI endpoint) {
    return Map.of("gcs.host", endpoint.toString(), "gcs.project", "prism-test");
  }

  @Override
  protected String configPrefix() {
    return "gcs";
  }

  @Override
  protected String listPath() {
    return "/storage/v1/b/" + CONTAINER + "/o";
  }

  @Override
  protected String downloadPath(String key) {
    return ".*/b/" + CONTAINER + "/o/" + key.replace("/", "%2F").replace(".", "\\.");
  }

  @Override
  protected String errorBody(int status) {
    return "{\"error\":{\"code\":" + status + ",\"message\":\"injected\"}}";
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
    server.clearLog();
  }

  @Override
  protected WritableConnector writableConnector(ConnectorConfig config) {
    return (WritableConnector) new GcsConnectorProvider().create(config);
  }

  @Override
  protected String uploadPath(String key) {
    return "/upload/storage/v1/b/" + CONTAINER + "/o";
  }

  @Override
  protected String uploadMethod() {
    return "POST";
  }
}
