package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.normalize.Normalizer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits hold for a whole load, not only per file, and every input is read once. */
class LoadLimitsTest {

  static final String LINE = "third-party model=%s tps=1\n";

  static Prism prism(LoadOptions options) {
    return Prism.create().withNormalizer(Normalizer.none()).withOptions(options);
  }

  @Test
  void pointsBeyondTheLoadsLimitAreNotKeptAndSaidSoOnce(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve(i + ".txt"), LINE.formatted("m" + i));
    }

    LoadResult r = prism(LoadOptions.defaults().withThreads(1).withMaxPointsPerLoad(3)).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("m0", "m1", "m2");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message())
                  .isEqualTo(
                      "over a limit: 2 points beyond the first 3 of this load were not kept"
                          + " (raise LoadOptions.maxPointsPerLoad)");
            });
  }

  @Test
  void problemsBeyondTheLoadsLimitAreCountedNotKept(@TempDir Path dir) throws Exception {
    // one good line, then a thousand bad ones: ten million of them once exhausted the heap
    Files.writeString(
        dir.resolve("a.txt"), LINE.formatted("good") + "third-party x\n".repeat(1000));
    Files.writeString(dir.resolve("b.txt"), LINE.formatted("also-good"));

    LoadResult r = prism(LoadOptions.defaults().withMaxProblemsPerLoad(10)).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("good", "also-good");
    assertThat(r.problems()).hasSize(11);
    assertThat(r.problems().get(10).message())
        .isEqualTo(
            "over a limit: 990 more problems beyond the first 10 were counted, not kept"
                + " (raise LoadOptions.maxProblemsPerLoad)");
  }

  @Test
  void aFileLargerThanTheBytesInFlightBudgetAloneIsRefusedNamingTheOption(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("small"));
    Files.writeString(dir.resolve("b.txt"), LINE.formatted("big").repeat(10)); // 280 bytes

    LoadResult r = prism(LoadOptions.defaults().withMaxBytesInFlight(100)).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("small");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("/b.txt");
              assertThat(p.message())
                  .isEqualTo(
                      "skipped: 280 bytes is over the load's budget of 100 bytes in flight"
                          + " (raise LoadOptions.maxBytesInFlight)");
            });
  }

  @Test
  void filesThatDoNotFitTheBudgetTogetherAreReadOneAfterTheOther(@TempDir Path dir)
      throws Exception {
    for (int i = 0; i < 8; i++) {
      Files.writeString(dir.resolve(i + ".txt"), LINE.formatted("m" + i)); // 27 bytes each
    }
    LoadOptions fourThreads = LoadOptions.defaults().withThreads(4);

    CountingReader tight = new CountingReader();
    LoadResult r =
        Prism.of(Plugins.builder().reader(tight).build(), fourThreads.withMaxBytesInFlight(50))
            .withNormalizer(Normalizer.none())
            .load(dir);
    CountingReader roomy = new CountingReader();
    Prism.of(Plugins.builder().reader(roomy).build(), fourThreads.withMaxBytesInFlight(1000))
        .withNormalizer(Normalizer.none())
        .load(dir);

    assertThat(r.points()).hasSize(8);
    assertThat(r.problems()).isEmpty();
    assertThat(tight.most.get()).isEqualTo(1); // two files of 27 bytes exceed 50
    assertThat(roomy.most.get()).isGreaterThan(1); // the same load, unbudgeted, overlaps
  }

  /** The third-party reader, slowed down, counting how many files it reads at once. */
  static final class CountingReader implements ai.llmd.prism.spi.FormatReader {
    final java.util.concurrent.atomic.AtomicInteger active =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    private final ThirdPartyReader reader = new ThirdPartyReader();

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public String description() {
      return "the third-party reader, counting concurrent reads";
    }

    @Override
    public ai.llmd.prism.spi.Detection detect(ai.llmd.prism.spi.Sniff sniff) {
      return reader.detect(sniff);
    }

    @Override
    public void read(ai.llmd.prism.spi.SourceFile file, ai.llmd.prism.spi.ReadSink sink)
        throws java.io.IOException {
      most.accumulateAndGet(active.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
        reader.read(file, sink);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        active.decrementAndGet();
      }
    }
  }

  @Test
  void anEndlessStreamIsRefusedAtTheFileLimitWithoutHoldingMore() {
    InputStream endless =
        new SequenceInputStream(
            new ByteArrayInputStream(LINE.formatted("x").getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              @Override
              public int read() {
                return ' ';
              }

              @Override
              public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
              }
            });

    LoadResult r = prism(LoadOptions.defaults().withMaxFileBytes(1 << 20)).read("-", endless);

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("over the limit of 1048576 bytes"));
  }
}
