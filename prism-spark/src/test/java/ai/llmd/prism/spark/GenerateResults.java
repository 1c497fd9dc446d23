package ai.llmd.prism.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes {@code count} benchmark result files for the load measurements of docs/spark.md: copies of
 * two real fixtures (a vLLM {@code bench serve} result and an inference-perf stage report), every
 * fractional number scaled by its own random factor in [0.8, 1.2), counts kept. 100 files per
 * directory. Usage: {@code GenerateResults <fixtures dir> <out dir under /tmp> <count>}.
 */
final class GenerateResults {

  private static final String VLLM =
      "llm-d-benchmark/collected/data/openshift/exp-7/H100/llm-d-2p1d/benchmark_2025-05-13_05-00-45.json";
  private static final String INFERENCE_PERF =
      "inference-perf/demos/kubecon-na-2025/vllm/results/stage_1_lifecycle_metrics.json";

  private GenerateResults() {}

  public static void main(String[] args) throws IOException {
    Path fixtures = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    if (!out.toAbsolutePath().startsWith("/tmp")) {
      throw new IllegalArgumentException("generate under /tmp, never in the repository: " + out);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode vllm = json.readTree(fixtures.resolve(VLLM).toFile());
    JsonNode ip = json.readTree(fixtures.resolve(INFERENCE_PERF).toFile());
    Random r = new Random(17);
    for (int i = 0; i < count; i++) {
      Path dir = out.resolve(String.format("run-%04d", i / 100));
      if (i % 100 == 0) {
        Files.createDirectories(dir);
      }
      boolean even = i % 2 == 0;
      JsonNode copy = vary((even ? vllm : ip).deepCopy(), r);
      String name =
          even
              ? String.format("benchmark_2025-05-13_%05d.json", i)
              : String.format("%05d/stage_1_lifecycle_metrics.json", i);
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      json.writeValue(file.toFile(), copy);
    }
  }

  private static JsonNode vary(JsonNode node, Random r) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : List.copyOf(o.properties())) {
        if (e.getValue().isFloatingPointNumber()) {
          o.set(
              e.getKey(),
              DoubleNode.valueOf(e.getValue().doubleValue() * (0.8 + 0.4 * r.nextDouble())));
        } else {
          vary(e.getValue(), r);
        }
      }
    }
    return node;
  }
}
