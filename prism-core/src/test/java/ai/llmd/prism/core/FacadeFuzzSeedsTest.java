package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.FormatReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzz seeds still aim where their names say: a seed's first byte picks the reader by its index
 * among the sorted readers (or sniffing), so adding a reader shifts the indices. When this fails,
 * rewrite the first byte of each seed ({@code seed-<reader id>}, {@code seed-sniffed-…}).
 */
class FacadeFuzzSeedsTest {

  @Test
  void everySeedPicksTheReaderItIsNamedAfter() throws IOException, URISyntaxException {
    List<FormatReader> readers = FacadeFuzzTest.READERS;
    Path dir =
        Path.of(
            FacadeFuzzSeedsTest.class
                .getResource("FacadeFuzzTestInputs/anyBytesBecomePointsOrProblems")
                .toURI());
    List<Path> seeds;
    try (Stream<Path> s = Files.list(dir)) {
      seeds = s.sorted().toList();
    }
    assertThat(seeds).isNotEmpty();
    for (Path seed : seeds) {
      String name = seed.getFileName().toString();
      int pick = Byte.toUnsignedInt(Files.readAllBytes(seed)[0]) % (readers.size() + 1);
      String picked = pick == readers.size() ? "sniffed" : readers.get(pick).id();
      String expected = name.startsWith("seed-sniffed-") ? "sniffed" : name.substring(5);
      assertThat(expected.equals(picked) || expected.startsWith(picked + "-"))
          .as(name + " picks " + picked)
          .isTrue();
    }
  }
}
