package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No input can put a control character on the terminal or forge a line of Prism's output. */
class EscapeTest {

  /** Anything a terminal would act on or a reader would mistake for layout. */
  static final Pattern RAW_CONTROL =
      Pattern.compile(
          "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e"
              + "\\u2066-\\u2069\\u2028\\u2029]");

  static final String EXAMPLE =
      AnalysisCommandsTest.examples("llm-d/h200-aggregated-2x-tp4/concurrency-008.yaml");

  /** The example with its model renamed: YAML double quotes take \e, \n, \x9b, \u202e escapes. */
  static Path renamedModel(Path dir, String yamlEscapedName) throws Exception {
    String yaml = Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8);
    String renamed =
        yaml.replace(
            "name: 'meta-llama/Llama-3.1-70B-Instruct'", "name: \"" + yamlEscapedName + "\"");
    assertThat(renamed).isNotEqualTo(yaml);
    Path file = dir.resolve("concurrency-008.yaml");
    Files.writeString(file, renamed, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void textEscapesControlsBidiAndLoneSurrogatesAndKeepsEverythingElse() {
    assertThat(Escape.text("plain H100 x8 — ok")).isEqualTo("plain H100 x8 — ok");
    assertThat(Escape.text("a\nb\r\tc")).isEqualTo("a\\nb\\r\\tc");
    assertThat(Escape.text("\u001b[31mred\u009b2J")).isEqualTo("\\u001B[31mred\\u009B2J");
    assertThat(Escape.text("evil\u202egnp.json\u2066\u2028"))
        .isEqualTo("evil\\u202Egnp.json\\u2066\\u2028");
    assertThat(Escape.text("lone \ud800 x \udc00")).isEqualTo("lone \\uD800 x \\uDC00");
    assertThat(Escape.text("pair \ud83d\ude80")).isEqualTo("pair \ud83d\ude80");
  }

  @Test
  void theWriterKeepsLinesAndPairsSplitAcrossWritesAndEscapesTheRest() throws Exception {
    StringWriter target = new StringWriter();
    PrintWriter w = new PrintWriter(Escape.writer(target));
    w.print("one\u001b[2J\n");
    w.print("rocket \ud83d");
    w.print("\ude80\tbell\u0007");
    w.println();
    w.close();

    assertThat(target.toString())
        .isEqualTo("one\\u001B[2J\nrocket \ud83d\ude80\tbell\\u0007" + System.lineSeparator());
  }

  @Test
  void jsonThroughTheWriterMeansTheSame() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String value = "x\u202ey\u0085z\u001b";
    StringWriter target = new StringWriter();
    try (PrintWriter w = new PrintWriter(Escape.writer(target))) {
      w.print(json.writeValueAsString(value));
    }

    assertThat(RAW_CONTROL.matcher(target.toString()).find()).isFalse();
    assertThat(json.readValue(target.toString(), String.class)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\\e[31mred\\e[0m", "two\\nlines: info: all good", "rtl\\u202Eexe", "c1\\x9b2J"})
  void aHostileModelNameIsEscapedInTablesAndProblems(String name, @TempDir Path dir)
      throws Exception {
    renamedModel(dir, name);

    Run table = PrismCliTest.prism("points", dir.toString());
    Run json = PrismCliTest.prism("points", dir.toString(), "--json");

    assertThat(table.code()).as(table.err()).isZero();
    assertThat(RAW_CONTROL.matcher(table.out()).find()).as(table.out()).isFalse();
    assertThat(table.out().lines()).hasSize(2); // header and the one point: no forged row
    assertThat(json.code()).isZero();
    assertThat(RAW_CONTROL.matcher(json.out()).find()).isFalse();
    // JSON keeps the name: its escapes decode to the original characters
    String raw = new ObjectMapper().readTree(json.out()).get(0).at("/model/raw").asText();
    assertThat(raw).doesNotContain("\\u").matches("(?s).*[\\x00-\\x1f\\x9b\\u202e].*");
  }

  @Test
  void aFileNameWithANewlineCannotForgeValidateLines(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.json\nfake.json: info: all good"), "{\"not\": \"a result\"}");

    Run r = PrismCliTest.prism("validate", dir.toString());

    assertThat(r.out().lines().filter(l -> l.startsWith("fake.json"))).isEmpty();
    assertThat(r.out()).contains("a.json\\nfake.json: info: all good");
    // one line per problem (under its kind's "# kind: n" heading) and the summary line, however
    // the file is named
    long problems = r.out().lines().filter(l -> !l.startsWith("# ")).count() - 1;
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("0 points, " + problems + " problem");
  }

  @Test
  void anEscapeSequenceInAnArgumentIsEscapedInTheUsageError() {
    Run r = PrismCliTest.prism("points", "--\u001b]0;pwned\u0007", "x");

    assertThat(r.code()).isEqualTo(2);
    assertThat(RAW_CONTROL.matcher(r.err()).find()).isFalse();
    assertThat(r.err()).contains("\\u001B]0;pwned\\u0007");
  }

  @Test
  void aMissingFileWithControlCharactersIsReportedEscaped() {
    Run r = PrismCliTest.prism("points", "/no/such\u001b[2J\nfile.json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(RAW_CONTROL.matcher(r.err()).find()).isFalse();
    assertThat(r.err().strip()).doesNotContain("\n").contains("such\\u001B[2J\\nfile.json");
  }
}
