package ai.llmd.prism.api;

import java.util.Optional;

/** A summary statistic a source may report for a distribution of values. */
public enum Statistic {
  MEAN("mean"),
  STDDEV("stddev"),
  MIN("min"),
  MAX("max"),
  P0_1("p0_1"),
  P1("p1"),
  P5("p5"),
  P10("p10"),
  P25("p25"),
  P50("p50"),
  P75("p75"),
  P90("p90"),
  P95("p95"),
  P99("p99"),
  P99_9("p99_9");

  private final String key;

  Statistic(String key) {
    this.key = key;
  }

  /** The stable name used in JSON and on the command line, e.g. {@code p99_9}. */
  public String key() {
    return key;
  }

  /** Looks a statistic up by its {@link #key()}; {@code median} is accepted for {@link #P50}. */
  public static Optional<Statistic> byKey(String key) {
    if ("median".equals(key)) {
      return Optional.of(P50);
    }
    for (Statistic s : values()) {
      if (s.key.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
