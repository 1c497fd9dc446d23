package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceleratorRegistryTest {

  private final AcceleratorRegistry registry = AcceleratorRegistry.builtIn();

  /** Every accelerator spelling in the reference documents and the canonical name it must get. */
  private static final String[][] DOC_SPELLINGS = {
    {"nvidia-h100-80gb", "H100"},
    {"nvidia-h100-mega-80gb", "H100"},
    {"NVIDIA-H100-80GB-HBM3", "H100"},
    {"H100", "H100"},
    {"NVIDIA H100", "H100"},
    {"NVIDIA H100 80GB", "H100"},
    {"NVIDIA H100 Mega 80GB", "H100"},
    {"nvidia-h200-141gb", "H200"},
    {"H200", "H200"},
    {"NVIDIA H200 141GB", "H200"},
    {"B200", "B200"},
    {"NVIDIA B200", "B200"},
    {"GB200", "GB200"},
    {"NVIDIA GB200", "GB200"},
    {"B300", "B300"},
    {"nvidia-tesla-a100", "A100-40GB"},
    {"NVIDIA A100 40GB", "A100-40GB"},
    {"nvidia-a100-80gb", "A100-80GB"},
    {"NVIDIA A100 80GB", "A100-80GB"},
    {"L4", "L4"},
    {"nvidia-l4", "L4"},
    {"NVIDIA L4", "L4"},
    {"L40S", "L40S"},
    {"nvidia-l40s", "L40S"},
    {"NVIDIA L40S", "L40S"},
    {"T4", "T4"},
    {"nvidia-tesla-t4", "T4"},
    {"A10G", "A10G"},
    {"nvidia-rtx-pro-6000", "RTX PRO 6000"},
    {"RTX-PRO-6000", "RTX PRO 6000"},
    {"NVIDIA RTX PRO 6000 (96GB)", "RTX PRO 6000"},
    {"AMD MI300X", "MI300X"},
    {"MI300X", "MI300X"},
    {"AMD Instinct MI300X 192GB", "MI300X"},
    {"MI325X", "MI325X"},
    {"MI355X", "MI355X"},
    {"tpu-v6e-slice", "TPU v6e"},
    {"TPU v6e", "TPU v6e"},
    {"TPU V6E", "TPU v6e"},
    {"TPU-V6E", "TPU v6e"},
    {"TPU Trillium", "TPU v6e"},
    {"TPU v6e chip", "TPU v6e"},
    {"TPU v6e Trillium (tpu-v6e-1)", "TPU v6e"},
    {"tpu-v5-lite-podslice", "TPU v5e"},
    {"TPU-V5-LITE", "TPU v5e"},
    {"TPU v5e", "TPU v5e"},
    {"TPU v5e chip", "TPU v5e"},
    {"TPU v5e (tpu-v5litepod-1)", "TPU v5e"},
    {"tpu7x", "TPU v7x"},
    {"TPU7X", "TPU v7x"},
    {"TPU-v7x-Ironwood", "TPU v7x"},
    {"TPU v7", "TPU v7x"},
    {"Spyre", "Spyre"},
  };

  /** Spellings in the fixtures (MLPerf exports, BR reports), so a clone without them tests them. */
  private static final String[][] FIXTURE_SPELLINGS = {
    {"AMD Instinct MI300X 192GB HBM3", "MI300X"},
    {"AMD Instinct MI325X 256GB HBM3E", "MI325X"},
    {"AMD Instinct MI325X 256GB HBM3e", "MI325X"},
    {"AMD Instinct MI350X 288GB HBM3e", "MI350X"},
    {"AMD Instinct MI355X 288GB HBM3e", "MI355X"},
    {"AMD Instinct MI355X 288GB HBM3e (Power Cap 1000 W)", "MI355X"},
    {"AMD Instinct MI355X 288GB HBM3e (x87)", "MI355X"},
    {"AMD Instinct MI355X 288GB HBM3e (x94)", "MI355X"},
    {"Intel(R) Arc Pro(R) B50", "Arc Pro B50"},
    {"Intel(R) Arc Pro(R) B60", "Arc Pro B60"},
    {"Intel(R) Arc Pro(R) B70", "Arc Pro B70"},
    {"MS-Intel Arc Pro B60 Dual 48G Turbo", "Arc Pro B60 Dual"},
    {"[MAXSUN] MS-Intel Arc Pro B60 Dual 48G Turbo", "Arc Pro B60 Dual"},
    {"NVIDIA B200", "B200"},
    {"NVIDIA B200-SXM-180GB", "B200"},
    {"NVIDIA B300-SXM-270GB", "B300"},
    {"NVIDIA GB200", "GB200"},
    {"NVIDIA GB300", "GB300"},
    {"NVIDIA GH200 Grace Hopper Superchip 144GB", "GH200-144GB"},
    {"NVIDIA GH200 Grace Hopper Superchip 96GB", "GH200-96GB"},
    {"NVIDIA GeForce RTX 4090", "RTX 4090"},
    {"NVIDIA H100-NVL-94GB", "H100 NVL"},
    {"NVIDIA H100-PCIe-80GB", "H100 PCIe"},
    {"NVIDIA H100-SXM-80GB", "H100"},
    {"NVIDIA H200", "H200"},
    {"NVIDIA H200-NVL-141GB", "H200 NVL"},
    {"NVIDIA H200-SXM-141GB", "H200"},
    {"NVIDIA L4-PCIe-24GB", "L4"},
    {"NVIDIA L40S", "L40S"},
    {"NVIDIA RTX PRO 4500 Blackwell", "RTX PRO 4500"},
    {"NVIDIA RTX PRO 6000 Blackwell Server Edition", "RTX PRO 6000"},
    {"TPU Trillium", "TPU v6e"},
    {"Virtualized NVIDIA H100-SXM-80GB", "H100"},
    {"Virtualized NVIDIA H200-SXM-141GB", "H200"},
    {"NVIDIA-H100-80GB-HBM3", "H100"},
    {"H100", "H100"},
  };

  /** Heterogeneous MLPerf systems: several accelerators, so no single canonical one. */
  private static final List<String> MIXED =
      List.of(
          "AMD Instinct MI300X 192GB HBM3 (x32) AMD Instinct MI325X 256GB HBM3e (x16)",
          "AMD Instinct MI300X 192GB HBM3 (x8) and AMD Instinct MI325X 256GB HBM3e (x8) and AMD"
              + " Instinct MI355X 288GB HBM3e (x8)",
          "AMD Instinct MI325X 256GB HBM3E (x16) AMD Instinct MI300X 192GB HBM3 (x8)");

  /** Machine types from shared/reference/pricing.md with the accelerators each carries. */
  private static final Object[][] MACHINE_TYPES = {
    {"a3-highgpu-8g", "H100", 8},
    {"a3-megagpu-8g", "H100", 8},
    {"a3-ultragpu-8g", "H200", 8},
    {"a4-highgpu-8g", "B200", 8},
    {"a4x-highgpu-4g", "GB200", 4},
    {"a2-highgpu-1g", "A100-40GB", 1},
    {"a2-highgpu-8g", "A100-40GB", 8},
    {"a2-ultragpu-8g", "A100-80GB", 8},
    {"g2-standard-4", "L4", 1},
    {"g2-standard-8", "L4", 1},
    {"g2-standard-48", "L4", 4},
    {"g2-standard-96", "L4", 8},
    {"g4-standard-48", "RTX PRO 6000", 1},
    {"g4-standard-384", "RTX PRO 6000", 8},
    {"ct5lp-hightpu-4t", "TPU v5e", 4},
    {"tpu-v5litepod-1", "TPU v5e", 1},
    {"ct6e-standard-8t", "TPU v6e", 8},
    {"tpu-v6e-1", "TPU v6e", 1},
    {"tpu7x-standard-4t", "TPU v7x", 4},
    {"p5.48xlarge", "H100", 8},
    {"p5en.48xlarge", "H200", 8},
    {"p5e.48xlarge", "H200", 8},
    {"p6-b200.48xlarge", "B200", 8},
    {"p4d.24xlarge", "A100-40GB", 8},
    {"p4de.24xlarge", "A100-80GB", 8},
    {"g6e.xlarge", "L40S", 1},
    {"g6e.12xlarge", "L40S", 4},
    {"g6e.48xlarge", "L40S", 8},
    {"g6.xlarge", "L4", 1},
    {"g6.24xlarge", "L4", 4},
    {"g6.48xlarge", "L4", 8},
    {"Standard_ND96isr_H100_v5", "H100", 8},
    {"Standard_ND96asr_v4", "A100-40GB", 8},
    {"Standard_ND96amsr_A100_v4", "A100-80GB", 8},
    {"ND96isr MI300X v5", "MI300X", 8},
  };

  /** Spellings that do not say which accelerator: they must stay unresolved, not be guessed. */
  private static final List<String> AMBIGUOUS = List.of("A100", "NVIDIA A100", "TPU", "GPU");

  @Test
  void resolvesEveryAcceleratorSpellingInTheReferenceDocs() {
    for (String[] s : DOC_SPELLINGS) {
      AcceleratorRef r = registry.resolve(s[0]);
      assertThat(r.resolved()).as(s[0]).isTrue();
      assertThat(r.name()).as(s[0]).isEqualTo(s[1]);
      assertThat(r.raw()).isEqualTo(s[0]);
      assertThat(r.vendor()).as(s[0]).isNotNull();
    }
  }

  @Test
  void resolvesTheFixtureSpellingsWithoutTheFixtures() {
    for (String[] s : FIXTURE_SPELLINGS) {
      assertThat(registry.resolve(s[0]).name()).as(s[0]).isEqualTo(s[1]);
      assertThat(registry.resolve(s[0]).resolved()).as(s[0]).isTrue();
    }
    for (String m : MIXED) {
      assertThat(registry.resolve(m).resolved()).as(m).isFalse();
    }
  }

  @Test
  void resolvesEveryMachineTypeWithTheAcceleratorsItCarries() {
    for (Object[] m : MACHINE_TYPES) {
      String type = (String) m[0];
      assertThat(registry.resolve(type).name()).as(type).isEqualTo(m[1]);
      assertThat(registry.impliedCount(type)).as(type).hasValue((Integer) m[2]);
      assertThat(registry.isMachineType(type)).as(type).isTrue();
    }
    assertThat(registry.isMachineType("H100")).isFalse();
    assertThat(registry.impliedCount("H100")).isEmpty();
  }

  @Test
  void resolvesEveryAcceleratorSpellingInTheFixtures() throws Exception {
    FixtureSpellings spellings = FixtureSpellings.of(Fixtures.require("."));

    assertThat(spellings.accelerators)
        .contains("H100", "NVIDIA-H100-80GB-HBM3", "NVIDIA L40S", "NVIDIA GB200", "TPU Trillium");
    for (String a : spellings.accelerators) {
      boolean mixed = a.contains(" and ") || a.indexOf("(x") != a.lastIndexOf("(x");
      boolean placeholder = a.equals("N/A");
      assertThat(registry.resolve(a).resolved())
          .as(a + " (heterogeneous systems and N/A name no single accelerator)")
          .isEqualTo(!mixed && !placeholder);
    }
  }

  @Test
  void l40sIsNotL4AndGb200IsNotB200() {
    assertThat(registry.resolve("L40S").name()).isEqualTo("L40S");
    assertThat(registry.resolve("nvidia-l40s").name()).isEqualTo("L40S");
    assertThat(registry.resolve("L40S").memoryGiB()).isEqualTo(48.0);
    assertThat(registry.resolve("L4").memoryGiB()).isEqualTo(24.0);
    assertThat(registry.resolve("NVIDIA GB200").name()).isEqualTo("GB200");
    assertThat(registry.resolve("nvidia-gb200").name()).isEqualTo("GB200");
    assertThat(registry.resolve("NVIDIA GB300").name()).isEqualTo("GB300");
    assertThat(registry.resolve("NVIDIA B300-SXM-270GB").name()).isEqualTo("B300");
  }

  @Test
  void neverMatchesBySubstring() {
    assertThat(registry.resolve("nvidia-l4-custom").resolved()).isFalse();
    assertThat(registry.resolve("xt4-machine").resolved()).isFalse();
    assertThat(registry.resolve("h100x").resolved()).isFalse();
    for (String a : AMBIGUOUS) {
      assertThat(registry.resolve(a).resolved()).as(a).isFalse();
    }
  }

  @Test
  void readsTheCountOfAnMlperfDecorationAndIgnoresOtherDecorations() {
    String s = "AMD Instinct MI355X 288GB HBM3e (x87)";
    assertThat(registry.resolve(s).name()).isEqualTo("MI355X");
    assertThat(registry.impliedCount(s)).hasValue(87);
    assertThat(registry.resolve("AMD Instinct MI355X 288GB HBM3e (Power Cap 1000 W)").name())
        .isEqualTo("MI355X");
    assertThat(registry.impliedCount("AMD Instinct MI355X 288GB HBM3e (Power Cap 1000 W)"))
        .isEmpty();
    assertThat(registry.resolve("Intel(R) Arc Pro(R) B60").name()).isEqualTo("Arc Pro B60");
  }

  @Test
  void aPlaceholderIsUnresolvedWithoutAName() {
    assertThat(registry.resolve("N/A").resolved()).isFalse();
    assertThat(registry.resolve("").name()).isEqualTo("unknown");
  }

  @Test
  void userOverridesAddAcceleratorsAndMachineTypes() {
    AcceleratorRegistry r =
        registry.withOverrides(
            ModelRegistryTest.yaml(
                """
                version: lab-1
                accelerators:
                  - name: Acme X1
                    vendor: Acme
                    memoryGiB: 64
                    aliases: [acme-x1-64gb]
                machineTypes:
                  - type: acme-box-4
                    accelerator: Acme X1
                    count: 4
                  - type: lab-h100-node
                    accelerator: H100
                    count: 8
                """),
            "lab.yaml");
    assertThat(r.resolve("ACME_X1_64GB").name()).isEqualTo("Acme X1");
    assertThat(r.resolve("acme-box-4").memoryGiB()).isEqualTo(64.0);
    assertThat(r.impliedCount("lab-h100-node")).hasValue(8);
    assertThat(r.resolve("H100").name()).isEqualTo("H100");
    assertThat(r.version()).endsWith("+lab-1");
  }

  @Test
  void aMachineTypeMustNameAKnownAccelerator() {
    assertThatThrownBy(
            () ->
                registry.withOverrides(
                    ModelRegistryTest.yaml(
                        "version: x\nmachineTypes:\n  - {type: m, accelerator: Nope, count: 2}\n"),
                    "m.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown accelerator Nope");
    assertThatThrownBy(
            () ->
                registry.withOverrides(
                    ModelRegistryTest.yaml(
                        "version: x\nmachineTypes:\n  - {type: m, accelerator: H100, count: 0}\n"),
                    "m.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.yaml:/machineTypes/0/count: must be a whole number of at least 1");
  }
}
