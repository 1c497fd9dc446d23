package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.publish.Publisher;
import ai.llmd.prism.core.publish.Stores;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.StoredObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * A load test, not a unit test: publishes N distinct points (default 2,500: the points of {@code
 * examples/}, each at N/|examples| different stage numbers) to an s3proxy in this JVM with {@link
 * Publisher}, then publishes them again, and prints reports per second for both and the size of the
 * index. Run from the repository root (build as in {@link S3LoadMain}):
 *
 * <pre>
 * java -cp "prism-benchmarks/target/test-classes:$(cat prism-benchmarks/target/test-cp.txt)" \
 *     ai.llmd.prism.benchmarks.S3PublishMain [points]
 * </pre>
 *
 * The server shares the JVM and the cores with the client; every report is one conditional PUT.
 */
public final class S3PublishMain {

  private S3PublishMain() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_500;
    LoadResult examples = Prism.create().load("examples");
    if (examples.points().isEmpty()) {
      throw new IllegalStateException("run from the repository root: no points in examples/");
    }
    List<BenchmarkPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BenchmarkPoint p = examples.points().get(i % examples.points().size());
      Workload w = p.workload().toBuilder().stage(i).build();
      points.add(
          new BenchmarkPoint(
              new Scenario(p.model(), p.deployment(), w),
              p.metrics(),
              p.costs(),
              p.labels(),
              p.provenance()));
    }
    Properties props = new Properties();
    props.setProperty("jclouds.identity", "ak");
    props.setProperty("jclouds.credential", "sk");
    BlobStore store = BlobStores.create("transient", props);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .stopTimeout(0)
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "ak", "sk")
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    try {
      store.createContainer(CreateBucketRequest.builder().bucket("results").build());
      ConnectorConfig config =
          ConnectorConfig.of(
              Map.of(
                  "s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                  "s3.region", "us-east-1",
                  "s3.accessKeyId", "ak",
                  "s3.secretAccessKey", "sk"));
      try (Stores.Store s3 =
          Stores.open("s3://results/published", Prism.create().plugins(), config)) {
        Publisher publisher = Publisher.to(s3.connector(), s3.root());
        for (String round : new String[] {"first publish", "publish again"}) {
          long t0 = System.nanoTime();
          Publisher.Result r = publisher.publish(points);
          double seconds = (System.nanoTime() - t0) / 1e9;
          System.out.printf(
              Locale.ROOT,
              "%s: %d points in %.1f s = %.0f reports/s (%d written, %d already there, %d index"
                  + " entries added, %d index write)%n",
              round,
              n,
              seconds,
              n / seconds,
              r.written(),
              r.alreadyPresent(),
              r.indexed(),
              r.indexAttempts());
        }
        StoredObject index =
            s3.connector().get(URI.create("s3://results/published/index.jsonl")).orElseThrow();
        long lines =
            new String(index.content(), java.nio.charset.StandardCharsets.UTF_8).lines().count();
        System.out.printf(
            Locale.ROOT,
            "index.jsonl: %d entries, %d bytes (%.0f bytes/entry)%n",
            lines,
            index.content().length,
            index.content().length / (double) lines);
      }
    } finally {
      proxy.stop();
    }
  }
}
