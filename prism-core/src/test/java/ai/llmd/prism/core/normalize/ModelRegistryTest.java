package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  private final ModelRegistry registry = ModelRegistry.builtIn();

  /** Every model spelling in the reference documents, with the id and precision it must get. */
  private static final String[][] DOC_SPELLINGS = {
    {"meta-llama/Llama-3.1-70B-Instruct", "meta-llama/Llama-3.1-70B-Instruct", null},
    {"llama-3.1-70b-instruct", "meta-llama/Llama-3.1-70B-Instruct", null},
    {"Llama-3.1-70B", "meta-llama/Llama-3.1-70B-Instruct", null},
    {"llama-3.1-70b", "meta-llama/Llama-3.1-70B-Instruct", null},
    {"openai/gpt-oss-120b-bf16", "openai/gpt-oss-120b", "BF16"},
    {"gpt-oss-120b-bf16", "openai/gpt-oss-120b", "BF16"},
    {"gpt-oss-120b", "openai/gpt-oss-120b", null},
    {"openai/gpt-oss-120b", "openai/gpt-oss-120b", null},
    {"openai/gpt-oss-120b-instruct", "openai/gpt-oss-120b", null},
    {"gpt-oss-20b", "openai/gpt-oss-20b", null},
    {"Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", "Qwen/Qwen3-Coder-480B-A35B-Instruct", "FP8"},
    {"qwen3-coder-480b-a35b-instruct", "Qwen/Qwen3-Coder-480B-A35B-Instruct", null},
    {"qwen3-coder-480b-a35b-instruct-fp8", "Qwen/Qwen3-Coder-480B-A35B-Instruct", "FP8"},
    {"llama-3-70b (vllm, FP8, H100)", "meta-llama/Meta-Llama-3-70B-Instruct", "FP8"},
    {"llama-3-70b", "meta-llama/Meta-Llama-3-70B-Instruct", null},
    {"Llama-3-70B", "meta-llama/Meta-Llama-3-70B-Instruct", null},
    {"qwen3-0.6b [kv]", "Qwen/Qwen3-0.6B", null},
    {"qwen3-0.6b", "Qwen/Qwen3-0.6B", null},
    {"Qwen3-0.6B", "Qwen/Qwen3-0.6B", null},
    {"Qwen/Qwen3-0.6B", "Qwen/Qwen3-0.6B", null},
    {"google/gemma-4-31b-it", "google/gemma-4-31b-it", null},
    {"gemma-4-31b-it", "google/gemma-4-31b-it", null},
    {"gemma4-31B", "google/gemma-4-31b-it", null},
    {"gemma-3-27b-it", "google/gemma-3-27b-it", null},
    {"gemma-2-27b-it", "google/gemma-2-27b-it", null},
    {"Gemma-2-27B", "google/gemma-2-27b-it", null},
    {"deepseek-ai/DeepSeek-V3.1", "deepseek-ai/DeepSeek-V3.1", null},
    {"deepseek-v3.1", "deepseek-ai/DeepSeek-V3.1", null},
    {"deepseek-v3", "deepseek-ai/DeepSeek-V3", null},
    {"DeepSeek-V3.2", "deepseek-ai/DeepSeek-V3.2", null},
    {"deepseek-v2.5", "deepseek-ai/DeepSeek-V2.5", null},
    {"deepseek-r1", "deepseek-ai/DeepSeek-R1", null},
    {"DeepSeek-R1", "deepseek-ai/DeepSeek-R1", null},
    {"deepseek-ai/DeepSeek-R1-0528", "deepseek-ai/DeepSeek-R1-0528", null},
    {"DeepSeek-R1-0528", "deepseek-ai/DeepSeek-R1-0528", null},
    {"qwen3-235b-a22b-instruct-2507", "Qwen/Qwen3-235B-A22B-Instruct-2507", null},
    {"Qwen3-235B-A22B-Instruct-2507", "Qwen/Qwen3-235B-A22B-Instruct-2507", null},
    {"Qwen3-235B-Instruct", "Qwen/Qwen3-235B-A22B-Instruct-2507", null},
    {"Qwen3-235B-A22B-FP8", "Qwen/Qwen3-235B-A22B", "FP8"},
    {"Qwen3-235B-FP8", "Qwen/Qwen3-235B-A22B", "FP8"},
    {"qwen3-32b", "Qwen/Qwen3-32B", null},
    {"Qwen/Qwen3-32B", "Qwen/Qwen3-32B", null},
    {"Qwen3-VL-30B", "Qwen/Qwen3-VL-30B-A3B-Instruct", null},
    {"llama_3_3_70b", "meta-llama/Llama-3.3-70B-Instruct", null},
    {"Llama-3.3-70B", "meta-llama/Llama-3.3-70B-Instruct", null},
    {"Llama-3.3-70B-FP8", "meta-llama/Llama-3.3-70B-Instruct", "FP8"},
    {"Llama-3.3-70B-Instruct-FP8", "meta-llama/Llama-3.3-70B-Instruct", "FP8"},
    {
      "RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic",
      "meta-llama/Llama-3.3-70B-Instruct",
      "FP8-dynamic"
    },
    {"nvidia/Llama-3.3-70B-Instruct-FP8", "meta-llama/Llama-3.3-70B-Instruct", "FP8"},
    {"meta-llama/Meta-Llama-3-8B-Instruct", "meta-llama/Meta-Llama-3-8B-Instruct", null},
    {"Llama-3-8B-Instruct", "meta-llama/Meta-Llama-3-8B-Instruct", null},
    {"meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"Llama-3.1-405B", "meta-llama/Llama-3.1-405B-Instruct", null},
    {"Llama-2-70B", "meta-llama/Llama-2-70b-chat-hf", null},
    {"Llama-4-Maverick", "meta-llama/Llama-4-Maverick-17B-128E-Instruct", null},
    {"Llama-4-Maverick-FP8", "meta-llama/Llama-4-Maverick-17B-128E-Instruct", "FP8"},
    {"Ministral-3-14B", "mistralai/Ministral-3-14B-Instruct-2512", null},
    {"Nemotron-3-Nano-30B-FP8", "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B", "FP8"},
    {"Nemotron-3-Super-120B-FP8", "Nemotron-3-Super-120B", "FP8"},
    {"Mistral-Medium-3.5-128B", "Mistral-Medium-3.5-128B", null},
    {"mixtral-8x7b", "mistralai/Mixtral-8x7B-Instruct-v0.1", null},
    {"llama3.1-8b", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"llama3.1-8b-datacenter", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"llama3-1-8b-datacenter", "meta-llama/Llama-3.1-8B-Instruct", null},
    {"llama3.1-405b", "meta-llama/Llama-3.1-405B-Instruct", null},
    {"llama3-1-405b", "meta-llama/Llama-3.1-405B-Instruct", null},
    {"llama2-70b-99", "meta-llama/Llama-2-70b-chat-hf", null},
    {"llama2-70b-99.9", "meta-llama/Llama-2-70b-chat-hf", null},
    {"llama2-70b-99-9", "meta-llama/Llama-2-70b-chat-hf", null},
    {"llama2-70b-interactive-99", "meta-llama/Llama-2-70b-chat-hf", null},
    {"gptj-99", "EleutherAI/gpt-j-6b", null},
    {"whisper", "openai/whisper-large-v3", null},
  };

  /** Shorthands in the docs that name no single model: they must stay unresolved. */
  private static final List<String> AMBIGUOUS_DOC_SPELLINGS =
      List.of("Llama-70B", "Llama-70B-FP8", "Qwen3-VL", "Nemotron", "gpt-oss", "deepseek", "llama");

  @Test
  void resolvesEveryModelSpellingInTheReferenceDocs() {
    for (String[] s : DOC_SPELLINGS) {
      ModelRef r = registry.resolve(s[0]);
      assertThat(r.resolved()).as(s[0]).isTrue();
      assertThat(r.id()).as(s[0]).isEqualTo(s[1]);
      assertThat(r.precision()).as(s[0] + " precision").isEqualTo(s[2]);
      assertThat(r.raw()).isEqualTo(s[0]);
    }
  }

  @Test
  void leavesShorthandsThatNameNoSingleModelUnresolved() {
    for (String s : AMBIGUOUS_DOC_SPELLINGS) {
      assertThat(registry.resolve(s).resolved()).as(s).isFalse();
    }
  }

  @Test
  void resolvesEveryModelSpellingInTheFixtures() throws Exception {
    FixtureSpellings spellings = FixtureSpellings.of(Fixtures.require("."));
    // The two guidellm test fixtures use mock names, and MLPerf v6.0 names two benchmarks by task.
    Set<String> notModels = Set.of("example_model", "e2e-mock-model", "text to video", "vlm");

    assertThat(spellings.models).contains("Llama-3.1-70B", "Qwen/Qwen3-0.6B", "llama2-70b-99");
    for (String m : spellings.models) {
      assertThat(registry.resolve(m).resolved()).as(m).isEqualTo(!notModels.contains(m));
    }
  }

  @Test
  void resolvesEveryMlperfBenchmarkModelWithoutTheFixtures() {
    List<String> mlperf =
        List.of(
            "3d-unet-99",
            "3d-unet-99.9",
            "deepseek-r1",
            "dlrm-v2-99",
            "dlrm-v2-99.9",
            "dlrm-v3",
            "gpt-oss-120b",
            "gptj-99",
            "gptj-99.9",
            "llama2-70b-99",
            "llama2-70b-99.9",
            "llama2-70b-interactive-99",
            "llama2-70b-interactive-99.9",
            "llama3.1-405b",
            "llama3.1-8b",
            "llama3.1-8b-datacenter",
            "mixtral-8x7b",
            "resnet",
            "retinanet",
            "rgat",
            "stable-diffusion-xl",
            "whisper");
    for (String m : mlperf) {
      assertThat(registry.resolve(m).resolved()).as(m).isTrue();
    }
    // v6.0 names two benchmarks by task only; guessing the model would be wrong.
    assertThat(registry.resolve("text to video").resolved()).isFalse();
    assertThat(registry.resolve("vlm").resolved()).isFalse();
  }

  @Test
  void prismsArchiveNameAndTheHuggingFaceIdMeet() {
    assertThat(registry.resolve("Llama-3.1-70B").id())
        .isEqualTo(registry.resolve("meta-llama/Llama-3.1-70B-Instruct").id());
  }

  @Test
  void deepSeekVersionsStayDistinct() {
    Set<String> ids =
        Set.of(
            registry.resolve("deepseek-ai/DeepSeek-V3").id(),
            registry.resolve("deepseek-ai/DeepSeek-V3.1").id(),
            registry.resolve("DeepSeek-V3.2").id(),
            registry.resolve("deepseek-v2.5").id(),
            registry.resolve("DeepSeek-R1").id(),
            registry.resolve("DeepSeek-R1-0528").id());
    assertThat(ids).hasSize(6);
  }

  @Test
  void splitsEveryPrecisionSuffixIntoPrecisionNeverTheId() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("Qwen/Qwen3-32B-FP8", "FP8");
    cases.put("Qwen/Qwen3-32B-bf16", "BF16");
    cases.put("Qwen/Qwen3-32B-fp16", "FP16");
    cases.put("Qwen/Qwen3-32B-W8A8", "W8A8");
    cases.put("Qwen/Qwen3-32B-quantized.w4a16", null); // not a suffix we know: unresolved
    cases.put("Qwen/Qwen3-32B-AWQ", "AWQ");
    cases.put("Qwen/Qwen3-32B-GPTQ-Int4", "GPTQ-INT4");
    cases.put("Qwen/Qwen3-32B-FP8-dynamic", "FP8-dynamic");
    cases.put("Qwen3-32B (bfloat16)", "BF16");
    cases.put("Qwen3-32B [int8]", "INT8");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      ModelRef r = registry.resolve(c.getKey());
      if (c.getValue() == null) {
        assertThat(r.resolved()).as(c.getKey()).isFalse();
        continue;
      }
      assertThat(r.id()).as(c.getKey()).isEqualTo("Qwen/Qwen3-32B");
      assertThat(r.precision()).as(c.getKey()).isEqualTo(c.getValue());
    }
  }

  @Test
  void carriesFamilyAndParameterCounts() {
    ModelRef r = registry.resolve("Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8");
    assertThat(r.family()).isEqualTo("Qwen3-Coder");
    assertThat(r.totalParamsBillions()).isEqualTo(480.0);
    assertThat(r.activeParamsBillions()).isEqualTo(35.0);
    assertThat(registry.resolve("Llama-3.1-70B").activeParamsBillions()).isNull();
  }

  @Test
  void neverMatchesBySubstringOrPrefix() {
    assertThat(registry.resolve("Llama-3.1-70B-Instruct-Turbo").resolved()).isFalse();
    assertThat(registry.resolve("my-Qwen3-0.6B").resolved()).isFalse();
    assertThat(registry.resolve("DeepSeek-V3.10").resolved()).isFalse();
  }

  @Test
  void keepsAnUnknownNameVerbatimAndGroupsItByLowerCase() {
    ModelRef a = registry.resolve("Acme/Wonder-7B-FP8");
    ModelRef b = registry.resolve("acme/wonder-7b-bf16");
    assertThat(a.resolved()).isFalse();
    assertThat(a.raw()).isEqualTo("Acme/Wonder-7B-FP8");
    assertThat(a.id()).isEqualTo("acme/wonder-7b").isEqualTo(b.id());
    assertThat(a.precision()).isEqualTo("FP8");
    assertThat(a.family()).isNull();
  }

  @Test
  void treatsPlaceholdersAsNoName() {
    assertThat(registry.resolve("Unknown").id()).isEqualTo("unknown");
    assertThat(registry.resolve("Unknown Model").resolved()).isFalse();
  }

  @Test
  void userOverridesAddAndReplaceEntries() {
    ModelRegistry r =
        registry.withOverrides(
            yaml(
                """
                version: acme-1
                models:
                  - id: acme/Wonder-7B
                    family: Wonder
                    totalParamsBillions: 7
                    aliases: [wonder7b]
                  - id: Qwen/Qwen3-0.6B
                    family: Qwen3 small
                    totalParamsBillions: 0.75
                    aliases: [tiny-qwen]
                """),
            "acme.yaml");

    assertThat(r.version()).isEqualTo(registry.version() + "+acme-1");
    assertThat(r.resolve("Wonder7B-FP8").id()).isEqualTo("acme/Wonder-7B");
    assertThat(r.resolve("Wonder7B-FP8").precision()).isEqualTo("FP8");
    assertThat(r.resolve("tiny-qwen").family()).isEqualTo("Qwen3 small");
    assertThat(r.resolve("Qwen3-0.6B").totalParamsBillions()).isEqualTo(0.75);
    assertThat(registry.resolve("Wonder7B").resolved()).as("the built-in is unchanged").isFalse();
  }

  @Test
  void aMalformedOverrideFileNamesTheField() {
    assertThatThrownBy(
            () ->
                registry.withOverrides(yaml("version: x\nmodels:\n  - family: NoId\n"), "bad.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.yaml:/models/0/id: is required");
    assertThatThrownBy(
            () ->
                registry.withOverrides(
                    yaml(
                        "version: x\nmodels:\n  - id: a/A\n    aliases: [same]\n"
                            + "  - id: b/B\n    aliases: [Same]\n"),
                    "dup.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dup.yaml:/models/1")
        .hasMessageContaining("'Same' also names a/A");
  }

  @Test
  void theBuiltInDataIsVersioned() {
    assertThat(registry.version()).matches("\\d{4}\\.\\d+\\.\\d+");
    assertThat(registry.ids())
        .contains("meta-llama/Llama-3.1-70B-Instruct")
        .doesNotHaveDuplicates();
  }

  static InputStream yaml(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
