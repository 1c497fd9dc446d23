package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Building one point as a reader does (a dozen metric values, most of them a single mean, seven
 * labels in a sorted map): the model's share of a load, without parsing. Scores are points per
 * second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelConstructionBenchmark {

  private final Scenario scenario =
      new Scenario(ModelRef.unresolved("Llama-3.1-70B"), Deployment.unknown(), Workload.unknown());
  private final Provenance provenance =
      new Provenance(URI.create("file:/llm-d-benchmarks.json"), "prism-archive", null, "/0");
  private double x = 1;

  @Benchmark
  public BenchmarkPoint point() {
    x = x * 1.0000001 + 1e-9; // values differ from call to call, as they do in a file
    Metrics.Builder m = Metrics.builder();
    m.put(MetricValue.measured(Metric.REQUEST_RATE, x));
    m.put(MetricValue.measured(Metric.TOTAL_THROUGHPUT, x * 11000));
    m.put(MetricValue.derived(Metric.OUTPUT_THROUGHPUT, Distribution.ofMean(x * 1000), "rule"));
    m.put(MetricValue.derived(Metric.INPUT_THROUGHPUT, Distribution.ofMean(x * 9999), "rule"));
    m.put(MetricValue.measured(Metric.TPOT, Distribution.ofMean(x + 40)));
    m.put(MetricValue.measured(Metric.ITL, Distribution.ofMean(x + 41)));
    m.put(meanAndMedian(Metric.TTFT, x + 600, x + 500));
    m.put(meanAndMedian(Metric.E2E_LATENCY, x + 9000, x + 8000));
    m.put(MetricValue.measured(Metric.REQUESTS_FAILED, 0));
    Map<String, String> labels = new TreeMap<>();
    labels.put("id", "llmd-pd-disaggregation.setup_x-vllm-infqps-concurrency128");
    labels.put("timestamp", "20250923-201033");
    labels.put("configuration", "4: 1P-TP4 3D-TP4");
    labels.put("pd_ratio", "1:3");
    labels.put("origin", "llm-d:pd-disaggregation.setup_x");
    labels.put("file", "vllm-infqps-concurrency128.json");
    labels.put("source", "llm-d-benchmark");
    return new BenchmarkPoint(scenario, m.build(), List.of(), labels, provenance);
  }

  private static MetricValue meanAndMedian(Metric metric, double mean, double p50) {
    return MetricValue.measured(
        metric, Distribution.builder().put(Statistic.MEAN, mean).put(Statistic.P50, p50).build());
  }
}
