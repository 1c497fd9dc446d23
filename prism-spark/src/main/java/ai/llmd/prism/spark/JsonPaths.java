package ai.llmd.prism.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Spark hands {@code load(a, b, …)} over as a JSON array of strings in the {@code paths} option.
 */
final class JsonPaths {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonPaths() {}

  static List<String> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("option 'paths' is not a JSON list of paths: " + json, e);
    }
  }
}
