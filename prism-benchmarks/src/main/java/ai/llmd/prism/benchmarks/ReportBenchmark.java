package ai.llmd.prism.benchmarks;

import ai.llmd.prism.cli.PrismCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code prism report DIR -o report.html} end to end, as the command line runs it (load, normalize,
 * analyse, draw, write), on a directory of small llm-d BR v0.2 YAML reports written in setup: five
 * configurations (1 to 5 replicas of 2 H100) at 2,000 load levels each. Single shot: the figure is
 * the wall time of one whole command, which is what a user waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ReportBenchmark {

  @Param({"10000"})
  public int files;

  private Path dir;
  private Path out;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    String template;
    try (InputStream in = ReportBenchmark.class.getResourceAsStream("br-v0.2-template.yaml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    dir = Files.createTempDirectory("prism-report-bench");
    Path data = Files.createDirectory(dir.resolve("data"));
    for (int r = 1; r <= 5; r++) {
      Files.createDirectory(data.resolve("r" + r));
    }
    for (int i = 0; i < files; i++) {
      int replicas = 1 + i % 5;
      int concurrency = 1 + i / 5;
      // consistent by construction: ISL 2000, OSL 500, so input = 4 × output, requests = output /
      // 500
      double out = replicas * (600.0 * (1 - Math.exp(-concurrency / 200.0 / replicas)) + 1);
      String yaml =
          template
              .replace("{UID}", String.format(Locale.ROOT, "%032x", i))
              .replace("{REPLICAS}", Integer.toString(replicas))
              .replace("{CONCURRENCY}", Integer.toString(concurrency))
              .replace("{OUT}", String.format(Locale.ROOT, "%.3f", out))
              .replace("{IN}", String.format(Locale.ROOT, "%.3f", 4 * out))
              .replace("{TOTAL}", String.format(Locale.ROOT, "%.3f", 5 * out))
              .replace("{RPS}", String.format(Locale.ROOT, "%.5f", out / 500))
              .replace(
                  "{TPOT}",
                  String.format(Locale.ROOT, "%.3f", 18 + concurrency / (20.0 * replicas)));
      Files.writeString(
          data.resolve(String.format(Locale.ROOT, "r%d/c%05d.yaml", replicas, concurrency)),
          yaml,
          StandardCharsets.UTF_8);
    }
    out = dir.resolve("report.html");
  }

  @Benchmark
  public long report() throws IOException {
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            new String[] {"report", dir.resolve("data").toString(), "-o", out.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    if (code != 0) {
      throw new IllegalStateException("prism report failed (" + code + "): " + err);
    }
    return Files.size(out);
  }

  /** The report the last {@link #report()} wrote. */
  Path output() {
    return out;
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
