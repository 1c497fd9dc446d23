package ai.llmd.prism.core.formats;

import ai.llmd.prism.core.internal.Parsing;
import ai.llmd.prism.core.readkit.JsonFields;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * The JSON and YAML mappers every built-in reader shares, configured once: NaN and Infinity tokens
 * are accepted by the parser (so that a reader can report them as problems rather than failing the
 * whole file), duplicate keys are errors, YAML tags are read as plain data (nothing is ever
 * constructed from a tag) and YAML aliases are never expanded, and every size is bounded by the
 * limits below. A file that hits a limit becomes a problem naming it (see {@code docs/limits.md});
 * each limit can be raised for the whole JVM with the system property {@code prism.limits.<name>}
 * that the problem quotes.
 */
public final class Trees {

  /** Deeper documents are refused; no benchmark format nests beyond a dozen levels. */
  public static final int MAX_NESTING_DEPTH = Parsing.MAX_NESTING_DEPTH;

  /** Longest string value, in characters. */
  public static final int MAX_STRING_LENGTH = Parsing.MAX_STRING_LENGTH;

  /** Longest number token, in characters (a longer one is refused, not rounded). */
  public static final int MAX_NUMBER_LENGTH = Parsing.MAX_NUMBER_LENGTH;

  /** Longest member name, in characters. */
  public static final int MAX_NAME_LENGTH = Parsing.MAX_NAME_LENGTH;

  /** Longest YAML document, in code points; JSON has no such limit. */
  public static final int MAX_YAML_CODE_POINTS = Parsing.MAX_YAML_CODE_POINTS;

  /** Longest YAML line, in bytes (SnakeYAML is quadratic in the length of one token). */
  public static final int MAX_YAML_LINE_BYTES = Parsing.MAX_YAML_LINE_BYTES;

  /** Aliases to collections per YAML document (aliases are read as their anchor's name). */
  public static final int MAX_YAML_ALIASES = Parsing.MAX_YAML_ALIASES;

  /** Rows of a CSV or TSV file. */
  public static final int MAX_CSV_RECORDS = Parsing.MAX_CSV_RECORDS;

  private static final ObjectMapper JSON =
      JsonMapper.builder(Parsing.json())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder(Parsing.yaml())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static final CsvMapper CSV = CsvMapper.builder(Parsing.csv()).build();

  private static final ObjectReader JSON_TREES = JSON.readerFor(JsonNode.class);
  private static final ObjectReader YAML_TREES = YAML.readerFor(JsonNode.class);

  private Trees() {}

  /**
   * A reader of JSON trees under the parsing limits (an {@link ObjectReader} is immutable: the
   * mappers behind it stay private, so no caller can reconfigure them for everyone).
   */
  public static ObjectReader jsonReader() {
    return JSON_TREES;
  }

  /** A reader of YAML trees under the parsing limits. */
  public static ObjectReader yamlReader() {
    return YAML_TREES;
  }

  /**
   * Parses JSON, or YAML when the content does not start with '{' or '['. UTF-8, or UTF-16 with or
   * without a byte order mark.
   */
  public static JsonNode parse(byte[] content) throws IOException {
    if (looksLikeJson(content)) {
      return JSON.readTree(content); // Jackson detects UTF-16 and UTF-32 itself
    }
    try (JsonParser p = yamlParser(content)) {
      JsonNode n = YAML.readTree(p);
      if (n != null && p.nextToken() != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            p, "trailing content after the first document");
      }
      return n == null ? YAML.missingNode() : n;
    }
  }

  /** A streaming parser for {@code content}, JSON or YAML as {@link #parse} decides. */
  static JsonParser parser(byte[] content) throws IOException {
    return looksLikeJson(content) ? JSON.getFactory().createParser(content) : yamlParser(content);
  }

  private static JsonParser yamlParser(byte[] content) throws IOException {
    String wide = Parsing.wideText(content);
    if (wide != null) {
      Parsing.checkYamlLines(wide);
      return YAML.getFactory().createParser(wide);
    }
    Parsing.checkYamlLines(content);
    return YAML.getFactory().createParser(content);
  }

  /**
   * What went wrong when {@code e} is a parsing limit being hit, naming the limit (e.g. "nested
   * deeper than 200 levels (Trees.MAX_NESTING_DEPTH; not configurable)"); otherwise {@code
   * fallback}.
   */
  static String limitOr(Throwable e, String fallback) {
    return JsonFields.limitOr(e, fallback);
  }

  /** Whether the first significant character opens a JSON object or array. */
  public static boolean looksLikeJson(byte[] b) {
    String wide = Parsing.wideText(b.length > 256 ? java.util.Arrays.copyOf(b, 256) : b);
    if (wide != null) {
      String s = wide.strip();
      return !s.isEmpty() && (s.charAt(0) == '{' || s.charAt(0) == '[');
    }
    int i = Parsing.bomLength(b) == 3 ? 3 : 0;
    for (; i < b.length; i++) {
      if (!Character.isWhitespace(b[i])) {
        return b[i] == '{' || b[i] == '[';
      }
    }
    return false;
  }
}
