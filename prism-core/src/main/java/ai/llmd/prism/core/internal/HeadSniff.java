package ai.llmd.prism.core.internal;

import ai.llmd.prism.spi.Sniff;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shared sample every reader's {@code detect} sees. The top-level members are parsed once,
 * lazily, from the head only, and a truncated head simply yields the members read before the cut.
 */
public final class HeadSniff implements Sniff {

  /** How much of an input readers get to look at. */
  public static final int HEAD_BYTES = 64 * 1024;

  // the readers' own factories, with their limits: a hostile head meets the same bounds
  private static final JsonFactory JSON = Parsing.sniffJson();
  private static final YAMLFactory YAML = Parsing.sniffYaml();

  private final String fileName;
  private final byte[] head;
  private final boolean complete;
  private Map<String, String> topLevel;
  private Set<String> firstElementKeys;

  /** Samples {@code content}; only the first {@link #HEAD_BYTES} are kept. */
  public HeadSniff(String fileName, byte[] content) {
    this.fileName = fileName;
    this.complete = content.length <= HEAD_BYTES;
    this.head = complete ? content : Arrays.copyOf(content, HEAD_BYTES);
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public byte[] head() {
    return head;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  @Override
  public synchronized Map<String, String> topLevel() {
    if (topLevel == null) {
      parse();
    }
    return topLevel;
  }

  @Override
  public synchronized Set<String> firstElementKeys() {
    if (firstElementKeys == null) {
      parse();
    }
    return firstElementKeys;
  }

  private void parse() {
    Map<String, String> members = new LinkedHashMap<>();
    Set<String> elementKeys = new LinkedHashSet<>();
    // Decoded leniently (a bad byte becomes U+FFFD), so that a file with one bad character is
    // still recognised and its reader can say where the character is.
    String wide = Parsing.wideText(head); // UTF-16, with or without a byte order mark
    int bom = Parsing.bomLength(head);
    String text =
        wide != null ? wide : new String(head, bom, head.length - bom, StandardCharsets.UTF_8);
    int start = firstSignificantChar(text);
    if (start >= 0) {
      boolean json = text.charAt(start) == '{' || text.charAt(start) == '[';
      String s = text.substring(start);
      try (JsonParser p = json ? JSON.createParser(s) : YAML.createParser(s)) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
              members.put(name, "{}");
              p.skipChildren();
            } else if (v == JsonToken.START_ARRAY) {
              members.put(name, "[]");
              p.skipChildren();
            } else if (v != null) {
              members.put(name, v == JsonToken.VALUE_NULL ? "" : p.getText());
            }
          }
        } else if (t == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            elementKeys.add(p.currentName());
            p.nextToken();
            p.skipChildren();
          }
        }
      } catch (IOException | RuntimeException e) {
        // A cut or malformed head: keep what was read before the fault.
      }
    }
    topLevel = Collections.unmodifiableMap(members);
    firstElementKeys = Collections.unmodifiableSet(elementKeys);
  }

  private static int firstSignificantChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
