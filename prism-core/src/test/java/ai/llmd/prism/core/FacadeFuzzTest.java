package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.FormatReader;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Coverage-guided fuzzing of the facade's read path: the first byte picks a reader to force (or
 * sniffing), the rest is the file. In a normal build this replays the committed seeds under
 * src/test/resources/ai/llmd/prism/core/FacadeFuzzTestInputs and anything in .cifuzz-corpus; {@code
 * JAZZER_FUZZ=1} makes it search for new inputs (see docs/limits.md).
 */
class FacadeFuzzTest {

  static final Prism PRISM = Prism.create();
  static final List<FormatReader> READERS = PRISM.plugins().readers();

  @FuzzTest(maxDuration = "60s")
  void anyBytesBecomePointsOrProblems(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int pick = Byte.toUnsignedInt(data[0]) % (READERS.size() + 1);
    Prism prism =
        pick == READERS.size()
            ? PRISM
            : PRISM.withOptions(LoadOptions.defaults().withFormat(READERS.get(pick).id()));
    LoadResult r = prism.read("fuzz", new ByteArrayInputStream(data, 1, data.length - 1));
    assertThat(r.points().isEmpty() && r.problems().isEmpty()).isFalse();
  }
}
