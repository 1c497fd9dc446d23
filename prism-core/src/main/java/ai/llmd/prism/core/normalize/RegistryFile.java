package ai.llmd.prism.core.normalize;

import ai.llmd.prism.core.formats.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a registry file (JSON or YAML; JSON is YAML) and checks its shape. A registry is
 * configuration, not benchmark data, so a broken one is an {@link IllegalArgumentException} naming
 * the file and the field: it must be fixed, not skipped.
 */
final class RegistryFile {

  final String name;
  final JsonNode root;

  private RegistryFile(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  static RegistryFile read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": could not be read", e);
    }
  }

  static RegistryFile read(InputStream in, String name) {
    JsonNode root;
    try {
      root = Trees.yamlReader().readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": not valid JSON or YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(name + ": a registry must be an object");
    }
    RegistryFile f = new RegistryFile(name, root);
    f.text(root, "/version", true);
    return f;
  }

  static RegistryFile resource(String resource) {
    try (InputStream in = RegistryFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in registry missing from the class path: " + resource);
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  String version() {
    return root.get("version").asText();
  }

  /** The objects of the array {@code field}, each with its JSON pointer; empty when absent. */
  List<Item> items(String field) {
    JsonNode a = root.get(field);
    List<Item> out = new ArrayList<>();
    if (a == null || a.isNull()) {
      return out;
    }
    if (!a.isArray()) {
      throw bad("/" + field, "must be an array");
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode n = a.get(i);
      String at = "/" + field + "/" + i;
      if (!n.isObject()) {
        throw bad(at, "must be an object");
      }
      out.add(new Item(n, at));
    }
    return out;
  }

  /** One entry of a registry file. */
  final class Item {
    final JsonNode node;
    final String at;

    Item(JsonNode node, String at) {
      this.node = node;
      this.at = at;
    }

    String text(String field, boolean required) {
      return RegistryFile.this.text(node, at + "/" + field, required);
    }

    Double positive(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber() || !(v.asDouble() > 0)) {
        throw RegistryFile.this.bad(at + "/" + field, "must be a positive number");
      }
      return v.asDouble();
    }

    Integer count(String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
        throw RegistryFile.this.bad(at + "/" + field, "must be a whole number of at least 1");
      }
      return v.asInt();
    }

    List<String> texts(String field) {
      JsonNode v = node.get(field);
      List<String> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isArray()) {
        throw RegistryFile.this.bad(at + "/" + field, "must be an array of strings");
      }
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
          throw RegistryFile.this.bad(at + "/" + field + "/" + i, "must be a non-blank string");
        }
        out.add(v.get(i).asText().strip());
      }
      return out;
    }

    IllegalArgumentException bad(String what) {
      return RegistryFile.this.bad(at, what);
    }
  }

  private String text(JsonNode parent, String pointer, boolean required) {
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(pointer, "is required");
      }
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw bad(pointer, "must be a non-blank string");
    }
    return v.asText().strip();
  }

  IllegalArgumentException bad(String pointer, String what) {
    return new IllegalArgumentException(name + ":" + pointer + ": " + what);
  }
}
