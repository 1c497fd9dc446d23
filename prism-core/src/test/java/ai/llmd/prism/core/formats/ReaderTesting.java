package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.FormatReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers for the reader tests. */
final class ReaderTesting {

  private ReaderTesting() {}

  /** A Prism that knows only {@code reader}. */
  static Prism only(FormatReader reader) {
    return Prism.of(Plugins.builder().reader(reader).build(), LoadOptions.defaults());
  }

  /** A Prism that knows only {@code reader} and uses it for every file, without sniffing. */
  static Prism forced(FormatReader reader) {
    return Prism.of(
        Plugins.builder().reader(reader).build(), LoadOptions.defaults().withFormat(reader.id()));
  }

  /** A test resource as a path. */
  static Path resource(String name) {
    try {
      return Path.of(ReaderTesting.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("missing test resource " + name, e);
    }
  }

  static double stat(BenchmarkPoint p, Metric m, Statistic s) {
    return p.metrics().get(m, s).orElseThrow(() -> new AssertionError(m + "." + s + " absent"));
  }

  static void assertStat(BenchmarkPoint p, Metric m, Statistic s, double expected) {
    assertThat(stat(p, m, s)).as(m.key() + "." + s.key()).isCloseTo(expected, within(1e-9));
  }

  static List<Problem> errors(LoadResult r) {
    return r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  static List<String> locations(List<Problem> problems) {
    return problems.stream().map(Problem::location).toList();
  }
}
