package ai.llmd.prism.benchmarks;

import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.SourceFiles;
import ai.llmd.prism.core.formats.InferencePerfReader;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading small (~3.4 KB) inference-perf stage reports from memory, in files per second on one
 * thread, against a bare Jackson token loop over the same bytes (the ceiling for any JSON reader).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InferencePerfReadBenchmark {

  private static final String[] DISTS = {
    "request_latency",
    "normalized_time_per_output_token",
    "time_per_output_token",
    "time_to_first_token",
    "inter_token_latency"
  };
  private static final String[] STATS = {
    "mean", "min", "p0.1", "p1", "p5", "p10", "p25", "median", "p75", "p90", "p95", "p99", "p99.9",
    "max"
  };

  private static final String CONFIG =
      "data:\n  type: shared_prefix\n  shared_prefix:\n    system_prompt_len: 128\n"
          + "    question_len: 64\n    output_len: 64\nload:\n  type: constant\n  stages:\n"
          + "    - {rate: 1.0, duration: 60}\n    - {rate: 2.0, duration: 60}\n"
          + "    - {rate: 3.0, duration: 60}\n    - {rate: 4.0, duration: 60}\n"
          + "server:\n  type: vllm\n  model_name: meta-llama/Llama-3.1-8B-Instruct\n";

  private final InferencePerfReader reader = new InferencePerfReader();
  private final JsonFactory factory = new JsonFactory();
  private byte[] stage;
  private SourceFile bare;
  private SourceFile withConfig;
  private Prism prism;

  /** A stage report shaped like the KubeCon NA 2025 demo's (Nov-2025 shape), with fixed values. */
  public static String stageReport() {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(4096);
    sb.append("{\"load_summary\": {\"count\": 5531, \"send_duration\": 59.97,")
        .append(" \"requested_rate\": 92.19, \"achieved_rate\": 92.22},")
        .append(" \"successes\": {\"count\": 5531, \"latency\": {");
    for (int d = 0; d < DISTS.length; d++) {
      sb.append(d == 0 ? "" : ", ").append('"').append(DISTS[d]).append("\": ");
      dist(sb, r, 0.001 + d * 0.01);
    }
    sb.append("}, \"throughput\": {\"input_tokens_per_sec\": 18834.9,")
        .append(" \"output_tokens_per_sec\": 5693.88, \"total_tokens_per_sec\": 24528.8,")
        .append(" \"requests_per_sec\": 92.3}, \"prompt_len\": ");
    dist(sb, r, 204);
    sb.append(", \"output_len\": ");
    dist(sb, r, 62);
    sb.append("}, \"failures\": {\"count\": 0, \"request_latency\": null, \"prompt_len\": null}}");
    return sb.toString();
  }

  private static void dist(StringBuilder sb, Random r, double scale) {
    sb.append('{');
    for (int s = 0; s < STATS.length; s++) {
      sb.append(s == 0 ? "" : ", ")
          .append('"')
          .append(STATS[s])
          .append("\": ")
          .append(String.format(Locale.ROOT, "%.17g", scale * (1 + r.nextDouble())));
    }
    sb.append('}');
  }

  @Setup
  public void setUp() {
    stage = stageReport().getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create("mem:/run/results/stage_3_lifecycle_metrics.json");
    bare = SourceFiles.of(uri, "results/stage_3_lifecycle_metrics.json", stage);
    SourceFile config =
        SourceFiles.of(
            URI.create("mem:/run/config.yaml"),
            "config.yaml",
            CONFIG.getBytes(StandardCharsets.UTF_8));
    withConfig =
        SourceFiles.of(
            uri, "results/stage_3_lifecycle_metrics.json", stage, Map.of("../config.yaml", config));
    prism = Prism.of(Plugins.builder().reader(reader).build(), LoadOptions.defaults());
  }

  /** The reader alone, no config to find. */
  @Benchmark
  public void readStage(Blackhole bh) throws IOException {
    reader.read(bare, ReadBenchmarks.into(bh));
  }

  /** The reader with a config.yaml one directory up (parsed once, then cached). */
  @Benchmark
  public void readStageWithConfig(Blackhole bh) throws IOException {
    reader.read(withConfig, ReadBenchmarks.into(bh));
  }

  /** The whole library path for pasted content: sniffing, choosing the reader, reading. */
  @Benchmark
  public Object prismRead() {
    return prism.read("stage_3_lifecycle_metrics.json", new ByteArrayInputStream(stage));
  }

  /** The ceiling: every token of the same bytes, nothing built. */
  @Benchmark
  public int jacksonTokens() throws IOException {
    return ReadBenchmarks.jacksonTokens(factory, stage);
  }
}
