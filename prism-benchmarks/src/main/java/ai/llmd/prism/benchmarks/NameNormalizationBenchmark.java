package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.core.normalize.AcceleratorRegistry;
import ai.llmd.prism.core.normalize.ModelRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Resolving model and accelerator names through the (memoized) registries, on a mix shaped like a
 * real load: mostly a few spellings repeated, some rarer ones, a few unknown. Scores are names per
 * second on one thread. The {@code fresh} variants give every call a new String instance, as a
 * reader parsing a file does, so the String hash is computed each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class NameNormalizationBenchmark {

  static final int N = 1024;

  private static final String[] MODELS = {
    "Llama-3.1-70B",
    "Llama-3.1-70B",
    "Llama-3.1-70B",
    "Llama-3.1-70B",
    "meta-llama/Llama-3.1-70B-Instruct",
    "meta-llama/Llama-3.1-8B-Instruct",
    "Qwen/Qwen3-0.6B",
    "Qwen3-0.6B",
    "Qwen3-0.6B",
    "deepseek-ai/DeepSeek-R1-0528",
    "Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8",
    "openai/gpt-oss-120b",
    "RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic",
    "llama2-70b-99",
    "llama3.1-8b-datacenter",
    "mixtral-8x7b",
    "deepseek-r1",
    "gpt-oss-120b",
    "llama-3-70b (vllm, FP8, H100)",
    "acme/unknown-model-7b",
  };

  private static final String[] ACCELERATORS = {
    "H100",
    "H100",
    "H100",
    "NVIDIA-H100-80GB-HBM3",
    "NVIDIA-H100-80GB-HBM3",
    "nvidia-h100-80gb",
    "nvidia-l4",
    "tpu-v6e-slice",
    "a3-highgpu-8g",
    "g2-standard-48",
    "p5.48xlarge",
    "NVIDIA H200-SXM-141GB",
    "AMD Instinct MI300X 192GB HBM3",
    "NVIDIA L40S",
    "NVIDIA GB200",
    "AMD Instinct MI355X 288GB HBM3e (x87)",
    "ct6e-standard-8t",
    "TPU Trillium",
    "N/A",
    "Acme X1",
  };

  private final ModelRegistry models = ModelRegistry.builtIn();
  private final AcceleratorRegistry accelerators = AcceleratorRegistry.builtIn();
  private final String[] modelNames = new String[N];
  private final String[] acceleratorNames = new String[N];
  private final String[] freshModels = new String[N];
  private final String[] freshAccelerators = new String[N];

  @Setup(Level.Trial)
  public void setUp() {
    for (int i = 0; i < N; i++) {
      // A fixed pseudo-random order, so branch prediction cannot learn a cycle of 20.
      int j = (int) ((i * 2654435761L) >>> 7);
      modelNames[i] = new String(MODELS[Math.floorMod(j, MODELS.length)]);
      acceleratorNames[i] = new String(ACCELERATORS[Math.floorMod(j, ACCELERATORS.length)]);
    }
  }

  @Setup(Level.Invocation)
  public void freshStrings() {
    for (int i = 0; i < N; i++) {
      freshModels[i] = new String(modelNames[i].toCharArray());
      freshAccelerators[i] = new String(acceleratorNames[i].toCharArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(2 * N)
  public void modelsAndAccelerators(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      ModelRef m = models.resolve(modelNames[i]);
      AcceleratorRef a = accelerators.resolve(acceleratorNames[i]);
      bh.consume(m);
      bh.consume(a);
    }
  }

  @Benchmark
  @OperationsPerInvocation(2 * N)
  public void modelsAndAcceleratorsFresh(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(models.resolve(freshModels[i]));
      bh.consume(accelerators.resolve(freshAccelerators[i]));
    }
  }
}
