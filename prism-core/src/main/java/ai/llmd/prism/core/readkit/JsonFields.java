package ai.llmd.prism.core.readkit;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.internal.Parsing;
import ai.llmd.prism.spi.ReadContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Tolerant access to a parsed JSON or YAML tree for {@link ai.llmd.prism.spi.FormatReader}s: every
 * member that is of the wrong type, not a finite non-negative number, or missing when required is
 * reported to the {@link ReadContext} as a problem at its JSON pointer (RFC 6901) and read as
 * {@code null}, so that the caller keeps everything else and never guesses. Values are quoted as
 * the file wrote them. The built-in readers use it; so may any plugin that parses with Jackson.
 *
 * @since 0.2
 */
public final class JsonFields {

  private JsonFields() {}

  /** Maps a source's statistic key to a {@link Statistic}. */
  public interface StatKeys {
    /**
     * The statistic {@code key} names, or {@code null} for a key that is not a statistic the model
     * keeps; {@link #ignored} tells the two apart.
     */
    Statistic statistic(String key);

    /** Whether {@code key} is known and deliberately not a statistic (a count, a mode, a rate). */
    boolean ignored(String key);
  }

  /** Escapes one JSON-pointer segment (RFC 6901). */
  public static String seg(String name) {
    return name.indexOf('~') < 0 && name.indexOf('/') < 0
        ? name
        : name.replace("~", "~0").replace("/", "~1");
  }

  /** {@code pointer + "/" + name}, escaped. */
  public static String at(String pointer, String name) {
    return pointer + "/" + seg(name);
  }

  /** The text of a string member, or {@code null} when absent, null or not a scalar. */
  public static String text(JsonNode parent, String field) {
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
  public static JsonNode object(
      JsonNode parent, String field, String pointer, ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      context.error(at(pointer, field), "expected a mapping, found " + describe(n) + "; not read");
      return null;
    }
    return n;
  }

  /**
   * Whether member {@code field} is present and not null; when it is absent (or YAML {@code field:}
   * with no value) and {@code required}, that is reported as an error at {@code pointer/field}.
   */
  public static boolean present(
      JsonNode parent, String field, String pointer, boolean required, ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        context.error(at(pointer, field), "missing required field '" + field + "'");
      }
      return false;
    }
    return true;
  }

  /**
   * A member that is a list, or {@code null}; a member of another type is reported as an error at
   * {@code pointer/field}.
   */
  public static JsonNode array(JsonNode parent, String field, String pointer, ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      context.error(at(pointer, field), "expected a list, found " + describe(n) + "; not read");
      return null;
    }
    return n;
  }

  /**
   * The text of a scalar member (a version written as a number is still a version), or {@code null}
   * when absent or blank; a mapping or list is reported as an error at {@code pointer/field}.
   */
  public static String text(JsonNode parent, String field, String pointer, ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n != null && n.isContainerNode()) {
      context.error(at(pointer, field), "expected text, found " + describe(n) + "; not read");
      return null;
    }
    return text(parent, field);
  }

  /** A member that is an object, or {@code null}. */
  public static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return n != null && n.isObject() ? n : null;
  }

  /**
   * A non-negative finite number, or {@code null} when the member is absent or null. Anything else
   * is reported as an error at its pointer and gives {@code null}.
   */
  public static Double number(JsonNode parent, String field, String pointer, ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return check(n, pointer, field, context);
  }

  /** Checks one node already found at {@code pointer}. */
  public static Double check(JsonNode n, String pointer, ReadContext context) {
    return check(n, pointer, null, context);
  }

  /**
   * Checks the node at {@code parent/field} ({@code field} may be null); the pointer is only built
   * for a message, as this runs for every statistic of every file.
   */
  private static Double check(JsonNode n, String parent, String field, ReadContext context) {
    if (n.isNumber()) {
      double v = n.doubleValue();
      if (v >= 0 && v <= Double.MAX_VALUE) {
        return v;
      }
    }
    String pointer = field == null ? parent : at(parent, field);
    if (!n.isNumber()) {
      context.error(pointer, "expected a number, found " + describe(n) + "; not read");
    } else if (!Double.isFinite(n.doubleValue())) {
      context.error(pointer, "expected a finite number, found " + n.doubleValue() + "; not read");
    } else {
      context.error(pointer, "must not be negative, was " + n.asText() + "; not read");
    }
    return null;
  }

  /** A count: a non-negative whole number, else reported and {@code null}. */
  public static Double count(JsonNode parent, String field, String pointer, ReadContext context) {
    Double v = number(parent, field, pointer, context);
    if (v != null && v != Math.rint(v)) {
      context.error(
          at(pointer, field),
          "expected a whole number, was " + parent.get(field).asText() + "; not read");
      return null;
    }
    return v;
  }

  /**
   * A count that fits an {@code int}: a non-negative whole number, else reported and {@code null}.
   */
  public static Integer integer(
      JsonNode parent, String field, String pointer, ReadContext context) {
    Double v = count(parent, field, pointer, context);
    if (v != null && v > Integer.MAX_VALUE) {
      context.error(at(pointer, field), "is too large, was " + parent.get(field).asText());
      return null;
    }
    return v == null ? null : v.intValue();
  }

  /**
   * Reads the statistics of a distribution object, each multiplied by {@code factor} (the unit
   * conversion). Returns {@code null} when the member is absent, null, or has no usable statistic.
   */
  public static Distribution distribution(
      JsonNode parent,
      String field,
      String pointer,
      double factor,
      StatKeys keys,
      ReadContext context) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String p = at(pointer, field);
    if (!n.isObject()) {
      context.error(p, "expected a mapping of statistics, found " + describe(n) + "; not read");
      return null;
    }
    Distribution.Builder b = Distribution.builder();
    collect(n, p, factor, keys, context, b);
    return b.isEmpty() ? null : b.build();
  }

  /** Adds the statistics of {@code node} to {@code b}; nested objects are read only when asked. */
  public static void collect(
      JsonNode node,
      String pointer,
      double factor,
      StatKeys keys,
      ReadContext context,
      Distribution.Builder b) {
    for (var e : node.properties()) {
      String key = e.getKey();
      Statistic s = keys.statistic(key);
      if (s == null) {
        if (!keys.ignored(key) && !e.getValue().isNull()) {
          context.info(at(pointer, key), "'" + key + "' has no canonical statistic; not kept");
        }
        continue;
      }
      if (e.getValue().isNull()) {
        continue;
      }
      Double v = check(e.getValue(), pointer, key, context);
      if (v != null) {
        put(b, s, v * factor, pointer, key, context);
      }
    }
  }

  /**
   * Sets a statistic once; a second, equal spelling (median and p50) is fine, a different one not.
   */
  public static void put(
      Distribution.Builder b, Statistic s, double v, String pointer, ReadContext context) {
    put(b, s, v, pointer, null, context);
  }

  private static void put(
      Distribution.Builder b,
      Statistic s,
      double v,
      String parent,
      String key,
      ReadContext context) {
    if (!Double.isFinite(v)) {
      context.error(
          key == null ? parent : at(parent, key),
          "too large once converted to canonical units; not read");
      return;
    }
    try {
      b.put(s, v);
    } catch (IllegalArgumentException alreadySet) {
      double old = b.build().get(s).getAsDouble();
      if (Math.abs(old - v) > 1e-9 * Math.max(1, Math.abs(old))) {
        context.warning(
            key == null ? parent : at(parent, key),
            s.key() + " is given twice (" + old + " and " + v + "); kept the first");
      }
    }
  }

  /** Puts a measured value when there is one. */
  public static void measured(Metrics.Builder m, Metric metric, Distribution d) {
    if (d != null) {
      m.put(MetricValue.measured(metric, d));
    }
  }

  /** Puts a measured single value when there is one. */
  public static void measured(Metrics.Builder m, Metric metric, Double mean) {
    if (mean != null) {
      m.put(MetricValue.measured(metric, mean));
    }
  }

  /** What a node is, for messages: its kind, and a scalar as the file wrote it (abbreviated). */
  public static String describe(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    String t = n.asText();
    t = t.length() > 40 ? t.substring(0, 40) + "…" : t;
    if (n.isTextual()) {
      return "the string \"" + t + "\"";
    }
    return (n.isBoolean() ? "the boolean " : "the number ") + t;
  }

  /** A parse failure as a problem location ("line 3, column 7") and message. */
  public static void parseError(ReadContext context, IOException e) {
    String loc = "";
    String msg = e.getMessage();
    if (e instanceof JsonProcessingException jpe) {
      msg = jpe.getOriginalMessage();
      if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
        loc =
            "line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
      }
    }
    context.error(loc, limitOr(e, "not valid JSON or YAML: " + msg));
  }

  /**
   * What went wrong when {@code e} is a parsing limit being hit, naming the limit and how to raise
   * it (see {@code docs/limits.md}); otherwise {@code fallback}.
   */
  public static String limitOr(Throwable e, String fallback) {
    String limit = Parsing.limitHit(e);
    return limit != null ? "over a limit: " + limit : fallback;
  }

  /** Percentile {@code q} (0.1, 1, 5 … 99.9) as a statistic, or {@code null} when not canonical. */
  public static Statistic percentile(double q) {
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
  public static Statistic pKey(String key) {
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
