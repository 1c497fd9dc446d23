package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.publish.Publisher;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import ai.llmd.prism.testkit.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writing to S3 (s3proxy in this JVM): create-only with {@code If-None-Match: *}, compare and swap
 * with {@code If-Match}, and two publishers updating one index at once without losing an entry.
 */
class S3WritesTest {

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

  private static WritableConnector connector() {
    return (WritableConnector) new S3ConnectorProvider().create(server.config());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void createOnlyRefusesAnExistingObject() throws Exception {
    try (WritableConnector s3 = connector()) {
      URI o = URI.create("s3://store/create/a.txt");
      String token = s3.put(o, bytes("one"), Precondition.absent());

      assertThat(token).isNotBlank();
      assertThatThrownBy(() -> s3.put(o, bytes("two"), Precondition.absent()))
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("already exists");
      assertThat(new String(s3.get(o).orElseThrow().content(), StandardCharsets.UTF_8))
          .isEqualTo("one");
    }
  }

  @Test
  void compareAndSwapHoldsOnlyForTheTokenThatWasRead() throws Exception {
    try (WritableConnector s3 = connector()) {
      URI o = URI.create("s3://store/cas/index.jsonl");
      s3.put(o, bytes("a\n"), Precondition.absent());
      StoredObject read = s3.get(o).orElseThrow();

      String next = s3.put(o, bytes("a\nb\n"), Precondition.matching(read.changeToken()));

      assertThat(next).isNotEqualTo(read.changeToken());
      assertThatThrownBy(
              () -> s3.put(o, bytes("a\nc\n"), Precondition.matching(read.changeToken())))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(new String(s3.get(o).orElseThrow().content(), StandardCharsets.UTF_8))
          .isEqualTo("a\nb\n");
      assertThat(s3.get(URI.create("s3://store/cas/none"))).isEmpty();
    }
  }

  @Test
  void twoConcurrentPublishersLoseNoEntry() throws Exception {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    LoadResult a = Prism.create().load(examples.resolve("llm-d").toString());
    LoadResult b = Prism.create().load(examples.resolve("releases").toString());
    URI root = URI.create("s3://store/published");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (WritableConnector s3a = connector();
        WritableConnector s3b = connector()) {
      Callable<Publisher.Result> pa = () -> Publisher.to(s3a, root).publish(a.points());
      Callable<Publisher.Result> pb = () -> Publisher.to(s3b, root).publish(b.points());
      Future<Publisher.Result> fa = pool.submit(pa);
      Future<Publisher.Result> fb = pool.submit(pb);
      assertThat(fa.get().written()).isEqualTo(a.points().size());
      assertThat(fb.get().written()).isEqualTo(b.points().size());

      Publisher.Index index = Publisher.readIndex(s3a, root).orElseThrow();
      assertThat(index.problems()).isEmpty();
      assertThat(index.entries()).hasSize(a.points().size() + b.points().size());

      LoadResult back =
          Prism.create()
              .withOptions(Prism.create().options().withConnectorConfig(server.config()))
              .load(index.objects().stream().map(URI::toString).toArray(String[]::new));
      assertThat(back.problems())
          .noneMatch(p -> p.severity() == ai.llmd.prism.api.Problem.Severity.ERROR);
      assertThat(back.points()).hasSize(index.entries().size());
      List<String> models =
          back.points().stream().map(BenchmarkPoint::model).map(m -> m.id()).toList();
      assertThat(models).isNotEmpty();
    } finally {
      pool.shutdown();
    }
  }
}
