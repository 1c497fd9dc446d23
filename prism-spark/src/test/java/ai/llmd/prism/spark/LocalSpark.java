package ai.llmd.prism.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One Spark {@code local[2]} session for every test in the JVM, bound to loopback only. */
final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("prism-spark-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "4")
              .config(
                  "spark.sql.warehouse.dir",
                  Path.of(System.getProperty("java.io.tmpdir"), "prism-spark-warehouse").toString())
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
