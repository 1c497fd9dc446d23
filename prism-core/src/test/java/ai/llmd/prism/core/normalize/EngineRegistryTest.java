package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRegistryTest {

  private final EngineRegistry registry = EngineRegistry.builtIn();

  @Test
  void canonicalisesEngineSpellings() {
    assertThat(registry.engine("vllm")).hasValue("vLLM");
    assertThat(registry.engine("VLLM")).hasValue("vLLM");
    assertThat(registry.engine("sglang")).hasValue("SGLang");
    assertThat(registry.engine("tensorrt_llm")).hasValue("TensorRT-LLM");
    assertThat(registry.engine("TRT-LLM")).hasValue("TensorRT-LLM");
    assertThat(registry.engine("text-generation-inference")).hasValue("TGI");
    assertThat(registry.engine("jetstream")).hasValue("JetStream");
    assertThat(registry.engine("llm-d")).hasValue("llm-d");
  }

  @Test
  void aLoadHarnessIsNeverAnEngine() {
    for (String h :
        List.of("inference-perf", "guidellm", "vllm-benchmark", "fmperf", "genai-perf")) {
      assertThat(registry.engine(h)).as(h).isEmpty();
      assertThat(registry.harness(h)).as(h).isPresent();
    }
    assertThat(registry.harness("inference_perf")).hasValue("inference-perf");
    assertThat(registry.harness("vllm")).isEmpty();
  }

  @Test
  void readsEngineAndVersionFromImageReferences() {
    assertThat(registry.image("ghcr.io/llm-d/llm-d:v0.2.0"))
        .hasValue(new EngineRegistry.Image("llm-d", "0.2.0"));
    assertThat(registry.image("ghcr.io/llm-d/llm-d-cuda:0.3.1"))
        .hasValue(new EngineRegistry.Image("llm-d", "0.3.1"));
    assertThat(registry.image("vllm/vllm-openai:v0.10.1"))
        .hasValue(new EngineRegistry.Image("vLLM", "0.10.1"));
    assertThat(registry.image("docker.io/lmsysorg/sglang:v0.4.9.post2-cu126"))
        .hasValue(new EngineRegistry.Image("SGLang", "0.4.9.post2-cu126"));
    assertThat(registry.image("vllm/vllm-openai:latest"))
        .hasValue(new EngineRegistry.Image("vLLM", null));
    assertThat(registry.image("vllm/vllm-openai@sha256:0123abcd"))
        .hasValue(new EngineRegistry.Image("vLLM", null));
    assertThat(registry.image("localhost:5000/vllm-openai"))
        .hasValue(new EngineRegistry.Image("vLLM", null));
  }

  @Test
  void anImageOfAnotherComponentNamesNoEngine() {
    assertThat(registry.image("ghcr.io/llm-d/llm-d-inference-scheduler:0.3.2")).isEmpty();
    assertThat(registry.image("ghcr.io/acme/vllm-benchmark:1.0")).isEmpty();
  }
}
