package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.SourceFiles;
import ai.llmd.prism.core.formats.PrismArchiveReader;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading Prism's archive JSON (rows shaped like {@code llm-d-benchmarks.json}, generated to about
 * 20 MB) with the {@code prism-archive} reader, against the ceiling of a bare Jackson {@code
 * nextToken()} loop over the same bytes. Bytes per second = ops/s × {@code bytes} printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrismArchiveReadBenchmark {

  private static final JsonFactory JSON = new JsonFactory();

  @Param({"20000000"})
  public int targetBytes;

  private byte[] content;
  private SourceFile file;
  private final PrismArchiveReader reader = new PrismArchiveReader();

  @Setup
  public void setUp() throws IOException {
    content = generate(targetBytes);
    file =
        SourceFiles.of(URI.create("mem:llm-d-benchmarks.json"), "llm-d-benchmarks.json", content);
    int[] counts = new int[2];
    reader.read(
        file,
        new ReadSink() {
          @Override
          public void point(BenchmarkPoint point) {
            counts[0]++;
          }

          @Override
          public void problem(Problem problem) {
            counts[1]++;
          }
        });
    System.out.println(
        "bytes=" + content.length + " points=" + counts[0] + " problems=" + counts[1]);
  }

  @Benchmark
  public int jacksonNextTokenCeiling() throws IOException {
    return ReadBenchmarks.jacksonTokens(JSON, content);
  }

  @Benchmark
  public void prismArchiveReader(Blackhole bh) throws IOException {
    reader.read(file, ReadBenchmarks.into(bh));
  }

  /** Rows of the same shape and number style as llm-d-benchmarks.json, until {@code target}. */
  static byte[] generate(int target) throws IOException {
    Random rnd = new Random(42);
    String[] configs = {
      "1 TP2", "2 TP4", "4 TP4", "8 TP2", "2: 1P-TP8 1D-TP8", "4: 1P-TP4 3D-TP4", "3: 2P-TP4 1D-TP8"
    };
    int[] chips = {2, 8, 16, 16, 16, 16, 16};
    ByteArrayOutputStream out = new ByteArrayOutputStream(target + 4096);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      int i = 0;
      while (true) {
        g.flush();
        if (out.size() >= target) {
          break;
        }
        int c = i % configs.length;
        boolean pd = configs[c].contains("P-");
        int conc = new int[] {1, 8, 32, 64, 128, 256}[i % 6];
        double rate = 0.03 + rnd.nextDouble() * 2.5;
        int isl = 9999;
        int osl = 1000;
        double ttft = 400 + rnd.nextDouble() * 2_000_000;
        double tpot = 12 + rnd.nextDouble() * 136;
        double e2e = ttft + tpot * (osl - 1);
        String id = "llmd-pd-disaggregation.setup_x_" + i + "-vllm-infqps-concurrency" + conc;
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("model", "Llama-3.1-70B");
        g.writeStringField("model_name", "Llama-3.1-70B");
        g.writeStringField("hardware", "H100");
        g.writeNumberField("accelerator_count", chips[c]);
        g.writeStringField("accelerator_type", "H100");
        g.writeStringField("timestamp", "20250923-201033");
        g.writeStringField("architecture", pd ? "disaggregated" : "aggregated");
        g.writeStringField("pd_ratio", pd ? "1:1" : "Aggregated");
        g.writeStringField("configuration", configs[c]);
        g.writeNumberField("prefill_node_count", pd ? 1 : 0);
        g.writeNumberField("decode_node_count", pd ? 1 : 0);
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("throughput", rate * (isl + osl));
        g.writeNumberField("request_rate", rate);
        g.writeObjectFieldStart("latency");
        g.writeNumberField("mean", e2e);
        g.writeNumberField("p50", e2e * 0.97);
        g.writeNumberField("p99", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("ttft");
        g.writeNumberField("mean", ttft);
        g.writeNumberField("p50", ttft * 0.6);
        g.writeEndObject();
        g.writeNumberField("tpot", tpot);
        g.writeNumberField("itl", tpot * 1.0000001);
        g.writeNumberField("e2e_latency", e2e);
        g.writeNumberField("time_per_output_token", tpot);
        g.writeNumberField("ttft_ms", ttft);
        g.writeNumberField("tpot_ms", tpot);
        g.writeNumberField("itl_ms", tpot * 1.0000001);
        g.writeNumberField("error_count", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("workload");
        g.writeNumberField("input_tokens", isl);
        g.writeNumberField("output_tokens", osl);
        g.writeNumberField("target_qps", rate);
        g.writeNumberField("concurrency", conc);
        g.writeEndObject();
        g.writeStringField("source", "llm-d-benchmark");
        g.writeObjectFieldStart("source_info");
        g.writeStringField("type", "local_file");
        g.writeStringField("origin", "llm-d:pd-disaggregation.setup_x_" + i);
        g.writeStringField("file_identifier", "vllm-infqps-concurrency" + conc + ".json");
        g.writeEndObject();
        g.writeObjectFieldStart("metadata");
        g.writeNumberField("tensor_parallelism", 8);
        g.writeStringField("configuration", configs[c]);
        g.writeStringField("model_name", "Llama-3.1-70B");
        g.writeStringField("hardware", "H100");
        g.writeStringField("precision", "Unknown");
        g.writeStringField("backend", "vllm");
        g.writeEndObject();
        g.writeStringField("filename", "vllm-infqps-concurrency" + conc + ".json");
        g.writeEndObject();
        i++;
      }
      g.writeEndArray();
    }
    return out.toByteArray();
  }
}
