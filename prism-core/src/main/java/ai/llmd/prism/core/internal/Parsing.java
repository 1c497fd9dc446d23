package ai.llmd.prism.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The parser factories, limits and encoding detection shared by the sniffer and every built-in
 * reader (through {@code Trees}), so that one hostile file meets the same bounds whichever code
 * looks at it. The limits are documented in {@code docs/limits.md}; {@code Trees} re-exports them
 * under the names problems quote.
 */
public final class Parsing {

  /** System properties {@code prism.limits.<name>} raise (or lower) a limit for the whole JVM. */
  public static final String PROPERTY_PREFIX = "prism.limits.";

  /** Deeper documents are refused; no benchmark format nests beyond a dozen levels. */
  public static final int MAX_NESTING_DEPTH = limit("nestingDepth", 200);

  /** Longest string value, in characters (Jackson's default is 20,000,000). */
  public static final int MAX_STRING_LENGTH = limit("stringLength", 5_000_000);

  /** Longest number token, in characters (Jackson's default). */
  public static final int MAX_NUMBER_LENGTH = limit("numberLength", 1000);

  /** Longest member name, in characters (Jackson's default). */
  public static final int MAX_NAME_LENGTH = limit("nameLength", 50_000);

  /** Longest YAML document, in code points (SnakeYAML's default is 3 Mi). */
  public static final int MAX_YAML_CODE_POINTS = limit("yamlCodePoints", 16 << 20);

  /**
   * Longest YAML line, in bytes. SnakeYAML re-copies its window for every 1 KiB of a token it is
   * still scanning, so one long comment or scalar costs time quadratic in its length (a 4 MB
   * comment line took 15 s): long lines are refused before SnakeYAML sees them.
   */
  public static final int MAX_YAML_LINE_BYTES = limit("yamlLineBytes", 256 << 10);

  /** Aliases to collections per YAML document; Jackson never expands aliases anyway. */
  public static final int MAX_YAML_ALIASES = limit("yamlAliases", 50);

  /** Rows of a CSV or TSV file. */
  public static final int MAX_CSV_RECORDS = limit("csvRecords", 1_000_000);

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .build();

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(CONSTRAINTS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(CONSTRAINTS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  // the sniffer reads past duplicate keys, so that the reader that claims the file reports them
  private static final JsonFactory SNIFF_JSON =
      JsonFactory.builder()
          .streamReadConstraints(CONSTRAINTS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private static final YAMLFactory SNIFF_YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(CONSTRAINTS)
          .build();

  private static final CsvFactory CSV =
      CsvFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private Parsing() {}

  private static int limit(String name, int defaultValue) {
    Integer v = Integer.getInteger(PROPERTY_PREFIX + name);
    return v != null && v > 0 ? v : defaultValue;
  }

  /** " (Trees.X; raise it with -Dprism.limits.y=N)": how a problem names a limit. */
  public static String howToRaise(String constant, String property) {
    return " (Trees." + constant + "; raise it with -D" + PROPERTY_PREFIX + property + "=N)";
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_YAML_CODE_POINTS);
    o.setMaxAliasesForCollections(MAX_YAML_ALIASES);
    o.setAllowRecursiveKeys(false);
    o.setNestingDepthLimit(MAX_NESTING_DEPTH);
    return o;
  }

  /** The JSON factory: NaN and Infinity accepted, duplicate keys refused, bounded. */
  public static JsonFactory json() {
    return JSON;
  }

  /** The YAML factory: tags read as data, aliases never expanded, bounded. */
  public static YAMLFactory yaml() {
    return YAML;
  }

  /** The JSON factory for sniffing: bounded the same, but duplicate keys pass. */
  public static JsonFactory sniffJson() {
    return SNIFF_JSON;
  }

  /** The YAML factory for sniffing: bounded the same, but duplicate keys pass. */
  public static YAMLFactory sniffYaml() {
    return SNIFF_YAML;
  }

  /** The CSV factory, bounded like the others. */
  public static CsvFactory csv() {
    return CSV;
  }

  /**
   * The charset of {@code b}: by byte order mark, else UTF-16 when every other byte of the first
   * two characters is zero (ASCII text written as UTF-16 without a mark), else UTF-8.
   */
  public static Charset charset(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
      return StandardCharsets.UTF_16BE;
    }
    return StandardCharsets.UTF_8;
  }

  /** The length of the byte order mark {@code b} starts with (UTF-8 or UTF-16), or 0. */
  public static int bomLength(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return 3;
    }
    if (b.length >= 2
        && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)
            || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
      return 2;
    }
    return 0;
  }

  /**
   * {@code b} as text, without its byte order mark, when it is UTF-16; {@code null} when it is
   * UTF-8 (parse the bytes directly then). A trailing half character is dropped.
   */
  public static String wideText(byte[] b) {
    Charset cs = charset(b);
    if (cs == StandardCharsets.UTF_8) {
      return null;
    }
    int start = bomLength(b);
    int len = b.length - start;
    return new String(b, start, len - len % 2, cs);
  }

  /** Refuses YAML text with a line longer than {@link #MAX_YAML_LINE_BYTES}. */
  public static void checkYamlLines(byte[] b) throws StreamConstraintsException {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        if (i - start > MAX_YAML_LINE_BYTES) {
          throw new StreamConstraintsException(yamlLine(line));
        }
        line++;
        start = i + 1;
      }
    }
  }

  /** The same for decoded text; the bound is applied to characters. */
  public static void checkYamlLines(String s) throws StreamConstraintsException {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '\n') {
        if (i - start > MAX_YAML_LINE_BYTES) {
          throw new StreamConstraintsException(yamlLine(line));
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static String yamlLine(int line) {
    return "line "
        + line
        + " is longer than "
        + MAX_YAML_LINE_BYTES
        + " bytes, the limit for YAML"
        + howToRaise("MAX_YAML_LINE_BYTES", "yamlLineBytes")
        + "; or save the file as JSON, which has no such limit";
  }

  /**
   * What went wrong when {@code e} (or one of its causes) is a parsing limit being hit, naming the
   * limit and how to raise it; {@code null} for any other failure.
   */
  public static String limitHit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      if (t instanceof StreamConstraintsException && m.startsWith("line ")) {
        return m; // our own YAML line check, already worded
      }
      if (m.contains("getMaxNestingDepth")) {
        return "nested deeper than "
            + MAX_NESTING_DEPTH
            + " levels"
            + howToRaise("MAX_NESTING_DEPTH", "nestingDepth");
      }
      if (m.contains("getMaxStringLength")) {
        return "a string longer than "
            + MAX_STRING_LENGTH
            + " characters"
            + howToRaise("MAX_STRING_LENGTH", "stringLength");
      }
      if (m.contains("getMaxNumberLength")) {
        return "a number longer than "
            + MAX_NUMBER_LENGTH
            + " characters"
            + howToRaise("MAX_NUMBER_LENGTH", "numberLength");
      }
      if (m.contains("getMaxNameLength")) {
        return "a member name longer than "
            + MAX_NAME_LENGTH
            + " characters"
            + howToRaise("MAX_NAME_LENGTH", "nameLength");
      }
      if (m.toLowerCase(Locale.ROOT).contains("exceeds the limit") && m.contains("code points")) {
        return "a YAML document longer than "
            + MAX_YAML_CODE_POINTS
            + " characters"
            + howToRaise("MAX_YAML_CODE_POINTS", "yamlCodePoints")
            + "; or save the file as JSON, which has no such limit";
      }
      if (m.contains("Number of aliases")) {
        return "more than "
            + MAX_YAML_ALIASES
            + " YAML aliases to collections"
            + howToRaise("MAX_YAML_ALIASES", "yamlAliases");
      }
    }
    return null;
  }
}
