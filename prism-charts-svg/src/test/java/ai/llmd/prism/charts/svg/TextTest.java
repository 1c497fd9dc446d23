package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void estimatesWidthFromTheCharacterCount() {
    assertThat(Text.width("1000", 12)).isEqualTo(4 * 0.6 * 12);
    assertThat(Text.width("\uD83D\uDE80", 10)).isEqualTo(6);
  }

  @Test
  void cutsAtTheEndWithAnEllipsis() {
    assertThat(Text.fit("short", 10, 100)).isEqualTo("short");
    assertThat(Text.fit("abcdefghijklmnop", 10, 60)).isEqualTo("abcdefghi\u2026");
  }

  @Test
  void cutsSeriesNamesInTheMiddleSoTheirEndsStayDistinct() {
    assertThat(Text.fitMiddle("a long name that ends in replica 3", 10, 120))
        .isEqualTo("a long name\u2026eplica 3")
        .hasSize(20);
  }
}
