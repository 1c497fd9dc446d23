package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LenientTreesTest {

  private static JsonNode yaml(String text) throws Exception {
    return LenientTrees.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsYamlSpecialFloatsThatJacksonCannotConvert() throws Exception {
    JsonNode n = yaml("a: .inf\nb: -.inf\nc: .NaN\nd: +.inf\ne: 1.5\nf: 0.2.1\ng: '.inf'\n");

    assertThat(n.get("a").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(n.get("b").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(n.get("c").doubleValue()).isNaN();
    assertThat(n.get("d").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(n.get("e").doubleValue()).isEqualTo(1.5);
    assertThat(n.get("f").isTextual()).isTrue();
    assertThat(n.get("g").asText()).isEqualTo(".inf"); // quoted: text, not a number
    assertThat(n.get("g").isTextual()).isTrue();
  }

  @Test
  void skipsNamedMembersAtAnyDepthButStillChecksTheirSyntax() throws Exception {
    byte[] json = "{\"a\": {\"time_series\": [1, 2], \"b\": 3}}".getBytes(StandardCharsets.UTF_8);

    JsonNode n = LenientTrees.parse(json, Set.of("time_series"));

    assertThat(n.get("a").has("time_series")).isFalse();
    assertThat(n.at("/a/b").intValue()).isEqualTo(3);
    byte[] broken = "{\"a\": {\"time_series\": [1, 2}}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LenientTrees.parse(broken, Set.of("time_series")))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void refusesDuplicateKeysTrailingDocumentsAndDeepNesting() {
    assertThatThrownBy(() -> yaml("a: 1\na: 2\n")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> yaml("[".repeat(300) + "]".repeat(300)))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void readsIsoDurationsWithMoreFractionDigitsThanJavaTimeAccepts() {
    assertThat(BrV02.isoSeconds("PT49.97206788184121S")).isEqualTo(49.97206788184121);
    assertThat(BrV02.isoSeconds("PT1H2M3.5S")).isEqualTo(3723.5);
    assertThat(BrV02.isoSeconds("P1DT1S")).isEqualTo(86401.0);
    assertThat(BrV02.isoSeconds("PT")).isNull();
    assertThat(BrV02.isoSeconds("49 seconds")).isNull();
  }
}
