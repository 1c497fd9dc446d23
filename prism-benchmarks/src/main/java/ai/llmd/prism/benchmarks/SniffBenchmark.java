package ai.llmd.prism.benchmarks;

import ai.llmd.prism.core.SourceFiles;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Format detection: every loaded file is sniffed once and its top-level members are shared by all
 * readers, so this is paid per file before any reader runs.
 *
 * <p>Run: {@code java -jar prism-benchmarks/target/benchmarks.jar SniffBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SniffBenchmark {

  @Param({"json", "yaml"})
  public String syntax;

  private byte[] content;

  @Setup
  public void generate() {
    // A report-shaped document of about 3 KB: a few scalars, then nested sections.
    StringBuilder sb = new StringBuilder();
    if (syntax.equals("json")) {
      sb.append("{\"version\": \"0.2\", \"run\": {\"uid\": \"abc\"}, \"scenario\": {\"stack\": [");
      for (int i = 0; i < 20; i++) {
        sb.append(i == 0 ? "" : ",")
            .append("{\"name\": \"c")
            .append(i)
            .append("\", \"replicas\": 2}");
      }
      sb.append("]}, \"results\": {\"request_performance\": {\"aggregate\": {");
      for (int i = 0; i < 40; i++) {
        sb.append(i == 0 ? "" : ",")
            .append("\"m")
            .append(i)
            .append("\": {\"mean\": 1.5, \"p99\": 3.5}");
      }
      sb.append("}}}}");
    } else {
      sb.append("version: '0.2'\nrun:\n  uid: abc\nscenario:\n  stack:\n");
      for (int i = 0; i < 20; i++) {
        sb.append("  - name: c").append(i).append("\n    replicas: 2\n");
      }
      sb.append("results:\n  request_performance:\n    aggregate:\n");
      for (int i = 0; i < 40; i++) {
        sb.append("      m").append(i).append(":\n        mean: 1.5\n        p99: 3.5\n");
      }
    }
    content = sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public int topLevelMembers() {
    return SourceFiles.sniff("report." + syntax, content).topLevel().size();
  }
}
