package ai.llmd.prism.api;

import java.util.Locale;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** The canonical units every value in the model is expressed in; readers convert once, on entry. */
public enum Unit {
  MILLISECONDS("ms"),
  MILLISECONDS_PER_TOKEN("ms/token"),
  SECONDS("s"),
  TOKENS("tokens"),
  TOKENS_PER_SECOND("tokens/s"),
  REQUESTS_PER_SECOND("req/s"),
  COUNT("count"),
  /** A portion between 0 and 1. */
  FRACTION("fraction"),
  /** A portion between 0 and 100. */
  PERCENT("%"),
  USD_PER_HOUR("USD/h"),
  USD_PER_MILLION_TOKENS("USD/1M tokens"),
  /** Electrical power. */
  WATTS("W"),
  /** Energy per million tokens: watt-hours drawn while a million tokens were produced. */
  WATT_HOURS_PER_MILLION_TOKENS("Wh/1M tokens");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol printed after a value, e.g. {@code ms/token}. */
  public String symbol() {
    return symbol;
  }

  /**
   * The factor that turns a value the source declares in {@code declared} (e.g. {@code "s"}, {@code
   * "ms"}, {@code "tokens/sec"}) into this unit, or empty when the declared unit is unknown or
   * measures something else. Only spellings seen in real sources are accepted: an unknown one is
   * reported by the reader, never guessed from the magnitude of the values.
   *
   * @param declared the unit as the source wrote it; null is unknown
   * @return the multiplier into this unit, or empty
   * @since 0.2
   */
  public OptionalDouble factorFrom(@Nullable String declared) {
    if (declared == null) {
      return OptionalDouble.empty();
    }
    String d = declared.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (this) {
      case MILLISECONDS -> time(d);
      case SECONDS -> {
        OptionalDouble ms = time(d);
        yield ms.isPresent() ? OptionalDouble.of(ms.getAsDouble() / 1000.0) : ms;
      }
      case MILLISECONDS_PER_TOKEN -> {
        String per = stripSuffix(d, "/token", "/tok", "pertoken", "/output_token", "/tokens");
        yield per == null ? OptionalDouble.empty() : time(per);
      }
      case TOKENS_PER_SECOND ->
          switch (d) {
            case "tokens/s", "tokens/sec", "token/s", "tok/s", "tokens/second", "tps" ->
                OptionalDouble.of(1);
            default -> OptionalDouble.empty();
          };
      case REQUESTS_PER_SECOND ->
          switch (d) {
            case "queries/s",
                "query/s",
                "requests/s",
                "request/s",
                "req/s",
                "qps",
                "rps",
                "requests/sec",
                "req/sec",
                "queries/sec" ->
                OptionalDouble.of(1);
            default -> OptionalDouble.empty();
          };
      case TOKENS ->
          switch (d) {
            case "count", "tokens", "token" -> OptionalDouble.of(1);
            default -> OptionalDouble.empty();
          };
      case COUNT ->
          switch (d) {
            case "count", "requests" -> OptionalDouble.of(1);
            default -> OptionalDouble.empty();
          };
      case PERCENT ->
          switch (d) {
            case "percent", "%" -> OptionalDouble.of(1);
            case "fraction", "ratio" -> OptionalDouble.of(100);
            default -> OptionalDouble.empty();
          };
      case FRACTION ->
          switch (d) {
            case "fraction", "ratio" -> OptionalDouble.of(1);
            case "percent", "%" -> OptionalDouble.of(0.01);
            default -> OptionalDouble.empty();
          };
      case WATTS ->
          switch (d) {
            case "watts", "watt", "w" -> OptionalDouble.of(1);
            case "kilowatts", "kw" -> OptionalDouble.of(1000);
            default -> OptionalDouble.empty();
          };
      case WATT_HOURS_PER_MILLION_TOKENS ->
          d.equals("wh/1mtokens") ? OptionalDouble.of(1) : OptionalDouble.empty();
      default -> OptionalDouble.empty();
    };
  }

  private static OptionalDouble time(String d) {
    return switch (d) {
      case "ms", "msec", "millisecond", "milliseconds" -> OptionalDouble.of(1);
      case "s", "sec", "second", "seconds" -> OptionalDouble.of(1000);
      case "us", "µs", "microsecond", "microseconds" -> OptionalDouble.of(0.001);
      case "ns", "nanosecond", "nanoseconds" -> OptionalDouble.of(0.000001);
      default -> OptionalDouble.empty();
    };
  }

  private static @Nullable String stripSuffix(String d, String... suffixes) {
    for (String s : suffixes) {
      if (d.endsWith(s)) {
        return d.substring(0, d.length() - s.length());
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return symbol;
  }
}
