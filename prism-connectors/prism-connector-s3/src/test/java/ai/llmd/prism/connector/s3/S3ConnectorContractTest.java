package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.SourceConnectorContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The S3 connector meets the connector contract, against s3proxy. */
class S3ConnectorContractTest extends SourceConnectorContract {

  private static final String BUCKET = "prism-contract";
  private static LocalS3 server;
  private static SourceConnector connector;

  @BeforeAll
  static void startServer() throws Exception {
    server = LocalS3.start();
    server.createBucket(BUCKET);
    connector = new S3ConnectorProvider().create(server.config());
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
    return URI.create("s3://" + BUCKET + "/" + name + "/");
  }

  @Override
  protected void put(URI root, String key, byte[] content) {
    // straight into the store: what is under test is the connector's reading, and an upload of the
    // 300 KB rule's object through the SDK's URLConnection client failed 4 attempts in one CI run
    server.putDirect(BUCKET, root.getPath().substring(1) + key, content);
  }

  @Override
  protected void putAll(URI root, Map<String, byte[]> objects) {
    objects.forEach((k, v) -> server.putDirect(BUCKET, root.getPath().substring(1) + k, v));
  }

  @Override
  protected int contentRequests(URI object) {
    return server.downloads(BUCKET, object.getPath().substring(1));
  }

  @Override
  protected URI missingContainerRoot() {
    return URI.create("s3://no-such-bucket-here/runs/");
  }
}
