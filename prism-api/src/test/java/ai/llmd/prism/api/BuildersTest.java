package ai.llmd.prism.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

  @Test
  void aDeploymentBuiltByNameEqualsTheOneBuiltByPosition() {
    Role prefill = Role.builder(Role.Kind.PREFILL, 2).tp(4).acceleratorsPerReplica(4).build();
    Role decode = Role.builder(Role.Kind.DECODE, 1).tp(8).acceleratorsPerReplica(8).build();
    Deployment built =
        Deployment.builder()
            .acceleratorCount(16)
            .engine("vLLM")
            .engineVersion("0.11.0")
            .servingStack("llm-d")
            .component("gateway")
            .role(prefill)
            .role(decode)
            .nodes(2)
            .build();

    assertThat(built)
        .isEqualTo(
            new Deployment(
                null,
                16,
                "vLLM",
                "0.11.0",
                "llm-d",
                List.of("gateway"),
                List.of(
                    new Role(Role.Kind.PREFILL, 2, 4, null, null, null, 4),
                    new Role(Role.Kind.DECODE, 1, 8, null, null, null, 8)),
                2));
    assertThat(built.pdRatio()).isEqualTo("2:1");
    assertThat(built.toBuilder().build()).isEqualTo(built);
  }

  @Test
  void anEmptyBuilderIsTheUnknownDeploymentAndWorkload() {
    assertThat(Deployment.builder().build()).isEqualTo(Deployment.unknown());
    assertThat(Workload.builder().build()).isEqualTo(Workload.unknown());
  }

  @Test
  void rateAndConcurrencyAreNamedSoTheyCannotBeSwapped() {
    Workload w = Workload.builder().targetRequestRate(2.5).concurrency(64).stage(3).build();

    assertThat(w.targetRequestRate()).isEqualTo(2.5);
    assertThat(w.concurrency()).isEqualTo(64.0);
    assertThat(w.stage()).isEqualTo(3);
    assertThat(w.toBuilder().concurrency(8).build().concurrency()).isEqualTo(8.0);
  }

  @Test
  void buildersValidateLikeTheConstructors() {
    assertThatThrownBy(() -> Workload.builder().concurrency(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency");
    assertThatThrownBy(() -> Role.builder(Role.Kind.DECODE, 1).tp(0).build())
        .hasMessageContaining("tp");
    assertThatThrownBy(() -> Deployment.builder().acceleratorCount(0).build())
        .hasMessageContaining("acceleratorCount");
  }

  @Test
  void aModelRefBuilderKeepsEveryComponent() {
    ModelRef m =
        ModelRef.builder("Llama-3.1-70B-FP8", "meta-llama/Llama-3.1-70B-Instruct")
            .family("llama-3.1")
            .totalParamsBillions(70)
            .precision("FP8")
            .resolved(true)
            .build();

    assertThat(m)
        .isEqualTo(
            new ModelRef(
                "Llama-3.1-70B-FP8",
                "meta-llama/Llama-3.1-70B-Instruct",
                "llama-3.1",
                70.0,
                null,
                "FP8",
                true));
  }
}
