package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column mapping file ({@code prism-mapping.yaml}, YAML or JSON), parsed and checked: which
 * column holds each scenario field and each metric, the unit of every metric (stated here, or read
 * from a units row or a header suffix the mapping declares), constant fields and label columns.
 * Every mistake is a problem naming the mapping file and the key.
 */
final class ColumnMapping {

  /** The scenario fields a column or a constant may give. */
  enum Field {
    MODEL(false),
    ACCELERATOR(false),
    ACCELERATOR_COUNT(true),
    ENGINE(false),
    ENGINE_VERSION(false),
    DATASET(false),
    ISL(true),
    OSL(true),
    CONCURRENCY(true),
    REQUEST_RATE(true),
    TP(true),
    REPLICAS(true);

    final boolean numeric;

    Field(boolean numeric) {
      this.numeric = numeric;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Field byKey(String key) {
      for (Field f : values()) {
        if (f.key().equals(key)) {
          return f;
        }
      }
      return null;
    }
  }

  /** How metric units reach the reader when a metric does not state its own. */
  enum UnitSource {
    MAPPING,
    ROW,
    SUFFIX
  }

  /** One metric column; {@code unit} is null when it comes from the units row or header. */
  record MetricColumn(String key, String column, Metric metric, Statistic statistic, String unit) {}

  private static final Set<String> TOP_KEYS =
      Set.of(
          "version",
          "header_row",
          "units",
          "units_row",
          "columns",
          "constants",
          "metrics",
          "labels");

  final String name;
  final int headerRow;
  final UnitSource units;
  final int unitsRow;
  final Map<Field, String> columns;
  final Map<Field, String> constants;
  final List<MetricColumn> metrics;
  final Map<String, String> labels;

  private ColumnMapping(
      String name,
      int headerRow,
      UnitSource units,
      int unitsRow,
      Map<Field, String> columns,
      Map<Field, String> constants,
      List<MetricColumn> metrics,
      Map<String, String> labels) {
    this.name = name;
    this.headerRow = headerRow;
    this.units = units;
    this.unitsRow = unitsRow;
    this.columns = columns;
    this.constants = constants;
    this.metrics = metrics;
    this.labels = labels;
  }

  /** A mapping, or null with every reason in {@code problems}. */
  static ColumnMapping parse(String name, byte[] content, List<Problem> problems) {
    JsonNode root;
    try {
      root = Trees.parse(content);
    } catch (Exception e) {
      problems.add(
          Problem.error(
              name, "", "not a readable YAML or JSON mapping: " + firstLine(e.getMessage())));
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(Problem.error(name, "", "a mapping must be a YAML or JSON object of keys"));
      return null;
    }
    Checker c = new Checker(name, problems);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!TOP_KEYS.contains(k)) {
        c.error(k, "unknown key (known: " + sorted(TOP_KEYS) + ")");
      }
    }
    if (root.has("version") && !root.get("version").asText().equals("1")) {
      c.error("version", "'" + root.get("version").asText() + "' is not a known version (1)");
    }
    int headerRow = c.positive(root.get("header_row"), "header_row", 1);
    UnitSource units = UnitSource.MAPPING;
    JsonNode u = root.get("units");
    if (u != null) {
      switch (u.asText()) {
        case "mapping" -> units = UnitSource.MAPPING;
        case "row" -> units = UnitSource.ROW;
        case "suffix" -> units = UnitSource.SUFFIX;
        default -> c.error("units", "'" + u.asText() + "' is not one of mapping, row, suffix");
      }
    }
    int unitsRow = c.positive(root.get("units_row"), "units_row", headerRow + 1);
    if (root.has("units_row") && units != UnitSource.ROW) {
      c.error("units_row", "given, but units is not 'row'");
    }
    if (units == UnitSource.ROW && unitsRow == headerRow) {
      c.error("units_row", "is the header row");
    }

    Map<Field, String> columns = new EnumMap<>(Field.class);
    for (Map.Entry<String, JsonNode> e : c.object(root.get("columns"), "columns").entrySet()) {
      Field f = Field.byKey(e.getKey());
      String key = "columns." + e.getKey();
      if (f == null) {
        c.error(key, "unknown field (known: " + fieldKeys() + ")");
      } else if (c.text(e.getValue(), key) != null) {
        columns.put(f, e.getValue().asText().strip());
      }
    }
    Map<Field, String> constants = new EnumMap<>(Field.class);
    for (Map.Entry<String, JsonNode> e : c.object(root.get("constants"), "constants").entrySet()) {
      Field f = Field.byKey(e.getKey());
      String key = "constants." + e.getKey();
      if (f == null) {
        c.error(key, "unknown field (known: " + fieldKeys() + ")");
        continue;
      }
      String v = c.text(e.getValue(), key);
      if (v == null) {
        continue;
      }
      if (columns.containsKey(f)) {
        c.error(key, "also given as columns." + f.key() + "; keep one");
      } else if (f.numeric && !(DelimitedText.number(v, false) >= 0)) {
        c.error(key, "'" + v + "' is not a non-negative number");
      } else {
        constants.put(f, v.strip());
      }
    }
    if (!columns.containsKey(Field.MODEL) && !constants.containsKey(Field.MODEL)) {
      c.error("columns.model", "required (or constants.model): every point needs a model");
    }

    List<MetricColumn> metrics = new ArrayList<>();
    JsonNode ms = root.get("metrics");
    if (ms == null || !ms.isArray() || ms.isEmpty()) {
      c.error("metrics", "required: a list of {column, metric, statistic, unit}");
    } else {
      for (int i = 0; i < ms.size(); i++) {
        MetricColumn m = metric(ms.get(i), "metrics[" + i + "]", units, c);
        if (m != null) {
          metrics.add(m);
        }
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.object(root.get("labels"), "labels").entrySet()) {
      String v = c.text(e.getValue(), "labels." + e.getKey());
      if (v != null) {
        labels.put(e.getKey(), v.strip());
      }
    }
    if (c.failed) {
      return null;
    }
    return new ColumnMapping(
        name, headerRow, units, unitsRow, columns, constants, List.copyOf(metrics), labels);
  }

  private static MetricColumn metric(JsonNode m, String key, UnitSource units, Checker c) {
    if (m == null || !m.isObject()) {
      c.error(key, "must be an object {column, metric, statistic, unit}");
      return null;
    }
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("column", "metric", "statistic", "unit").contains(k)) {
        c.error(key + "." + k, "unknown key (known: column, metric, statistic, unit)");
      }
    }
    String column = c.text(m.get("column"), key + ".column");
    String metricKey = c.text(m.get("metric"), key + ".metric");
    Metric metric = null;
    if (metricKey != null) {
      metric = Metric.byKey(metricKey.strip()).orElse(null);
      if (metric == null) {
        c.error(
            key + ".metric",
            "'"
                + metricKey
                + "' is not a metric (known: "
                + Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "))
                + ")");
      }
    }
    Statistic statistic = Statistic.MEAN;
    if (m.has("statistic")) {
      String s = c.text(m.get("statistic"), key + ".statistic");
      statistic = s == null ? null : Statistic.byKey(s.strip()).orElse(null);
      if (s != null && statistic == null) {
        c.error(key + ".statistic", "'" + s + "' is not a statistic (mean, p50, p90, p99, …)");
      }
    }
    String unit = null;
    if (m.has("unit")) {
      unit = c.text(m.get("unit"), key + ".unit");
      if (unit != null && metric != null && !convertible(unit, metric)) {
        c.error(
            key + ".unit",
            "'" + unit + "' is not a unit of " + metric.key() + " (" + metric.unit() + ")");
      }
    } else if (units == UnitSource.MAPPING) {
      c.error(
          key + ".unit",
          "required: units are never guessed (or declare units: row or units: suffix)");
    }
    if (column == null || metric == null || statistic == null) {
      return null;
    }
    return new MetricColumn(key, column.strip(), metric, statistic, unit);
  }

  /** Whether a value in {@code unit} can be turned into {@code metric}'s canonical unit. */
  static boolean convertible(String unit, Metric metric) {
    return metric.unit().factorFrom(unit).isPresent();
  }

  private static String fieldKeys() {
    return Arrays.stream(Field.values()).map(Field::key).collect(Collectors.joining(", "));
  }

  private static String sorted(Set<String> s) {
    return s.stream().sorted().collect(Collectors.joining(", "));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Collects problems located at a key of the mapping file. */
  private static final class Checker {
    final String name;
    final List<Problem> problems;
    boolean failed;

    Checker(String name, List<Problem> problems) {
      this.name = name;
      this.problems = problems;
    }

    void error(String key, String message) {
      problems.add(Problem.error(name, key, message));
      failed = true;
    }

    String text(JsonNode n, String key) {
      if (n == null || n.isNull()) {
        error(key, "required");
        return null;
      }
      if (!n.isValueNode() || n.asText().isBlank()) {
        error(key, "must be a non-empty text or number");
        return null;
      }
      return n.asText();
    }

    int positive(JsonNode n, String key, int fallback) {
      if (n == null) {
        return fallback;
      }
      if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
        error(key, "must be a row number from 1, was '" + n.asText() + "'");
        return fallback;
      }
      return n.asInt();
    }

    Map<String, JsonNode> object(JsonNode n, String key) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      if (n == null) {
        return out;
      }
      if (!n.isObject()) {
        error(key, "must be a map of field: value");
        return out;
      }
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
  }
}
