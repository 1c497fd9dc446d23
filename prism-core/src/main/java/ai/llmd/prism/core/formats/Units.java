package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Unit;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Converts a value from the unit a source declares into the canonical {@link Unit}. Only spellings
 * seen in real sources are accepted; anything else is "unknown", which readers report as a problem
 * rather than guess from the magnitude of the value.
 */
public final class Units {

  private Units() {}

  /**
   * The factor that turns a value in {@code declared} into {@code target}, or empty when the
   * declared unit is unknown or measures something else.
   */
  public static OptionalDouble factor(String declared, Unit target) {
    if (declared == null) {
      return OptionalDouble.empty();
    }
    String d = declared.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (target) {
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

  private static String stripSuffix(String d, String... suffixes) {
    for (String s : suffixes) {
      if (d.endsWith(s)) {
        return d.substring(0, d.length() - s.length());
      }
    }
    return null;
  }
}
