package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared steps of the Benchmark Report tests. */
final class BrAssertions {

  private BrAssertions() {}

  /** A Prism that knows only the reader under test. */
  static Prism prism() {
    return Prism.of(
            Plugins.builder().reader(new BenchmarkReportReader()).build(), LoadOptions.defaults())
        .withNormalizer(Normalizer.none());
  }

  static LoadResult load(Path path) {
    return prism().load(path);
  }

  /** A test resource under {@code br/}. */
  static Path resource(String name) {
    try {
      return Path.of(BrAssertions.class.getResource("/br/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource br/" + name, e);
    }
  }

  /** {@code Statistic, value, Statistic, value, ...} in canonical units. */
  static Map<Statistic, Double> stats(Object... pairs) {
    Map<Statistic, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((Statistic) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  /** The metric has exactly these statistics (none more), with these values. */
  static void assertStatistics(BenchmarkPoint p, Metric metric, Map<Statistic, Double> expected) {
    assertThat(p.metrics().get(metric)).as(metric.key()).isPresent();
    assertDistribution(p.metrics().get(metric).get().distribution(), expected, metric.key());
  }

  static void assertDistribution(Distribution d, Map<Statistic, Double> expected, String what) {
    assertThat(d).as(what).isNotNull();
    assertThat(d.statistics()).as(what + " statistics").isEqualTo(expected.keySet());
    expected.forEach(
        (s, v) ->
            assertThat(d.get(s).getAsDouble())
                .as(what + "." + s.key())
                .isCloseTo(v, within(Math.abs(v) * 1e-12 + 1e-12)));
  }
}
