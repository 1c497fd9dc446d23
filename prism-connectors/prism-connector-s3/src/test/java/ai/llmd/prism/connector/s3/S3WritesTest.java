package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.publish.Publisher;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.WritableConnector;
import ai.llmd.prism.testkit.WritableConnectorContract;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writing to S3 (s3proxy in this JVM, which honours both conditions): create-only is {@code
 * If-None-Match: *}, compare and swap is {@code If-Match: <ETag read>}; and two publishers filling
 * one store at once, whose index ends up with every entry of both.
 */
class S3WritesTest extends WritableConnectorContract {

  private static final AtomicInteger ROOTS = new AtomicInteger();
  private static LocalS3 server;

  @BeforeAll
  static void start() throws Exception {
    server = LocalS3.start();
    server.createBucket("store");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected WritableConnector connector() {
    return (WritableConnector) new S3ConnectorProvider().create(server.config());
  }

  @Override
  protected URI freshRoot(String name) {
    return URI.create("s3://store/" + name + "-" + ROOTS.incrementAndGet() + "/");
  }

  @Test
  void twoConcurrentPublishersLoseNoEntry() throws Exception {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    LoadResult a = Prism.create().load(examples.resolve("llm-d").toString());
    LoadResult b = Prism.create().load(examples.resolve("releases").toString());
    URI root = freshRoot("published");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (WritableConnector s3a = connector();
        WritableConnector s3b = connector()) {
      Future<Publisher.Result> fa = pool.submit(() -> Publisher.to(s3a, root).publish(a.points()));
      Future<Publisher.Result> fb = pool.submit(() -> Publisher.to(s3b, root).publish(b.points()));
      // a report whose PUT answer was lost is found by the SDK's retry: "already there"
      Publisher.Result ra = fa.get();
      Publisher.Result rb = fb.get();
      assertThat(ra.written() + ra.alreadyPresent()).isEqualTo(a.points().size());
      assertThat(rb.written() + rb.alreadyPresent()).isEqualTo(b.points().size());

      Publisher.Index index = Publisher.readIndex(s3a, root).orElseThrow();
      assertThat(index.problems()).isEmpty();
      assertThat(index.entries()).hasSize(a.points().size() + b.points().size());
      LoadResult back =
          Prism.create()
              .withOptions(Prism.create().options().withConnectorConfig(server.config()))
              .load(index.objects().stream().map(URI::toString).toArray(String[]::new));
      assertThat(back.problems()).noneMatch(p -> p.severity() == Problem.Severity.ERROR);
      assertThat(back.points()).hasSize(index.entries().size());
    } finally {
      pool.shutdown();
    }
  }
}
