package ai.llmd.prism.benchmarks;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * End-to-end load of a Prism archive repeated to a target size, through {@link Prism#load}: the
 * throughput (file bytes per second, sniffing, reading and normalizing included) and the heap each
 * retained point costs (used heap after a full GC with the result held, minus before, over the
 * points). Run it with a small heap to prove the load fits:
 *
 * <pre>
 * java -Xmx300m -cp prism-benchmarks/target/benchmarks.jar ai.llmd.prism.benchmarks.LoadHarness \
 *     ../shared/fixtures/prism/llm-d-benchmarks.json 150 1
 * </pre>
 *
 * Arguments: the archive (a JSON array), the size of each repeated file in MB, how many such files
 * to load at once (a directory of them), and optionally how many times to load.
 */
public final class LoadHarness {

  private LoadHarness() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: LoadHarness ARCHIVE.json MB-PER-FILE FILES [RUNS]");
      System.exit(2);
    }
    Path archive = Path.of(args[0]);
    long target = Long.parseLong(args[1]) << 20;
    int files = Integer.parseInt(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path dir = Files.createTempDirectory("prism-load-harness");
    try {
      long bytes = 0;
      for (int i = 0; i < files; i++) {
        bytes += repeat(archive, dir.resolve("llm-d-benchmarks-" + i + ".json"), target);
      }
      for (int run = 1; run <= runs; run++) {
        measure(dir, bytes, run);
      }
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static void measure(Path dir, long bytes, int run) {
    Prism prism = Prism.create();
    // the whole of every file: the per-load limit is what a million points would meet otherwise
    prism = prism.withOptions(prism.options().withMaxPointsPerLoad(Integer.MAX_VALUE));
    long before = usedAfterGc();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    LoadResult r = prism.load(dir);
    double seconds = (System.nanoTime() - t0) / 1e9;
    // CPU time too: on a shared machine the wall clock measures the neighbours as well
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    long after = usedAfterGc();
    int points = r.points().size();
    System.out.printf(
        Locale.ROOT,
        "run %d: %d bytes, %d points, %d problems in %.2f s = %.1f MB/s (%.2f CPU s, all threads"
            + " and GC = %.1f MB per CPU s); retained %.0f bytes/point (heap %d -> %d MB, max %d"
            + " MB)%n",
        run,
        bytes,
        points,
        r.problems().size(),
        seconds,
        bytes / 1e6 / seconds,
        cpuSeconds,
        bytes / 1e6 / cpuSeconds,
        (after - before) / (double) Math.max(1, points),
        before >> 20,
        after >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    if (points == 0 || !r.problems().isEmpty()) {
      r.problems().stream().limit(5).forEach(p -> System.out.println("  " + p));
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The archive's array elements, written again and again into one array until {@code target}. */
  private static long repeat(Path archive, Path out, long target) throws IOException {
    String text = Files.readString(archive, StandardCharsets.UTF_8).strip();
    if (!text.startsWith("[") || !text.endsWith("]")) {
      throw new IOException(archive + " is not a JSON array");
    }
    byte[] body = text.substring(1, text.length() - 1).strip().getBytes(StandardCharsets.UTF_8);
    long written = 0;
    try (OutputStream o = Files.newOutputStream(out)) {
      o.write('[');
      written++;
      boolean first = true;
      while (written < target) {
        if (!first) {
          o.write(',');
          written++;
        }
        o.write(body);
        written += body.length;
        first = false;
      }
      o.write(']');
      written++;
    }
    return written;
  }
}
