package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Pareto;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Analysis hot paths: a 2-D frontier of 1,000,000 points (target ≤ 150 ms), a 3-D frontier of
 * 100,000 points (≤ 500 ms) and facet counts over 100,000 points with 16 facets after a filter
 * change (≤ 50 ms).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class AnalysisBenchmark {

  private double[][] cols2d;
  private double[][] cols3d;
  private double[][] cols2dAllOnFrontier;
  private Catalog catalog;
  private int flip;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    int n2 = 1_000_000;
    cols2d = new double[2][n2];
    for (int i = 0; i < n2; i++) {
      cols2d[0][i] = 5 + r.nextDouble() * 200; // TPOT, ms/token
      cols2d[1][i] = r.nextDouble() * 5000; // tokens/s per chip
    }
    // worst case: every point trades off against every other, so nothing can be pruned
    cols2dAllOnFrontier = new double[2][n2];
    for (int i = 0; i < n2; i++) {
      double t = r.nextDouble();
      cols2dAllOnFrontier[0][i] = 5 + t * 200;
      cols2dAllOnFrontier[1][i] = t * 5000;
    }
    int n3 = 100_000;
    cols3d = new double[3][n3];
    for (int i = 0; i < n3; i++) {
      cols3d[0][i] = r.nextDouble() * 200;
      cols3d[1][i] = r.nextDouble() * 5000;
      cols3d[2][i] = r.nextDouble() * 10_000;
    }
    catalog = Catalog.of(points(r, 100_000), facets());
  }

  private static List<Facet> facets() {
    List<Facet> f = new ArrayList<>(Facet.BUILT_IN);
    f.add(Facet.label("release"));
    f.add(Facet.label("dataset"));
    f.add(Facet.label("region"));
    assert f.size() == 16;
    return f;
  }

  /** 5,000 configurations × 20 load levels, varied across every facet. */
  private static List<BenchmarkPoint> points(Random r, int n) {
    String[] models = {"llama-3.1-8b", "llama-3.1-70b", "qwen3-32b", "gpt-oss-120b", "deepseek-r1"};
    String[] precisions = {"FP8", "BF16", "FP4", "INT8"};
    String[] accs = {"H100", "H200", "B200", "MI300X", "TPU v6e", "L40S", "A100"};
    String[] engines = {"vLLM", "SGLang", "TensorRT-LLM"};
    String[] stacks = {"llm-d", "GKE Inference Gateway", "none"};
    String[] harnesses = {"inference-perf", "guidellm", "vllm-bench"};
    String[] formats = {"llmd-br", "guidellm", "inference-perf", "perfdash-csv"};
    int[] tps = {1, 2, 4, 8};
    double[] lengths = {128, 1000, 2048, 8000, 16000};
    List<BenchmarkPoint> out = new ArrayList<>(n);
    int loads = 20;
    for (int c = 0; out.size() < n; c++) {
      int tp = tps[r.nextInt(tps.length)];
      List<Role> roles;
      if (r.nextBoolean()) {
        roles = List.of(new Role(Role.Kind.AGGREGATED, 1 + r.nextInt(4), tp, null, null, null, tp));
      } else {
        roles =
            List.of(
                new Role(Role.Kind.PREFILL, 1 + r.nextInt(3), tp, null, null, null, tp),
                new Role(Role.Kind.DECODE, 1 + r.nextInt(3), tp, null, null, null, tp));
      }
      Deployment d =
          new Deployment(
              AcceleratorRef.unresolved(accs[r.nextInt(accs.length)]),
              null,
              engines[r.nextInt(engines.length)],
              "0." + r.nextInt(12),
              stacks[r.nextInt(stacks.length)],
              List.of(),
              roles,
              null);
      ModelRef m =
          new ModelRef(
              "m",
              models[r.nextInt(models.length)],
              null,
              null,
              null,
              precisions[r.nextInt(precisions.length)],
              false);
      Distribution isl = Distribution.ofMean(lengths[r.nextInt(lengths.length)]);
      Distribution osl = Distribution.ofMean(lengths[r.nextInt(lengths.length)]);
      String harness = harnesses[r.nextInt(harnesses.length)];
      String format = formats[r.nextInt(formats.length)];
      Map<String, String> labels =
          Map.of(
              "release", "r" + r.nextInt(10),
              "dataset", "d" + r.nextInt(6),
              "region", "region-" + r.nextInt(5),
              "config", Integer.toString(c));
      URI uri = URI.create("bench:config-" + c);
      for (int l = 0; l < loads && out.size() < n; l++) {
        Workload w =
            new Workload(
                isl, osl, null, harness, null, null, (double) (1 << (l % 10)) * (1 + l / 10), null);
        Metrics metrics =
            Metrics.builder()
                .put(
                    MetricValue.measured(
                        Metric.OUTPUT_THROUGHPUT, Distribution.ofMean(r.nextDouble() * 1e4)))
                .build();
        out.add(
            new BenchmarkPoint(
                new Scenario(m, d, w),
                metrics,
                List.of(),
                labels,
                new Provenance(uri, format, null, "/" + l)));
      }
    }
    return out;
  }

  @Benchmark
  public int[] pareto2dOfOneMillionPoints() {
    return Pareto.frontierIndices(cols2d, Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER);
  }

  @Benchmark
  public int[] pareto2dOfOneMillionPointsAllOnTheFrontier() {
    return Pareto.frontierIndices(
        cols2dAllOnFrontier, Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER);
  }

  @Benchmark
  public int[] pareto3dOfOneHundredThousandPoints() {
    return Pareto.frontierIndices(
        cols3d, Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER);
  }

  @Benchmark
  public Object facetCountsOf100kPointsAfterAFilterChange() {
    flip ^= 1;
    Catalog.Selection s =
        catalog
            .where(Facet.ACCELERATOR, flip == 0 ? "H100" : "B200")
            .where(Facet.ENGINE, "vLLM", "SGLang")
            .where(Facet.label("release"), "r1", "r2", "r3");
    return s.counts();
  }
}
