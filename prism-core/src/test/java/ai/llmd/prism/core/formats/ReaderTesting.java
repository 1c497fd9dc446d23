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
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.FormatReader;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers for the reader tests: load through the facade with one reader, as users do. */
final class ReaderTesting {

  private ReaderTesting() {}

  /** A Prism that knows only {@code reader} and does not normalize: the reader alone is tested. */
  static Prism only(FormatReader reader) {
    return Prism.of(Plugins.builder().reader(reader).build(), LoadOptions.defaults())
        .withNormalizer(Normalizer.none());
  }

  /** A Prism that knows only {@code reader} and uses it for every file, without sniffing. */
  static Prism forced(FormatReader reader) {
    return only(reader).withOptions(LoadOptions.defaults().withFormat(reader.id()));
  }

  static LoadResult load(FormatReader reader, Path path) {
    return only(reader).load(path);
  }

  static LoadResult load(FormatReader reader, String name, byte[] content) {
    return only(reader).read(name, new ByteArrayInputStream(content));
  }

  /** Reads with {@code reader} forced, skipping detection. */
  static LoadResult forced(FormatReader reader, String name, byte[] content) {
    return forced(reader).read(name, new ByteArrayInputStream(content));
  }

  /** Sniffs with every discovered reader, as {@code Prism.create()} does, without normalizing. */
  static LoadResult sniffed(Path path) {
    return Prism.create().withNormalizer(Normalizer.none()).load(path);
  }

  /** A test resource under {@code /formats/} as a path. */
  static Path resource(String relative) {
    try {
      return Path.of(ReaderTesting.class.getResource("/formats/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("missing test resource " + relative, e);
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
