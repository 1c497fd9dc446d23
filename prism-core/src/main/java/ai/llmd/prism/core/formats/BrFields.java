package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Unit;
import ai.llmd.prism.core.readkit.JsonFields;
import ai.llmd.prism.spi.ReadContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The reader kit ({@link JsonFields}) as the Benchmark Report readers call it: bound to one file's
 * context, with a flag for required members, plus the report's own {@code Statistics} object.
 */
final class BrFields {

  /** BR {@code Statistics} keys, in the order they are read. */
  private static final String[] STAT_KEYS = {
    "mean", "stddev", "min", "max", "p0p1", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
    "p99", "p99p9"
  };

  private static final Statistic[] STATS = {
    Statistic.MEAN,
    Statistic.STDDEV,
    Statistic.MIN,
    Statistic.MAX,
    Statistic.P0_1,
    Statistic.P1,
    Statistic.P5,
    Statistic.P10,
    Statistic.P25,
    Statistic.P50,
    Statistic.P75,
    Statistic.P90,
    Statistic.P95,
    Statistic.P99,
    Statistic.P99_9
  };

  private final ReadContext context;

  BrFields(ReadContext context) {
    this.context = context;
  }

  ReadContext context() {
    return context;
  }

  void error(String at, String message) {
    context.error(at, message);
  }

  void warning(String at, String message) {
    context.warning(at, message);
  }

  void info(String at, String message) {
    context.info(at, message);
  }

  /** The JSON pointer of member {@code key} under {@code at}. */
  static String at(String at, String key) {
    return JsonFields.at(at, key);
  }

  static String at(String at, int index) {
    return at + "/" + index;
  }

  /** Whether {@code key} is absent or null (YAML {@code key:} with no value). */
  static boolean absent(JsonNode parent, String key) {
    JsonNode v = parent == null ? null : parent.get(key);
    return v == null || v.isNull();
  }

  /** A mapping member; null when absent (an error if required) or not a mapping (an error). */
  JsonNode object(JsonNode parent, String at, String key, boolean required) {
    return JsonFields.present(parent, key, at, required, context)
        ? JsonFields.object(parent, key, at, context)
        : null;
  }

  /** A sequence member; null when absent (an error if required) or not a sequence (an error). */
  JsonNode array(JsonNode parent, String at, String key, boolean required) {
    return JsonFields.present(parent, key, at, required, context)
        ? JsonFields.array(parent, key, at, context)
        : null;
  }

  /** A scalar as text; blank is absent (an error if required). */
  String text(JsonNode parent, String at, String key, boolean required) {
    if (!JsonFields.present(parent, key, at, required, context)) {
      return null;
    }
    String s = JsonFields.text(parent, key, at, context);
    if (s == null && required && parent.get(key).isValueNode()) {
      error(at(at, key), "must not be empty");
    }
    return s;
  }

  /** A finite, non-negative number. */
  Double number(JsonNode parent, String at, String key, boolean required) {
    return JsonFields.present(parent, key, at, required, context)
        ? JsonFields.number(parent, key, at, context)
        : null;
  }

  /** A finite, non-negative number at {@code at}, or null with an error. */
  Double number(JsonNode v, String at) {
    return JsonFields.check(v, at, context);
  }

  /** A non-negative whole number (written as an integer, or as a float with no fraction). */
  Integer count(JsonNode parent, String at, String key, boolean required) {
    return JsonFields.present(parent, key, at, required, context)
        ? JsonFields.integer(parent, key, at, context)
        : null;
  }

  /** A count that must be at least 1; 0 is reported (as info) and read as unknown. */
  Integer positiveCount(JsonNode parent, String at, String key, String what) {
    Integer n = count(parent, at, key, false);
    if (n != null && n == 0) {
      info(at(at, key), "0 " + what + " is read as unknown");
      return null;
    }
    return n;
  }

  /**
   * A BR {@code Statistics} object converted to {@code target} with the factor its own {@code
   * units} declare. Every statistic present is kept and none is invented; a missing or unknown unit
   * loses the whole object (never guessed), a bad statistic loses only itself.
   */
  Distribution statistics(JsonNode parent, String at, String key, Unit target, boolean required) {
    JsonNode s = object(parent, at, key, required);
    return s == null ? null : statistics(s, at(at, key), target);
  }

  Distribution statistics(JsonNode s, String here, Unit target) {
    JsonNode u = s.get("units");
    if (u != null && !u.isNull() && !u.isTextual()) {
      error(at(here, "units"), "expected a unit name, found " + JsonFields.describe(u));
      return null;
    }
    OptionalDouble factor =
        context.factor(u == null || u.isNull() ? null : u.asText(), target, at(here, "units"));
    if (factor.isEmpty()) {
      return null;
    }
    double f = factor.getAsDouble();
    Distribution.Builder b = Distribution.builder();
    List<String> notKept = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : s.properties()) {
      String name = member.getKey();
      int i = statIndex(name);
      if (i < 0) {
        if (!name.equals("units") && !name.equals("graph_path")) {
          notKept.add(name);
        }
        continue;
      }
      JsonNode v = member.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!name.equals(STAT_KEYS[i])) {
        if (s.has(STAT_KEYS[i])) {
          notKept.add(name);
          continue;
        }
        info(at(here, name), "read as " + STAT_KEYS[i]);
      }
      Double d = number(v, at(here, name));
      if (d != null && !Double.isFinite(d * f)) {
        error(at(here, name), "is too large to convert to " + target.symbol());
      } else if (d != null) {
        b.put(STATS[i], d * f);
      }
    }
    if (!notKept.isEmpty()) {
      info(here, "not kept (no such statistic in the model): " + String.join(", ", notKept));
    }
    if (absent(s, "mean")) {
      error(at(here, "mean"), "missing the required mean");
    }
    return b.isEmpty() ? null : b.build();
  }

  /** The BR key of {@code statistic} ({@code p99p9} for {@link Statistic#P99_9}). */
  static String statKey(Statistic statistic) {
    for (int i = 0; i < STATS.length; i++) {
      if (STATS[i] == statistic) {
        return STAT_KEYS[i];
      }
    }
    throw new IllegalArgumentException("no BR key for " + statistic);
  }

  /** The index of a statistic key, matched without case (a converter writes {@code P25}). */
  private static int statIndex(String name) {
    for (int i = 0; i < STAT_KEYS.length; i++) {
      if (STAT_KEYS[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private JsonNode present(JsonNode parent, String at, String key, boolean required) {
    JsonNode v = parent == null ? null : parent.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        error(at(at, key), "missing required field '" + key + "'");
      }
      return null;
    }
    return v;
  }
}
