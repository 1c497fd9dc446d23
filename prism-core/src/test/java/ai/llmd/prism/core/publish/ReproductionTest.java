package ai.llmd.prism.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inference-perf KubeCon NA 2025 demo recorded its config.yaml beside its stage reports: the
 * config regenerated from the points equals it on every field the points carry, and what they do
 * not carry is listed as unknown rather than filled in.
 */
class ReproductionTest {

  private static final Path DEMO = Fixtures.require("inference-perf/demos/kubecon-na-2025");

  /** Every leaf of {@code tree} as (JSON pointer, value), arrays by index. */
  private static void leaves(String at, JsonNode tree, List<Map.Entry<String, JsonNode>> out) {
    if (tree.isObject()) {
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        leaves(at + "/" + e.getKey(), e.getValue(), out);
      }
    } else if (tree.isArray()) {
      for (int i = 0; i < tree.size(); i++) {
        leaves(at + "/" + i, tree.get(i), out);
      }
    } else {
      out.add(Map.entry(at, tree));
    }
  }

  @Test
  void theRegeneratedConfigEqualsTheRecordedOneOnEveryFieldThePointsCarry() throws Exception {
    LoadResult r = Prism.create().load(DEMO.toString());
    List<BenchmarkPoint> points = r.points();
    assertThat(points).isNotEmpty();
    assertThat(points.stream().map(Configuration::of).distinct()).hasSize(1);
    JsonNode original = new YAMLMapper().readTree(DEMO.resolve("config.yaml").toFile());

    ObjectNode reproduction = Reproduction.of(points);
    JsonNode config = reproduction.path("inference_perf");

    List<Map.Entry<String, JsonNode>> regenerated = new ArrayList<>();
    leaves("", config, regenerated);
    List<String> compared = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : regenerated) {
      JsonNode there = original.at(e.getKey());
      if (!there.isMissingNode()) {
        assertThat(e.getValue().asText()).as(e.getKey()).isEqualTo(there.asText());
        compared.add(e.getKey());
      }
    }
    assertThat(compared).contains("/server/type", "/server/model_name", "/data/type");
    // the sweep chose each stage's rate; the points carry it, one stage per point in order
    JsonNode stages = config.at("/load/stages");
    assertThat(stages.size()).isEqualTo(points.size());
    List<BenchmarkPoint> byStage =
        points.stream().sorted((a, b) -> a.workload().stage() - b.workload().stage()).toList();
    for (int i = 0; i < stages.size(); i++) {
      assertThat(stages.get(i).path("rate").asDouble())
          .isEqualTo(byStage.get(i).workload().targetRequestRate());
    }
    // nothing the points lack is filled in: the endpoint and the arrival process are unknown
    assertThat(config.at("/server/base_url").isMissingNode()).isTrue();
    assertThat(config.at("/load/type").isMissingNode()).isTrue();
    assertThat(reproduction.path("unknown").toString())
        .contains("base_url")
        .contains("load.type")
        .contains("accelerator");
    assertThat(reproduction.path("vllm_bench_serve").get(0).asText())
        .startsWith("vllm bench serve --model meta-llama/Meta-Llama-3-8B-Instruct")
        .contains("--request-rate " + stages.get(0).path("rate").asText());
    assertThat(reproduction.path("guidellm").get(0).asText()).contains("--rate-type constant");
  }

  @Test
  void pointsOfTwoConfigurationsAreRefused() {
    List<BenchmarkPoint> mixed =
        new ArrayList<>(Prism.create().load(DEMO.toString()).points().subList(0, 1));
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples/llm-d");
    mixed.add(Prism.create().load(examples.toString()).points().get(0));

    assertThatThrownBy(() -> Reproduction.of(mixed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("span configurations");
  }
}
