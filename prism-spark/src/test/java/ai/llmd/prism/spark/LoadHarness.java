package ai.llmd.prism.spark;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times one load of a directory, for docs/spark.md: {@code LoadHarness single <dir>} through {@code
 * Prism.load}, {@code LoadHarness spark <dir>} through the data source on Spark {@code local[2]}
 * (every row materialised and counted). Run it under {@code /usr/bin/time -v} for peak memory.
 */
final class LoadHarness {

  private LoadHarness() {}

  public static void main(String[] args) {
    String mode = args[0];
    String dir = args[1];
    int cores = Runtime.getRuntime().availableProcessors();
    long points;
    long problems;
    long start;
    double seconds;
    if (mode.equals("single")) {
      start = System.nanoTime();
      LoadResult r = Prism.create().load(dir);
      points = r.points().size();
      problems = r.problems().size();
      seconds = (System.nanoTime() - start) / 1e9;
    } else {
      SparkSession spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("prism-load-harness")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      cores = 2;
      start = System.nanoTime();
      Dataset<Row> df = spark.read().format("prism").load(dir);
      // the data source does not prune columns, so counting builds every row in full
      points = df.count();
      seconds = (System.nanoTime() - start) / 1e9;
      // counted after the clock stops: a second pass over the files
      problems = spark.read().format("prism").option("problems", "only").load(dir).count();
      spark.stop();
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d points in %.1f s wall (%d problems); %.0f points/s; %.0f points/s per core (%d cores)%n",
        mode,
        points,
        seconds,
        problems,
        points / seconds,
        points / seconds / cores,
        cores);
  }
}
