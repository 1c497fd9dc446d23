package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.testkit.FakeDriveServer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A load test, not a unit test: lists (25 nested folders, 1,000 files a page) and reads N small
 * files (default 2,500) from {@link FakeDriveServer} in this JVM through {@link Prism#load} and the
 * official Drive client, with the default number of threads and with one, and prints objects per
 * second (median of the measured rounds). Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl prism-benchmarks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp "prism-benchmarks/target/test-classes:$(cat prism-benchmarks/target/test-cp.txt)" \
 *     ai.llmd.prism.benchmarks.GdriveLoadMain [files] [rounds]
 * </pre>
 *
 * The fake shares the JVM and the cores with the client, so the figures are a lower bound and
 * useful only compared with each other.
 */
public final class GdriveLoadMain {

  private static final int WARM_UP_ROUNDS = 2;

  private GdriveLoadMain() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 2_500;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (FakeDriveServer drive = FakeDriveServer.start()) {
      drive.folder("load", "load", null);
      for (int i = 0; i < files; i++) {
        drive.put(
            "load",
            String.format("runs/%02d/r-%06d.json", i % 25, i),
            ("{\"loadProbe\": 1, \"model\": \"m" + (i % 7) + "\", \"tps\": " + i + "}")
                .getBytes(StandardCharsets.UTF_8));
      }
      ConnectorConfig config =
          ConnectorConfig.of(Map.of("gdrive.rootUrl", drive.rootUrl(), "gdrive.anonymous", "true"));
      Plugins plugins =
          Plugins.builder().discover().reader(new S3LoadMain.LoadProbeReader()).build();
      LoadOptions defaults = LoadOptions.defaults().withConnectorConfig(config);
      System.out.printf(
          Locale.ROOT,
          "%d files, %d cores, default threads %d, JDK %s%n",
          files,
          Runtime.getRuntime().availableProcessors(),
          defaults.threads(),
          Runtime.version());
      int[] settings = {defaults.threads(), 1};
      S3LoadMain.measure(plugins, defaults, settings, rounds, WARM_UP_ROUNDS, p -> run(p, files));
    }
  }

  private static double run(Prism prism, int files) {
    long t0 = System.nanoTime();
    LoadResult result = prism.load("gdrive://folder/load");
    long t1 = System.nanoTime();
    if (result.points().size() != files
        || result.problems().stream().anyMatch(p -> p.severity() != Problem.Severity.INFO)) {
      throw new IllegalStateException(
          result.points().size()
              + " points, problems: "
              + result.problems().subList(0, Math.min(5, result.problems().size())));
    }
    return files / ((t1 - t0) / 1e9);
  }
}
