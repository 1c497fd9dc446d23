package ai.llmd.prism.core.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * The JSON and YAML mappers every built-in reader shares, configured once: NaN and Infinity tokens
 * are accepted by the parser (so that a reader can report them as problems rather than failing the
 * whole file), duplicate keys are errors, nesting and sizes are bounded, and doubles are parsed
 * with Jackson's fast parser (reports are mostly 17-digit doubles; same values, a few times
 * faster).
 */
public final class Trees {

  /** Deeper documents are refused; no benchmark format nests beyond a dozen levels. */
  public static final int MAX_NESTING_DEPTH = 200;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();

  public static final ObjectMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  public static final ObjectMapper YAML =
      YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Trees() {}

  /** Parses JSON, or YAML when the content does not start with '{' or '['. */
  public static JsonNode parse(byte[] content) throws IOException {
    return looksLikeJson(content) ? JSON.readTree(content) : YAML.readTree(content);
  }

  /** Whether the first significant byte opens a JSON object or array. */
  public static boolean looksLikeJson(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < b.length; i++) {
      if (!Character.isWhitespace(b[i])) {
        return b[i] == '{' || b[i] == '[';
      }
    }
    return false;
  }
}
