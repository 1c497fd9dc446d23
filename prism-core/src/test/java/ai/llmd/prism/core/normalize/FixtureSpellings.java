package ai.llmd.prism.core.normalize;

import ai.llmd.prism.core.formats.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Collects every model and accelerator spelling in the public fixtures: from JSON and YAML trees by
 * field name, and from the MLPerf CSV exports by column. Test helper; reads, never copies.
 */
final class FixtureSpellings {

  private static final Set<String> MODEL_FIELDS =
      Set.of(
          "model",
          "model_name",
          "model_id",
          "modelName",
          "pretrained_model_name_or_path",
          "backend_model");
  private static final Set<String> ACCELERATOR_FIELDS =
      Set.of("hardware", "accelerator_type", "acceleratorType");

  final Set<String> models = new TreeSet<>();
  final Set<String> accelerators = new TreeSet<>();

  static FixtureSpellings of(Path root) throws IOException {
    FixtureSpellings s = new FixtureSpellings();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.equals("arena_scores.json")) {
        continue; // quality scores keyed by chat-model names, not benchmark outputs
      }
      if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
        // Only string values matter here; YAML's .inf (which Jackson does not parse) is not one.
        JsonNode tree =
            name.endsWith(".json")
                ? Trees.jsonReader().readTree(Files.readAllBytes(f))
                : Trees.yamlReader()
                    .readTree(
                        Files.readString(f).replaceAll("(?m):\\s*[-+]?\\.inf\\s*$", ": null"));
        s.walk(tree, false, false, null);
      } else if (f.toString().contains("mlperf-data") && name.startsWith("mlperf-")) {
        s.mlperf(f);
      }
    }
    return s;
  }

  private void walk(JsonNode n, boolean underAccelerator, boolean underTokenizer, String key) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (v.isTextual()) {
          if (ACCELERATOR_FIELDS.contains(k) || (k.equals("model") && underAccelerator)) {
            accelerators.add(v.asText());
          } else if (MODEL_FIELDS.contains(k) && !underTokenizer) {
            models.add(v.asText());
          } else if (k.equals("name") && "model".equals(key)) {
            models.add(v.asText());
          }
        } else {
          walk(
              v,
              underAccelerator || k.contains("accelerator"),
              underTokenizer || k.equals("tokenizer"),
              k);
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        walk(c, underAccelerator, underTokenizer, key);
      }
    }
  }

  /** The v5.x pivot exports (UTF-8, comma) and the v6.0 flat export (UTF-16 with BOM, tab). */
  private void mlperf(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    boolean utf16 = bytes.length > 1 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe;
    String text =
        utf16
            ? new String(bytes, StandardCharsets.UTF_16)
            : new String(bytes, StandardCharsets.UTF_8);
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        mapper
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema().withColumnSeparator(utf16 ? '\t' : ','))
            .readValues(text)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    int header = -1;
    for (int i = 0; i < rows.size() && header < 0; i++) {
      if (rows.get(i).length > 0 && rows.get(i)[0].strip().equals("Public ID")) {
        header = i;
      }
    }
    String[] h = rows.get(header);
    for (int c = 0; c < h.length; c++) {
      String col = h[c].strip();
      if (col.equals("Accelerator") || col.startsWith("Accelerator (")) {
        for (int r = header + 1; r < rows.size(); r++) {
          addIfText(accelerators, rows.get(r), c);
        }
      }
      if (col.equals("Model MLC")) {
        for (int r = header + 1; r < rows.size(); r++) {
          addIfText(models, rows.get(r), c);
        }
      }
    }
    if (!utf16) { // pivot: model names on the third row, from the "Benchmark / Model" column on
      int start = -1;
      for (int c = 0; c < rows.get(0).length; c++) {
        if (rows.get(0)[c].contains("Model MLC")) {
          start = c;
        }
      }
      for (int c = start; c < rows.get(2).length; c++) {
        addIfText(models, rows.get(2), c);
      }
    }
  }

  private static void addIfText(Set<String> into, String[] row, int c) {
    if (c < row.length && !row[c].isBlank()) {
      into.add(row[c].strip());
    }
  }
}
