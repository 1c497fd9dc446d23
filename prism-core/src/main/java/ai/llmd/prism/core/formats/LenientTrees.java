package ai.llmd.prism.core.formats;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses JSON or YAML into a tree like {@link Trees#parse}, except that YAML's special floats
 * ({@code .inf}, {@code -.inf}, {@code .nan}) become doubles. Jackson's YAML parser recognises them
 * as floats but then fails to convert them (jackson-dataformats-text#454 family), which would lose
 * a whole BR v0.2 file over one {@code concurrency: .inf}. The tree is built from Jackson's own
 * tokens; nothing here parses text.
 */
final class LenientTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LenientTrees() {}

  /** The document as a tree; JSON goes straight to Jackson, YAML through the lenient builder. */
  static JsonNode parse(byte[] content) throws IOException {
    return parse(content, Set.of());
  }

  /**
   * The document as a tree without the members named in {@code skip} (at any depth): they are still
   * tokenized, so a broken file is still an error, but they cost no nodes. Readers skip the
   * sections they never read, such as time series that can be most of a file.
   */
  static JsonNode parse(byte[] content, Set<String> skip) throws IOException {
    return parse(content, skip, Map.of());
  }

  /**
   * As {@link #parse(byte[], Set)}, and of a mapping named as a key of {@code keepOnly} only the
   * members it lists are built (a report's time series are skipped except its power series).
   */
  static JsonNode parse(byte[] content, Set<String> skip, Map<String, Set<String>> keepOnly)
      throws IOException {
    boolean json = Trees.looksLikeJson(content);
    if (json && skip.isEmpty()) {
      return Trees.jsonReader().readTree(content);
    }
    try (JsonParser p = Trees.parser(content)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return NODES.missingNode();
      }
      JsonNode root = value(p, first, 0, skip, keepOnly, null);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "trailing content after the first document");
      }
      return root;
    }
  }

  private static JsonNode value(
      JsonParser p,
      JsonToken t,
      int depth,
      Set<String> skip,
      Map<String, Set<String>> keepOnly,
      Set<String> only)
      throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    if (depth > Trees.MAX_NESTING_DEPTH) {
      throw new JsonParseException(p, "nested deeper than " + Trees.MAX_NESTING_DEPTH + " levels");
    }
    switch (t) {
      case START_OBJECT:
        {
          ObjectNode o = NODES.objectNode();
          JsonToken n;
          while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (skip.contains(name)
                || (only != null && !only.contains(name))
                || (keepOnly.containsKey(name) && v != JsonToken.START_OBJECT)) {
              p.skipChildren();
            } else {
              Set<String> inner = v == JsonToken.START_OBJECT ? keepOnly.get(name) : null;
              o.set(name, value(p, v, depth + 1, skip, keepOnly, inner));
            }
          }
          if (n != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected end of input inside a mapping");
          }
          return o;
        }
      case START_ARRAY:
        {
          ArrayNode a = NODES.arrayNode();
          JsonToken n;
          while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
              throw new JsonParseException(p, "unexpected end of input inside a sequence");
            }
            a.add(value(p, n, depth + 1, skip, keepOnly, null));
          }
          return a;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        try {
          return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
        } catch (StreamReadException | NumberFormatException e) {
          return NODES.textNode(p.getText());
        }
      case VALUE_NUMBER_FLOAT:
        try {
          return NODES.numberNode(p.getDoubleValue());
        } catch (StreamReadException | NumberFormatException e) {
          return special(p.getText());
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // an embedded object (YAML !!binary) or anything else scalar: keep its text
        return NODES.textNode(p.getText());
    }
  }

  private static JsonNode special(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case ".inf", "+.inf" -> NODES.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan" -> NODES.numberNode(Double.NaN);
      default -> NODES.textNode(text);
    };
  }
}
