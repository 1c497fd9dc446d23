package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.WritableConnector;
import ai.llmd.prism.testkit.FakeGcsServer;
import ai.llmd.prism.testkit.WritableConnectorContract;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Writing to GCS through the real client against the fake JSON API: create-only is {@code
 * ifGenerationMatch=0}, compare and swap is {@code ifGenerationMatch=<generation read>}.
 */
class GcsWritesTest extends WritableConnectorContract {

  private static final AtomicInteger ROOTS = new AtomicInteger();
  private static FakeGcsServer server;

  @BeforeAll
  static void start() {
    server = FakeGcsServer.start();
    server.createBucket("store");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected WritableConnector connector() {
    return (WritableConnector)
        new GcsConnectorProvider().create(GcsConnectorContractTest.config(server));
  }

  @Override
  protected URI freshRoot(String name) {
    return URI.create("gs://store/" + name + "-" + ROOTS.incrementAndGet() + "/");
  }
}
