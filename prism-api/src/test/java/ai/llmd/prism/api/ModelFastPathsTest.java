package ai.llmd.prism.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the model takes on the load's hot path (a mean without a builder, metrics without a
 * map, labels already sorted) give exactly what the general path gives.
 */
class ModelFastPathsTest {

  @Test
  void aMeanIsTheSameDistributionAsOneBuiltWithOnlyAMean() {
    for (double v : new double[] {0, -0.0, 1e-300, 4.9e-324, 42.5, 1e300}) {
      Distribution built = Distribution.builder().put(Statistic.MEAN, v).build();
      assertThat(Distribution.ofMean(v)).isEqualTo(built).hasSameHashCodeAs(built);
      assertThat(Distribution.ofMean(v).statistics()).containsExactly(Statistic.MEAN);
      assertThat(Distribution.ofMean(v).mean()).hasValue(v);
    }
    assertThatThrownBy(() -> Distribution.ofMean(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mean must be a finite number, was NaN");
  }

  @Test
  void aSingleStatisticOtherThanTheMeanKeepsItsValue() {
    Distribution p99 = Distribution.builder().put(Statistic.P99, 7).build();
    assertThat(p99.get(Statistic.P99)).hasValue(7);
    assertThat(p99.mean()).isEmpty();
    assertThat(p99.statistics()).containsExactly(Statistic.P99);
  }

  @Test
  void aNegativeStatisticIsNamedWhereverItIs() {
    Distribution d = Distribution.builder().put(Statistic.MEAN, 3).put(Statistic.P90, -2).build();
    assertThatThrownBy(() -> MetricValue.measured(Metric.TTFT, d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttft.p90 must not be negative, was -2.0");
    assertThatThrownBy(() -> MetricValue.measured(Metric.TTFT, -1))
        .hasMessage("ttft.mean must not be negative, was -1.0");
  }

  @Test
  void metricsKeepMetricOrderAndTheLastValuePutForAMetric() {
    MetricValue ttft = MetricValue.measured(Metric.TTFT, 5);
    MetricValue rate = MetricValue.measured(Metric.REQUEST_RATE, 2);
    MetricValue rate2 = MetricValue.measured(Metric.REQUEST_RATE, 3);
    Metrics m = Metrics.builder().put(rate).put(ttft).put(rate2).build();
    Metrics other = Metrics.builder().put(ttft).putIfAbsent(rate2).putIfAbsent(rate).build();

    assertThat(m).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(m.size()).isEqualTo(2);
    assertThat(m.get(Metric.REQUEST_RATE)).contains(rate2);
    assertThat(m.values())
        .containsExactlyElementsOf(
            Metric.TTFT.ordinal() < Metric.REQUEST_RATE.ordinal()
                ? List.of(ttft, rate2)
                : List.of(rate2, ttft));
    assertThat(m.toBuilder().build()).isEqualTo(m);
    assertThat(Metrics.builder().build()).isSameAs(Metrics.empty());
  }

  @Test
  void labelsFromASortedMapEqualLabelsFromAnyOtherMap() {
    Map<String, String> hashed = new HashMap<>();
    hashed.put("source", "llm-d-benchmark");
    hashed.put("id", "run-1");
    hashed.put("file", null);
    Map<String, String> sorted = Labels.of(new TreeMap<>(hashed));

    assertThat(sorted).isEqualTo(Labels.of(hashed)).isEqualTo(hashed);
    assertThat(sorted.keySet()).containsExactly("file", "id", "source");
  }

  @Test
  void aKeyThatCleaningChangesIsSortedAgainAndMergedWithItsTwin() {
    // "a\uD800" cleans to "a\uFFFD", the other key: the later one, in key order, is kept
    TreeMap<String, String> sorted = new TreeMap<>();
    sorted.put("a\uD800", "lone");
    sorted.put("a\uFFFD", "clean");
    sorted.put("b", "b");
    Map<String, String> labels = Labels.of(sorted);
    Map<String, String> unsorted = Labels.of(new LinkedHashMap<>(sorted));

    assertThat(labels).isEqualTo(unsorted);
    assertThat(labels.keySet()).containsExactly("a\uFFFD", "b");
    assertThat(labels.get("a\uFFFD")).isEqualTo("clean");
  }
}
