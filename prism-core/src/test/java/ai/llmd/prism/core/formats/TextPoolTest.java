package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPoolTest {

  static String get(TextPool pool, String text) {
    // the text inside a larger buffer, as a parser holds it
    char[] buf = ("<<" + text + ">>").toCharArray();
    return pool.get(buf, 2, text.length());
  }

  @Test
  void theSameTextIsTheSameInstanceAndEveryTextKeepsItsCharacters() {
    TextPool pool = new TextPool(100_000);
    String first = get(pool, "Llama-3.1-70B");

    assertThat(first).isEqualTo("Llama-3.1-70B");
    assertThat(get(pool, "Llama-3.1-70B")).isSameAs(first);
    assertThat(get(pool, "H100")).isEqualTo("H100").isNotSameAs(first);
    assertThat(get(pool, "")).isEqualTo("");
    // same hash, other text
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(get(pool, "Aa")).isEqualTo("Aa");
    assertThat(get(pool, "BB")).isEqualTo("BB");
    assertThat(get(pool, "Aa")).isSameAs(get(pool, "Aa"));
  }

  @Test
  void keepsEveryTextAcrossGrowingAndNoMoreThanItsLimit() {
    TextPool pool = new TextPool(1000);
    String[] kept = new String[1000];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = get(pool, "name-" + i);
    }
    for (int i = 0; i < kept.length; i++) {
      assertThat(get(pool, "name-" + i)).isSameAs(kept[i]);
    }
    String over = get(pool, "one too many");
    assertThat(over).isEqualTo("one too many");
    assertThat(get(pool, "one too many")).isEqualTo(over).isNotSameAs(over);
  }

  @Test
  void longTextsAreMadeAfreshEachTime() {
    TextPool pool = new TextPool(100);
    String longText = "x".repeat(TextPool.MAX_LENGTH + 1);

    assertThat(get(pool, longText)).isEqualTo(longText).isNotSameAs(get(pool, longText));
  }
}
