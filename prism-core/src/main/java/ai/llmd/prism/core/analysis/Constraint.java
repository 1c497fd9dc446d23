package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level objective on one measure, such as {@code ttft.p90<=500ms}. The threshold is held
 * in the metric's canonical unit; the unit written must be one of that metric's (ms and s for
 * latencies, converted), never guessed.
 *
 * @param measure the measured statistic (whole-deployment basis)
 * @param operator the comparison
 * @param threshold the bound, in {@code measure.metric().unit()}
 * @param text the constraint as written
 */
public record Constraint(Measure measure, Operator operator, double threshold, String text) {

  /** A comparison of a value with a threshold. */
  public enum Operator {
    AT_MOST("<="),
    BELOW("<"),
    AT_LEAST(">="),
    ABOVE(">");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written, e.g. {@code <=}. */
    public String symbol() {
      return symbol;
    }

    boolean test(double v, double t) {
      return switch (this) {
        case AT_MOST -> v <= t;
        case BELOW -> v < t;
        case AT_LEAST -> v >= t;
        case ABOVE -> v > t;
      };
    }
  }

  private static final Pattern FORM =
      Pattern.compile(
          "\\s*([a-z0-9_]+)(?:\\.([a-z0-9_]+))?\\s*(<=|>=|<|>)\\s*"
              + "([0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)\\s*([a-z/%]*)\\s*");

  public Constraint {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite");
    }
  }

  /**
   * Parses a comma-separated list such as {@code ttft.p90<=500ms,tpot.mean<=50ms}. A missing
   * statistic means the mean.
   *
   * @throws IllegalArgumentException naming the offending part and what was wrong
   */
  public static List<Constraint> parseAll(String constraints) {
    List<Constraint> out = new ArrayList<>();
    for (String part : constraints.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return out;
  }

  /** Parses one constraint, e.g. {@code ttft.p90<=500ms}. */
  public static Constraint parse(String constraint) {
    String text = constraint.strip();
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "': expected metric[.statistic] <=|<|>=|> number unit, e.g. ttft.p90<=500ms");
    }
    Measure measure;
    try {
      measure = Measure.parse(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
    Operator op =
        switch (m.group(3)) {
          case "<=" -> Operator.AT_MOST;
          case "<" -> Operator.BELOW;
          case ">=" -> Operator.AT_LEAST;
          default -> Operator.ABOVE;
        };
    double value = Double.parseDouble(m.group(4));
    double factor = factor(measure.metric(), m.group(5), text);
    return new Constraint(measure, op, value * factor, text);
  }

  /** The factor from the written unit to the metric's canonical unit. */
  private static double factor(Metric metric, String unit, String text) {
    Unit canonical = metric.unit();
    Double f =
        switch (canonical) {
          case MILLISECONDS ->
              switch (unit) {
                case "ms" -> 1.0;
                case "s" -> 1000.0;
                default -> null;
              };
          case MILLISECONDS_PER_TOKEN ->
              switch (unit) {
                case "ms", "ms/token", "ms/tok" -> 1.0;
                case "s", "s/token", "s/tok" -> 1000.0;
                default -> null;
              };
          case SECONDS ->
              switch (unit) {
                case "s" -> 1.0;
                case "ms" -> 0.001;
                default -> null;
              };
          case TOKENS_PER_SECOND ->
              switch (unit) {
                case "tokens/s", "tok/s" -> 1.0;
                default -> null;
              };
          case REQUESTS_PER_SECOND -> "req/s".equals(unit) ? 1.0 : null;
          case TOKENS -> "tokens".equals(unit) ? 1.0 : null;
          case PERCENT -> "%".equals(unit) ? 1.0 : null;
          case FRACTION ->
              switch (unit) {
                case "" -> 1.0;
                case "%" -> 0.01;
                default -> null;
              };
          case COUNT -> "".equals(unit) ? 1.0 : null;
          case WATTS ->
              switch (unit) {
                case "w" -> 1.0;
                case "kw" -> 1000.0;
                default -> null;
              };
          case WATT_HOURS_PER_MILLION_TOKENS -> "wh".equals(unit) ? 1.0 : null;
          case USD_PER_HOUR, USD_PER_MILLION_TOKENS -> null;
        };
    if (f == null) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "': "
              + (unit.isEmpty()
                  ? "no unit given"
                  : "'" + unit + "' is not a unit of " + metric.key())
              + "; "
              + metric.key()
              + " is in "
              + canonical.symbol()
              + switch (canonical) {
                case MILLISECONDS, MILLISECONDS_PER_TOKEN -> " (write ms or s)";
                case WATTS -> " (write W or kW)";
                case WATT_HOURS_PER_MILLION_TOKENS -> " (write Wh, per 1M output tokens)";
                default -> "";
              });
    }
    return f;
  }

  /** Whether {@code point} meets this objective; empty when the value is missing there. */
  public Optional<Boolean> test(BenchmarkPoint point) {
    OptionalDouble v = measure.valueOf(point);
    return v.isEmpty() ? Optional.empty() : Optional.of(operator.test(v.getAsDouble(), threshold));
  }

  @Override
  public String toString() {
    return measure + operator.symbol + threshold + " " + measure.metric().unit().symbol();
  }
}
