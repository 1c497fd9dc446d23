package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.Statistic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads numbers and distributions out of a parsed tree, reporting every value that is not a finite
 * non-negative number as a problem at its JSON pointer and leaving it out, never guessing.
 */
final class Values {

  private Values() {}

  /** Maps a source's statistic key to a {@link Statistic}. */
  interface StatKeys {
    /**
     * The statistic {@code key} names, or {@code null} for a key that is not a statistic the model
     * keeps; {@link #ignored} tells the two apart.
     */
    Statistic statistic(String key);

    /** Whether {@code key} is known and deliberately not a statistic (a count, a mode, a rate). */
    boolean ignored(String key);
  }

  /** Escapes one JSON-pointer segment (RFC 6901). */
  static String seg(String name) {
    return name.indexOf('~') < 0 && name.indexOf('/') < 0
        ? name
        : name.replace("~", "~0").replace("/", "~1");
  }

  /** {@code pointer + "/" + name}, escaped. */
  static String at(String pointer, String name) {
    return pointer + "/" + seg(name);
  }

  /** The text of a string member, or {@code null} when absent, null or not a scalar. */
  static String text(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * A member that is an object, or {@code null}; a member of another type is reported as an error
   * at {@code pointer/field}, since what it should have held is lost.
   */
  static JsonNode object(JsonNode parent, String field, String pointer, Issues issues) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      issues.error(at(pointer, field), "expected an object, found " + describe(n) + "; not read");
      return null;
    }
    return n;
  }

  /** A member that is an object, or {@code null}. */
  static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return n != null && n.isObject() ? n : null;
  }

  /**
   * A non-negative finite number, or {@code null} when the member is absent or null. Anything else
   * is reported as an error at its pointer and gives {@code null}.
   */
  static Double number(JsonNode parent, String field, String pointer, Issues issues) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return check(n, pointer, field, issues);
  }

  /** Checks one node already found at {@code pointer}. */
  static Double check(JsonNode n, String pointer, Issues issues) {
    return check(n, pointer, null, issues);
  }

  /**
   * Checks the node at {@code parent/field} ({@code field} may be null); the pointer is only built
   * for a message, as this runs for every statistic of every file.
   */
  private static Double check(JsonNode n, String parent, String field, Issues issues) {
    if (n.isNumber()) {
      double v = n.doubleValue();
      if (v >= 0 && v <= Double.MAX_VALUE) {
        return v;
      }
    }
    String pointer = field == null ? parent : at(parent, field);
    if (!n.isNumber()) {
      issues.error(pointer, "expected a number, found " + describe(n) + "; not read");
    } else if (!Double.isFinite(n.doubleValue())) {
      issues.error(pointer, "expected a finite number, found " + n.doubleValue() + "; not read");
    } else {
      issues.error(pointer, "must not be negative, was " + n.asText() + "; not read");
    }
    return null;
  }

  /** A count: a non-negative whole number, else reported and {@code null}. */
  static Double count(JsonNode parent, String field, String pointer, Issues issues) {
    Double v = number(parent, field, pointer, issues);
    if (v != null && v != Math.rint(v)) {
      issues.error(at(pointer, field), "expected a whole number, was " + v + "; not read");
      return null;
    }
    return v;
  }

  /**
   * Reads the statistics of a distribution object, each multiplied by {@code factor} (the unit
   * conversion). Returns {@code null} when the member is absent, null, or has no usable statistic.
   */
  static Distribution distribution(
      JsonNode parent, String field, String pointer, double factor, StatKeys keys, Issues issues) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String p = at(pointer, field);
    if (!n.isObject()) {
      issues.error(p, "expected an object of statistics, found " + describe(n) + "; not read");
      return null;
    }
    Distribution.Builder b = Distribution.builder();
    collect(n, p, factor, keys, issues, b);
    return b.isEmpty() ? null : b.build();
  }

  /** Adds the statistics of {@code node} to {@code b}; nested objects are read only when asked. */
  static void collect(
      JsonNode node,
      String pointer,
      double factor,
      StatKeys keys,
      Issues issues,
      Distribution.Builder b) {
    for (var e : node.properties()) {
      String key = e.getKey();
      Statistic s = keys.statistic(key);
      if (s == null) {
        if (!keys.ignored(key) && !e.getValue().isNull()) {
          issues.info(at(pointer, key), "'" + key + "' has no canonical statistic; not kept");
        }
        continue;
      }
      if (e.getValue().isNull()) {
        continue;
      }
      Double v = check(e.getValue(), pointer, key, issues);
      if (v != null) {
        put(b, s, v * factor, pointer, key, issues);
      }
    }
  }

  /**
   * Sets a statistic once; a second, equal spelling (median and p50) is fine, a different one not.
   */
  static void put(Distribution.Builder b, Statistic s, double v, String pointer, Issues issues) {
    put(b, s, v, pointer, null, issues);
  }

  private static void put(
      Distribution.Builder b, Statistic s, double v, String parent, String key, Issues issues) {
    if (!Double.isFinite(v)) {
      issues.error(
          key == null ? parent : at(parent, key),
          "too large once converted to canonical units; not read");
      return;
    }
    try {
      b.put(s, v);
    } catch (IllegalArgumentException alreadySet) {
      double old = b.build().get(s).getAsDouble();
      if (Math.abs(old - v) > 1e-9 * Math.max(1, Math.abs(old))) {
        issues.warning(
            key == null ? parent : at(parent, key),
            s.key() + " is given twice (" + old + " and " + v + "); kept the first");
      }
    }
  }

  /** Puts a measured value when there is one. */
  static void measured(Metrics.Builder m, Metric metric, Distribution d) {
    if (d != null) {
      m.put(MetricValue.measured(metric, d));
    }
  }

  /** Puts a measured single value when there is one. */
  static void measured(Metrics.Builder m, Metric metric, Double mean) {
    if (mean != null) {
      m.put(MetricValue.measured(metric, mean));
    }
  }

  /** A short description of a node's type, for messages. */
  static String describe(JsonNode n) {
    if (n.isTextual()) {
      String t = n.asText();
      return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A parse failure as a problem location ("line 3, column 7") and message. */
  static void parseError(Issues issues, IOException e) {
    String loc = "";
    String msg = e.getMessage();
    if (e instanceof JsonProcessingException jpe) {
      msg = jpe.getOriginalMessage();
      if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
        loc =
            "line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
      }
    }
    issues.error(loc, Trees.limitOr(e, "not valid JSON or YAML: " + msg));
  }

  /** Percentile {@code q} (0.1, 1, 5 … 99.9) as a statistic, or {@code null} when not canonical. */
  static Statistic percentile(double q) {
    if (q == 0.1) {
      return Statistic.P0_1;
    }
    if (q == 99.9) {
      return Statistic.P99_9;
    }
    if (q != Math.rint(q)) {
      return null;
    }
    return switch ((int) q) {
      case 1 -> Statistic.P1;
      case 5 -> Statistic.P5;
      case 10 -> Statistic.P10;
      case 25 -> Statistic.P25;
      case 50 -> Statistic.P50;
      case 75 -> Statistic.P75;
      case 90 -> Statistic.P90;
      case 95 -> Statistic.P95;
      case 99 -> Statistic.P99;
      default -> null;
    };
  }

  /** Parses {@code "p99.9"}-style keys (a {@code p} and a decimal number), else {@code null}. */
  static Statistic pKey(String key) {
    if (key.length() < 2 || key.charAt(0) != 'p') {
      return null;
    }
    String q = key.substring(1);
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return null;
      }
    }
    try {
      return percentile(Double.parseDouble(q));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
