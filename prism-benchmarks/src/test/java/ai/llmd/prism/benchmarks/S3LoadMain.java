package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A load test, not a unit test: lists and reads N small objects (default 10,000) from an s3proxy in
 * this JVM through {@link Prism#load}, with the default number of threads and with one, and prints
 * objects per second (median of the measured rounds). Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl prism-benchmarks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp "prism-benchmarks/target/test-classes:$(cat prism-benchmarks/target/test-cp.txt)" \
 *     ai.llmd.prism.benchmarks.S3LoadMain [objects] [rounds] [threads,threads,…]
 * </pre>
 *
 * The server shares the JVM and the cores with the client, so the figures are a lower bound for a
 * real store, and useful only compared with each other.
 */
public final class S3LoadMain {

  private static final int WARM_UP_ROUNDS = 4;

  private S3LoadMain() {}

  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Properties p = new Properties();
    p.setProperty("jclouds.identity", "ak");
    p.setProperty("jclouds.credential", "sk");
    BlobStore store = BlobStores.create("transient", p);
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
      store.createContainer(CreateBucketRequest.builder().bucket("load").build());
      for (int i = 0; i < objects; i++) {
        byte[] b =
            ("{\"loadProbe\": 1, \"model\": \"m" + (i % 7) + "\", \"tps\": " + i + "}")
                .getBytes(StandardCharsets.UTF_8);
        store.putBlob(
            PutObjectRequest.builder()
                .bucket("load")
                .key(String.format("runs/%03d/r-%06d.json", i % 100, i))
                .contentLength((long) b.length)
                .build(),
            new ByteArrayInputStream(b));
      }
      ConnectorConfig config =
          ConnectorConfig.of(
              Map.of(
                  "s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                  "s3.region", "us-east-1",
                  "s3.accessKeyId", "ak",
                  "s3.secretAccessKey", "sk"));
      Plugins plugins = Plugins.builder().discover().reader(new LoadProbeReader()).build();
      LoadOptions defaults = LoadOptions.defaults().withConnectorConfig(config);
      System.out.printf(
          Locale.ROOT,
          "%d objects, %d cores, default threads %d, JDK %s%n",
          objects,
          Runtime.getRuntime().availableProcessors(),
          defaults.threads(),
          Runtime.version());
      int[] settings =
          args.length > 2
              ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
              : new int[] {defaults.threads(), 1};
      measure(plugins, defaults, settings, rounds, WARM_UP_ROUNDS, prism -> run(prism, objects));
    } finally {
      proxy.stop();
    }
  }

  /**
   * Loads with each thread setting, warm-up rounds first, then the measured rounds interleaved (so
   * that drift in a shared machine's load hits every setting alike), and prints the median rate.
   */
  static void measure(
      Plugins plugins,
      LoadOptions defaults,
      int[] settings,
      int rounds,
      int warmUps,
      ToDoubleFunction<Prism> run) {
    Prism[] prisms = new Prism[settings.length];
    double[][] rates = new double[settings.length][rounds];
    for (int k = 0; k < settings.length; k++) {
      prisms[k] = Prism.of(plugins, defaults.withThreads(settings[k]));
    }
    for (int w = 0; w < warmUps; w++) {
      run.applyAsDouble(prisms[w % prisms.length]);
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < settings.length; k++) {
        rates[k][r] = run.applyAsDouble(prisms[k]);
      }
    }
    for (int k = 0; k < settings.length; k++) {
      double[] x = rates[k];
      Arrays.sort(x);
      System.out.printf(
          Locale.ROOT,
          "threads=%d: median %.0f objects/s (min %.0f, max %.0f, %d rounds)%n",
          settings[k],
          x[rounds / 2],
          x[0],
          x[rounds - 1],
          rounds);
    }
  }

  private static double run(Prism prism, int objects) {
    long t0 = System.nanoTime();
    LoadResult result = prism.load("s3://load/runs/");
    long t1 = System.nanoTime();
    if (result.points().size() != objects || !result.problems().isEmpty()) {
      throw new IllegalStateException(
          result.points().size() + " points, problems: " + first(result));
    }
    return objects / ((t1 - t0) / 1e9);
  }

  private static List<String> first(LoadResult r) {
    List<String> out = new ArrayList<>();
    r.problems().stream().limit(5).forEach(p -> out.add(p.toString()));
    return out;
  }

  /** Reads the load test's objects: one point each. */
  static final class LoadProbeReader implements FormatReader {
    @Override
    public String id() {
      return "load-probe";
    }

    @Override
    public String description() {
      return "objects of the S3 load test";
    }

    @Override
    public Detection detect(Sniff sniff) {
      return sniff.topLevel().containsKey("loadProbe") ? Detection.CERTAIN : Detection.NO;
    }

    @Override
    public void read(SourceFile file, ReadSink sink) throws IOException {
      double tps = file.bytes().length;
      sink.point(
          new BenchmarkPoint(
              new Scenario(ModelRef.unresolved("m"), Deployment.unknown(), Workload.unknown()),
              Metrics.builder().put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, tps)).build(),
              new Provenance(file.uri(), id(), "1", "")));
    }
  }
}
