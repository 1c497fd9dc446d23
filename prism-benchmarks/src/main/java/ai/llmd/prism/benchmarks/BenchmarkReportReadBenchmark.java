package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.formats.BenchmarkReportReader;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bytes in to points out for one BR v0.2 JSON report held in memory, against the ceiling of a bare
 * Jackson {@code nextToken()} loop over the same bytes. The {@code bytes} counter is the figure to
 * compare (bytes/s). {@code realistic} (~11 KB) has what a real report carries: a P/D stack with
 * native args, an inference-perf config, 14-statistic blocks for every latency and throughput, and
 * observability; {@code timeseries} (~300 KB) adds 2,000 time-series samples per series, the way a
 * long run's report grows. The reader skips time series while building its tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BenchmarkReportReadBenchmark {

  @Param({"realistic", "timeseries"})
  public String shape;

  private byte[] json;
  private SourceFile file;
  private final BenchmarkReportReader reader = new BenchmarkReportReader();
  private final JsonFactory factory = new JsonFactory();

  /** Bytes consumed, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void generate() throws IOException {
    json = report(shape.equals("timeseries") ? 2000 : 2);
    file = new InMemory(json);
  }

  @Benchmark
  public void reader(Bytes counter, Blackhole bh) throws IOException {
    reader.read(
        file,
        new ReadSink() {
          @Override
          public void point(BenchmarkPoint point) {
            bh.consume(point);
          }

          @Override
          public void problem(Problem problem) {
            throw new IllegalStateException("the generated report is valid: " + problem);
          }
        });
    counter.bytes += json.length;
  }

  @Benchmark
  public void jacksonTokens(Bytes counter, Blackhole bh) throws IOException {
    bh.consume(ReadBenchmarks.jacksonTokens(factory, json));
    counter.bytes += json.length;
  }

  /** The report as the reader sees a file; reading it costs nothing. */
  private record InMemory(byte[] content) implements SourceFile {
    @Override
    public URI uri() {
      return URI.create("mem:br.json");
    }

    @Override
    public String name() {
      return "br.json";
    }

    @Override
    public byte[] bytes() {
      return content;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public Optional<SourceFile> sibling(String fileName) {
      return Optional.empty();
    }
  }

  /** A valid BR v0.2 report shaped like upstream's example, with {@code samples} per series. */
  static byte[] report(int samples) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("version", "0.2");
    ObjectNode run = root.putObject("run");
    run.put("uid", "38b1f169ca178b756f7483523b17de61");
    run.put("eid", "d9c5a5ddce6c2f885a9f8e6a6a6db0fb");
    run.put("description", "generated for a benchmark");
    run.putObject("time").put("duration", "PT49.97206788184121S");

    ObjectNode scenario = root.putObject("scenario");
    ArrayNode stack = scenario.putArray("stack");
    for (String role : new String[] {"prefill", "decode"}) {
      ObjectNode c = stack.addObject();
      c.putObject("metadata").put("label", "vllm-" + role).put("cfg_id", "cc73fc6b51a1d3b8");
      ObjectNode std = c.putObject("standardized");
      std.put("kind", "inference_engine").put("tool", "vllm").put("tool_version", "0.11.0");
      std.put("role", role).put("replicas", 2);
      std.putObject("model").put("name", "Qwen/Qwen3-0.6B");
      ObjectNode acc = std.putObject("accelerator");
      acc.put("model", "NVIDIA-H100-80GB-HBM3").put("count", 8);
      acc.putObject("parallelism").put("tp", 8).put("dp", 1).put("pp", 1).put("ep", 1);
      ObjectNode args = c.putObject("native").putObject("args");
      for (int i = 0; i < 40; i++) {
        args.put("--option-number-" + i, "value-" + i);
      }
    }
    ObjectNode load = scenario.putObject("load");
    ObjectNode ls = load.putObject("standardized");
    ls.put("tool", "inference-perf").put("tool_version", "0.3.0").put("source", "random");
    ls.put("stage", 3).put("rate_qps", 10.0);
    ls.putObject("input_seq_len").put("distribution", "fixed").put("value", 2148);
    ls.putObject("output_seq_len").put("distribution", "fixed").put("value", 1000);
    ObjectNode config = load.putObject("native").putObject("config");
    for (int i = 0; i < 60; i++) {
      config.putObject("section" + i).put("key", "value " + i).put("number", i * 1.5);
    }

    ObjectNode results = root.putObject("results");
    ObjectNode perf = results.putObject("request_performance");
    ObjectNode agg = perf.putObject("aggregate");
    ObjectNode req = agg.putObject("requests").put("total", 500).put("failures", 0);
    stats(req.putObject("input_length"), "count", 2262.448);
    stats(req.putObject("output_length"), "count", 1000.0);
    ObjectNode lat = agg.putObject("latency");
    for (String k :
        new String[] {
          "time_to_first_token",
          "normalized_time_per_output_token",
          "time_per_output_token",
          "inter_token_latency",
          "request_latency"
        }) {
      stats(lat.putObject(k), k.contains("token") && !k.contains("first") ? "s/token" : "s", 0.04);
    }
    ObjectNode tp = agg.putObject("throughput");
    for (String k : new String[] {"input_token_rate", "output_token_rate", "total_token_rate"}) {
      stats(tp.putObject(k), "tokens/s", 2262.448);
    }
    stats(tp.putObject("request_rate"), "queries/s", 9.8);
    ObjectNode ts = perf.putObject("time_series").putObject("latency");
    for (String k : new String[] {"time_to_first_token", "inter_token_latency"}) {
      ObjectNode series = ts.putObject(k).put("units", "s");
      ArrayNode points = series.putArray("series");
      for (int i = 0; i < samples; i++) {
        points
            .addObject()
            .put("ts", "2025-11-05T18:" + (i / 60 % 60) + ":" + (i % 60) + "Z")
            .put("mean", 0.0368 + i * 1e-6)
            .put("p90", 0.0426)
            .put("p99", 0.0503);
      }
    }
    ObjectNode obs = results.putObject("observability");
    ObjectNode comp = obs.putArray("components").addObject().put("component_label", "vllm-decode");
    ObjectNode ca = comp.putObject("aggregate");
    stats(ca.putObject("kv_cache_usage"), "percent", 42.5);
    stats(ca.putObject("gpu_utilization"), "percent", 76.0);
    return m.writeValueAsBytes(root);
  }

  private static void stats(ObjectNode s, String units, double mean) {
    s.put("units", units).put("mean", mean).put("stddev", mean / 10).put("min", mean / 2);
    String[] keys = {"p0p1", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "p99p9"};
    for (int i = 0; i < keys.length; i++) {
      s.put(keys[i], mean * (0.6 + i * 0.08));
    }
    s.put("max", mean * 2);
  }
}
