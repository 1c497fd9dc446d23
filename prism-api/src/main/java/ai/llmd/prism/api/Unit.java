package ai.llmd.prism.api;

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

  @Override
  public String toString() {
    return symbol;
  }
}
