package ai.llmd.prism.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  @Test
  void bucketsLengthsWithPrismsThresholds() {
    assertThat(Workloads.bucket(9999)).isEqualTo("~8k");
    assertThat(Workloads.bucket(1000)).isEqualTo("~1k");
    assertThat(Workloads.bucket(2048)).isEqualTo("~2k");
    assertThat(Workloads.bucket(100)).isEqualTo("~128");
    assertThat(Workloads.bucket(159.9)).isEqualTo("~128");
    assertThat(Workloads.bucket(160)).isEqualTo("~256");
    assertThat(Workloads.bucket(383)).isEqualTo("~256");
    assertThat(Workloads.bucket(384)).isEqualTo("~512");
    assertThat(Workloads.bucket(98303)).isEqualTo("~64k");
    assertThat(Workloads.bucket(98304)).isEqualTo("~128k+");
    assertThat(Workloads.bucket(0)).isEqualTo("Unknown");
    assertThat(Workloads.bucket(Double.NaN)).isEqualTo("Unknown");
  }

  @Test
  void classifiesPrefillAndDecodeBias() {
    assertThat(Workloads.bias(1000, 1000)).isEqualTo("Balanced (~1:1)");
    assertThat(Workloads.bias(1250, 1000)).isEqualTo("Balanced (~1:1)");
    assertThat(Workloads.bias(800, 1000)).isEqualTo("Balanced (~1:1)");
    assertThat(Workloads.bias(1300, 1000)).isEqualTo("Slightly Prefill Biased (>1.25:1)");
    assertThat(Workloads.bias(9999, 1000)).isEqualTo("Prefill Biased (>2:1)");
    assertThat(Workloads.bias(1000, 100)).isEqualTo("Prefill Biased (>2:1)");
    assertThat(Workloads.bias(2000, 100)).isEqualTo("Heavy Prefill (>10:1)");
    assertThat(Workloads.bias(3300, 100)).isEqualTo("Extreme Prefill (>32:1)");
    assertThat(Workloads.bias(1000, 1300)).isEqualTo("Slightly Decode Biased (>1:1.25)");
    assertThat(Workloads.bias(100, 1000)).isEqualTo("Decode Biased (>1:2)");
    assertThat(Workloads.bias(100, 2000)).isEqualTo("Heavy Decode (>1:10)");
    assertThat(Workloads.bias(100, 3300)).isEqualTo("Extreme Decode (>1:32)");
    assertThat(Workloads.bias(1000, 3)).isEqualTo("Pure Prefill");
    assertThat(Workloads.bias(3, 1000)).isEqualTo("Pure Decode");
  }

  @Test
  void classifiesAWorkloadByItsMeanLengthsElseMedians() {
    Workload w =
        new Workload(
            Distribution.ofMean(9999),
            Distribution.builder().put(Statistic.P50, 1000).build(),
            "random",
            null,
            null,
            null,
            128.0,
            null);
    assertThat(Workloads.classify(w))
        .isEqualTo(new Workloads.Classification("~8k", "~1k", "Prefill Biased (>2:1)"));
    assertThat(Workloads.classify(Workload.unknown()))
        .isEqualTo(new Workloads.Classification("Unknown", "Unknown", "Unknown"));
  }
}
