package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link FormatReader} must have, as a JUnit 5 class to extend (Micrometer's
 * compatibility kit is the model): each rule is one named test. The implementation supplies a
 * reader and a sample it reads; optional capabilities (a sample with a bad row, expected values in
 * canonical units, registration in {@code META-INF/services}) are declared by overriding a method,
 * and the rules that need them are skipped, saying so, when they are not. A sample of two or more
 * points also proves row containment: a row whose code throws costs that row only.
 */
public abstract class FormatReaderContract {

  /** The reader under test. */
  protected abstract FormatReader reader();

  /**
   * A file this reader reads into at least one point and no error: build it with {@link
   * SourceFiles#named(String)}. Its name (with extension) is also the name it is loaded under.
   */
  protected abstract SourceFile sample();

  /**
   * A file of this format with one bad entry among good ones; empty when the format has no entries
   * of its own (then the rule is skipped).
   */
  protected Optional<SourceFile> sampleWithABadEntry() {
    return Optional.empty();
  }

  /**
   * Values the first point of {@link #sample()} must have, in the canonical units of {@link Metric}
   * (milliseconds, tokens per second …), keyed as {@code metric.statistic}, e.g. {@code "ttft.p90"
   * -> 120.0} for a file that says 0.12 s; equal to within one part in 10^12. Empty to skip the
   * rule.
   */
  protected Map<String, Double> expectedFirstPoint() {
    return Map.of();
  }

  /**
   * Whether the reader is registered in {@code META-INF/services/ai.llmd.prism.spi.FormatReader};
   * false for a reader registered only explicitly ({@code Plugins.builder().reader(r)}).
   */
  protected boolean discoverable() {
    return true;
  }

  /** How long one read of a sample may take at most; a reader must never hang. */
  protected Duration timeLimit() {
    return Duration.ofSeconds(10);
  }

  /** Reads {@code file} with the reader under test, within {@link #timeLimit()}. */
  protected final Read read(SourceFile file) {
    return assertTimeoutPreemptively(
        timeLimit(),
        () -> {
          Read r = new Read(new ArrayList<>(), new ArrayList<>());
          reader().read(file, r);
          return r;
        },
        () -> "reading took longer than " + timeLimit() + ": " + file.name());
  }

  /** What one read handed to its sink. */
  protected record Read(List<BenchmarkPoint> points, List<Problem> problems) implements ReadSink {
    @Override
    public void point(BenchmarkPoint point) {
      points.add(point);
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }

    List<Problem> errors() {
      return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }
  }

  /** A context whose first point throws, as if that row's code had. */
  private static final class RowFails implements ReadContext {
    final SourceFile file;
    final List<BenchmarkPoint> points = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    boolean thrown;

    RowFails(SourceFile file) {
      this.file = file;
    }

    @Override
    public SourceFile file() {
      return file;
    }

    @Override
    public void point(BenchmarkPoint point) {
      if (!thrown) {
        thrown = true;
        throw new IllegalArgumentException("a failure planted by the contract in this row");
      }
      points.add(point);
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  }

  private static String fileNameOf(SourceFile f) {
    String n = f.name();
    return n.substring(n.lastIndexOf('/') + 1);
  }

  private static byte[] bytes(SourceFile f) {
    try {
      return f.bytes();
    } catch (IOException e) {
      throw new AssertionError("the sample could not be read: " + e.getMessage(), e);
    }
  }

  /** Its name and version. */
  @Nested
  @DisplayName("identity")
  class Identity {

    @Test
    @DisplayName("its id is a stable lower-case word: --format and provenance use it")
    void idIsAStableLowerCaseWord() {
      assertThat(reader().id()).matches("[a-z0-9][a-z0-9.-]*").isEqualTo(reader().id());
    }

    @Test
    @DisplayName("it describes itself in one line")
    void describesItselfInOneLine() {
      assertThat(reader().description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    @DisplayName("it declares the plugin API version it was built against, and it is compatible")
    void declaresACompatibleApiVersion() {
      assertThat(reader().requestedApiVersion())
          .as("requestedApiVersion(): return PluginApi.VERSION")
          .isNotNull()
          .satisfies(v -> assertThat(PluginApi.compatible(v)).isTrue());
    }
  }

  /** Choosing the reader for an input. */
  @Nested
  @DisplayName("sniffing")
  class Sniffing {

    @Test
    @DisplayName("it recognises its own sample")
    void recognisesItsSample() {
      SourceFile s = sample();
      assertThat(reader().detect(Prism.sniff(fileNameOf(s), bytes(s))))
          .isNotNull()
          .isNotEqualTo(Detection.NO);
    }

    @Test
    @DisplayName("it never throws on any head: empty, binary, cut, another shape")
    void neverThrowsOnAnyHead() {
      byte[] sample = bytes(sample());
      List<byte[]> heads =
          List.of(
              new byte[0],
              "{".getBytes(StandardCharsets.UTF_8),
              "[{\"a\": 1}, 2]".getBytes(StandardCharsets.UTF_8),
              "a: [1, 2\n".getBytes(StandardCharsets.UTF_8),
              "\uFEFF\u0000\uD7FF".getBytes(StandardCharsets.UTF_8),
              new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28},
              Arrays.copyOf(sample, sample.length / 2),
              Arrays.copyOf(sample, Math.min(sample.length, 7)));
      for (byte[] head : heads) {
        for (String name : List.of("", "x.json", "x.csv", fileNameOf(sample()))) {
          assertThatCode(() -> assertThat(reader().detect(Prism.sniff(name, head))).isNotNull())
              .as("detect on %d bytes named '%s'", head.length, name)
              .doesNotThrowAnyException();
        }
      }
    }

    @Test
    @DisplayName("a load with every discovered reader picks it for its sample, unambiguously")
    void winsTheLoadForItsSample(@TempDir Path dir) throws IOException {
      LoadResult r = load(dir, bytes(sample()));
      assertThat(r.points())
          .as("points of %s loaded with every reader", sample().name())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.provenance().format()).isEqualTo(reader().id()));
      assertThat(r.problems())
          .extracting(Problem::message)
          .noneMatch(m -> m.contains("several formats match"));
    }
  }

  /** Reading into points and problems. */
  @Nested
  @DisplayName("reading")
  class Reading {

    @Test
    @DisplayName("it reads its sample into points, with no error")
    void readsItsSample() {
      Read r = read(sample());
      assertThat(r.points()).isNotEmpty();
      assertThat(r.errors()).isEmpty();
    }

    @Test
    @DisplayName("every point names this reader and the file it came from")
    void everyPointNamesTheReaderAndTheFile() {
      SourceFile s = sample();
      assertThat(read(s).points())
          .allSatisfy(
              p -> {
                assertThat(p.provenance().format()).isEqualTo(reader().id());
                assertThat(p.provenance().source()).isEqualTo(s.uri());
              });
    }

    @Test
    @DisplayName("values are in canonical units, converted from the units the file declares")
    void valuesAreInCanonicalUnits() {
      Map<String, Double> expected = expectedFirstPoint();
      Assumptions.assumeFalse(expected.isEmpty(), "no expectedFirstPoint() declared");
      BenchmarkPoint first = read(sample()).points().get(0);
      expected.forEach(
          (key, value) -> {
            int dot = key.indexOf('.');
            Metric m = Metric.byKey(dot < 0 ? key : key.substring(0, dot)).orElseThrow();
            Statistic st =
                dot < 0 ? Statistic.MEAN : Statistic.byKey(key.substring(dot + 1)).orElseThrow();
            // to the last few bits: a conversion may round once
            assertThat(first.metrics().get(m, st)).as(key).isPresent();
            assertThat(first.metrics().get(m, st).getAsDouble())
                .as(key)
                .isCloseTo(value, within(Math.abs(value) * 1e-12));
          });
    }

    @Test
    @DisplayName("reading twice gives the same points: a reader holds no state")
    void readingTwiceGivesTheSamePoints() {
      assertThat(read(sample()).points()).isEqualTo(read(sample()).points());
    }

    @Test
    @DisplayName("four threads reading at once get what one thread gets")
    void concurrentReadsAgree() throws Exception {
      List<BenchmarkPoint> once = read(sample()).points();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<BenchmarkPoint>>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          all.add(pool.submit(() -> read(sample()).points()));
        }
        for (Future<List<BenchmarkPoint>> f : all) {
          assertThat(f.get()).isEqualTo(once);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("a bad entry is a problem at its place, and the good entries still load")
    void aBadEntryIsAProblemAndTheRestLoads() {
      Optional<SourceFile> bad = sampleWithABadEntry();
      Assumptions.assumeTrue(bad.isPresent(), "no sampleWithABadEntry() declared");
      Read r = read(bad.get());
      assertThat(r.points()).as("the good entries").isNotEmpty();
      assertThat(r.errors())
          .as("the bad entry")
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.file()).isEqualTo(bad.get().name());
                assertThat(p.location()).as("where in the file").isNotBlank();
              });
    }

    @Test
    @DisplayName("a row whose code throws is an error at its place, and the other rows still load")
    void aRowThatThrowsIsContained() {
      SourceFile s = sample();
      int all = read(s).points().size();
      Assumptions.assumeTrue(all >= 2, "the sample has one point; containment needs two");
      // the first point handed over throws, as a model record does for an impossible value
      RowFails r = new RowFails(s);
      assertThatCode(() -> assertTimeoutPreemptively(timeLimit(), () -> reader().read(s, r)))
          .as(
              "the failure of one row must not escape read() (run each row through"
                  + " ReadContext.row)")
          .doesNotThrowAnyException();
      assertThat(r.points).as("points of the rows after the one that threw").isNotEmpty();
      assertThat(r.points.size()).as("points").isLessThan(all);
      assertThat(r.problems)
          .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
          .as("the row that threw")
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).isEqualTo(s.name());
                assertThat(p.location()).as("where in the file").isNotBlank();
              });
    }

    @Test
    @DisplayName("a truncated file never throws an unchecked exception, at any cut")
    void aTruncatedFileNeverThrowsUnchecked() {
      SourceFile s = sample();
      byte[] all = bytes(s);
      for (int i = 1; i < 16; i++) {
        int cut = all.length * i / 16;
        SourceFile part =
            SourceFiles.named(s.name()).uri(s.uri()).content(Arrays.copyOf(all, cut)).build();
        Throwable thrown = catchThrowable(() -> read(part));
        if (thrown instanceof IOException) {
          assertThat(thrown.getMessage()).as("an IOException says what was wrong").isNotBlank();
        } else if (thrown != null) {
          throw new AssertionError(
              "reading the first " + cut + " of " + all.length + " bytes threw " + thrown, thrown);
        }
      }
    }

    @Test
    @DisplayName("a truncated file loaded through Prism is never lost silently")
    void aTruncatedFileIsNeverLostSilently(@TempDir Path dir) throws IOException {
      byte[] all = bytes(sample());
      LoadResult r = load(dir, Arrays.copyOf(all, all.length / 2));
      assertThat(r.points().size() + r.problems().size())
          .as("points or problems from half of the sample")
          .isPositive();
    }
  }

  /** Being found. */
  @Nested
  @DisplayName("registration")
  class Registration {

    @Test
    @DisplayName("the service loader finds it (META-INF/services)")
    void theServiceLoaderFindsIt() {
      Assumptions.assumeTrue(discoverable(), "declared not discoverable");
      List<String> found =
          ServiceLoader.load(FormatReader.class).stream()
              .map(ServiceLoader.Provider::type)
              .map(Class::getName)
              .toList();
      assertThat(found).contains(reader().getClass().getName());
    }

    @Test
    @DisplayName("discovery reports no problem with it")
    void discoveryReportsNoProblem() {
      Assumptions.assumeTrue(discoverable(), "declared not discoverable");
      assertThat(Plugins.builder().discover().build().problems())
          .extracting(Problem::message)
          .noneMatch(m -> m.contains(reader().id()));
    }
  }

  /** Loads {@code content} under the sample's file name with every discovered reader. */
  private LoadResult load(Path dir, byte[] content) throws IOException {
    Files.write(dir.resolve(fileNameOf(sample())), content);
    Plugins.Builder plugins = Plugins.builder().discover();
    if (!discoverable()) {
      plugins.reader(reader());
    }
    return Prism.of(plugins.build(), LoadOptions.defaults()).load(dir);
  }
}
