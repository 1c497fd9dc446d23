package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void rendersTheShareReadTheCountsAndTheBytes() {
    assertThat(ProgressBar.render(40, 10, 0, 1536, 20))
        .isEqualTo("[#####...............] 10/40 read, 1.5 KiB");
    assertThat(ProgressBar.render(3, 3, 1, 512, 6)).isEqualTo("[######] 3/3 read, 512 B, 1 failed");
  }

  @Test
  void rendersAnEmptyBarBeforeAnythingIsListed() {
    assertThat(ProgressBar.render(0, 0, 0, 0, 4)).isEqualTo("[....] 0/0 read, 0 B");
  }

  @Test
  void writesSizesInBinaryUnits() {
    assertThat(ProgressBar.size(1023)).isEqualTo("1023 B");
    assertThat(ProgressBar.size(5L << 20)).isEqualTo("5.0 MiB");
    assertThat(ProgressBar.size(3L << 30)).isEqualTo("3.0 GiB");
  }

  @Test
  void redrawsInPlaceAndErasesItselfWhenFinished() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    bar.listed("dir", 2);
    bar.finish();

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("\r[").contains("0/2 read").doesNotContain("\n");
    assertThat(out).endsWith("\r");
    assertThat(out.substring(out.lastIndexOf('\r', out.length() - 2) + 1).strip()).isEmpty();
  }
}
