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
