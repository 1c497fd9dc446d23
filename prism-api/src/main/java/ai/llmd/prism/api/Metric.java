package ai.llmd.prism.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Every performance quantity the model knows, each with its canonical unit, the direction in which
 * it improves, and whether it grows with the number of accelerators (so that per-chip views divide
 * it and leave latencies alone).
 */
public enum Metric {
  /** Time to first token. */
  TTFT(Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, false),
  /** Time per output token, excluding the first. */
  TPOT(Unit.MILLISECONDS_PER_TOKEN, Direction.LOWER_IS_BETTER, false),
  /** Inter-token latency. */
  ITL(Unit.MILLISECONDS_PER_TOKEN, Direction.LOWER_IS_BETTER, false),
  /** Normalized time per output token: end-to-end latency divided by output tokens. */
  NTPOT(Unit.MILLISECONDS_PER_TOKEN, Direction.LOWER_IS_BETTER, false),
  /** End-to-end request latency. */
  E2E_LATENCY(Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, false),
  OUTPUT_THROUGHPUT(Unit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  INPUT_THROUGHPUT(Unit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  TOTAL_THROUGHPUT(Unit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  /** Achieved (completed) requests per second, not the target rate. */
  REQUEST_RATE(Unit.REQUESTS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  /** Requests per second that met the source's service-level objectives. */
  REQUEST_GOODPUT(Unit.REQUESTS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  /** Tokens per second of requests that met the source's service-level objectives. */
  TOKEN_GOODPUT(Unit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true),
  REQUESTS_TOTAL(Unit.COUNT, Direction.NEUTRAL, false),
  REQUESTS_SUCCEEDED(Unit.COUNT, Direction.NEUTRAL, false),
  REQUESTS_FAILED(Unit.COUNT, Direction.LOWER_IS_BETTER, false),
  REQUESTS_INCOMPLETE(Unit.COUNT, Direction.LOWER_IS_BETTER, false),
  /** Failed requests over all requests. */
  FAILURE_RATE(Unit.FRACTION, Direction.LOWER_IS_BETTER, false),
  /** Successful requests over all requests. */
  SUCCESS_RATE(Unit.FRACTION, Direction.HIGHER_IS_BETTER, false),
  /** Wall-clock duration of the measured stage. */
  DURATION(Unit.SECONDS, Direction.NEUTRAL, false),
  /** Share of the KV cache in use on the serving engine. */
  KV_CACHE_USAGE(Unit.PERCENT, Direction.NEUTRAL, false),
  /** Share of prompt tokens served from the prefix cache. */
  PREFIX_CACHE_HIT_RATE(Unit.PERCENT, Direction.HIGHER_IS_BETTER, false),
  /** Average electrical power drawn by the deployment's accelerators during the stage. */
  AVERAGE_POWER(Unit.WATTS, Direction.LOWER_IS_BETTER, true),
  /** Accelerator energy per million output tokens: average power over output throughput. */
  ENERGY_PER_MILLION_OUTPUT_TOKENS(
      Unit.WATT_HOURS_PER_MILLION_TOKENS, Direction.LOWER_IS_BETTER, false);

  private final Unit unit;
  private final Direction direction;
  private final boolean scalesWithAccelerators;
  private final String key;

  Metric(Unit unit, Direction direction, boolean scalesWithAccelerators) {
    this.unit = unit;
    this.direction = direction;
    this.scalesWithAccelerators = scalesWithAccelerators;
    this.key = name().toLowerCase(Locale.ROOT);
  }

  /** The canonical unit of every value of this metric. */
  public Unit unit() {
    return unit;
  }

  /** Which way this metric improves. */
  public Direction direction() {
    return direction;
  }

  /** True when the value grows with accelerator count, so per-chip views divide it. */
  public boolean scalesWithAccelerators() {
    return scalesWithAccelerators;
  }

  /** The stable lower-snake-case name used in JSON, CSV and on the command line. */
  public String key() {
    return key;
  }

  /** Looks a metric up by its {@link #key()} (case-insensitive). */
  public static Optional<Metric> byKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Metric m : values()) {
      if (m.key.equals(k)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
