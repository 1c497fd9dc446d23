package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One number taken from a point: a metric, one of its statistics, on a basis (whole deployment, per
 * accelerator, ...). It improves in the metric's own direction.
 *
 * @param metric the metric
 * @param statistic the statistic of its distribution (e.g. {@code MEAN}, {@code P90})
 * @param basis the basis, applied by {@link Views} (latencies are never divided)
 */
public record Measure(Metric metric, Statistic statistic, Views.Basis basis) {

  public Measure {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(basis, "basis");
  }

  /** The mean of {@code metric} for the whole deployment. */
  public static Measure of(Metric metric) {
    return new Measure(metric, Statistic.MEAN, Views.Basis.TOTAL);
  }

  /** One statistic of {@code metric} for the whole deployment. */
  public static Measure of(Metric metric, Statistic statistic) {
    return new Measure(metric, statistic, Views.Basis.TOTAL);
  }

  /**
   * Parses {@code metric[.statistic][/chip|/replica|/node]}, e.g. {@code output_throughput/chip} or
   * {@code ttft.p90}; a missing statistic means the mean. {@code e2e} and {@code latency} name
   * {@link Metric#E2E_LATENCY}, {@code median} names p50.
   *
   * @throws IllegalArgumentException naming what was not understood and what is accepted
   */
  public static Measure parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Views.Basis basis = Views.Basis.TOTAL;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      String per = t.substring(slash + 1);
      basis =
          switch (per) {
            case "chip", "accelerator", "gpu" -> Views.Basis.ACCELERATOR;
            case "replica" -> Views.Basis.REPLICA;
            case "node" -> Views.Basis.NODE;
            default ->
                throw new IllegalArgumentException(
                    "'" + text + "': unknown basis '/" + per + "' (use /chip, /replica or /node)");
          };
      t = t.substring(0, slash);
    }
    int dot = t.indexOf('.');
    String metricName = dot < 0 ? t : t.substring(0, dot);
    String statName = dot < 0 ? "mean" : t.substring(dot + 1);
    Metric metric =
        switch (metricName) {
          case "e2e", "latency" -> Metric.E2E_LATENCY;
          default ->
              Metric.byKey(metricName)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "'"
                                  + text
                                  + "': unknown metric '"
                                  + metricName
                                  + "' (one of "
                                  + Arrays.stream(Metric.values())
                                      .map(Metric::key)
                                      .collect(Collectors.joining(", "))
                                  + ")"));
        };
    Statistic statistic =
        Statistic.byKey(statName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'"
                            + text
                            + "': unknown statistic '"
                            + statName
                            + "' (one of "
                            + Arrays.stream(Statistic.values())
                                .map(Statistic::key)
                                .collect(Collectors.joining(", "))
                            + ")"));
    return new Measure(metric, statistic, basis);
  }

  /** The same measure on another basis. */
  public Measure per(Views.Basis newBasis) {
    return new Measure(metric, statistic, newBasis);
  }

  /** Which way this measure improves: the metric's direction. */
  public Direction direction() {
    return metric.direction();
  }

  /** The value at {@code point}, or empty (see {@link #whyAbsent}). */
  public OptionalDouble valueOf(BenchmarkPoint point) {
    Optional<MetricValue> v = Views.value(point, metric, basis);
    return v.isEmpty() ? OptionalDouble.empty() : v.get().get(statistic);
  }

  /** Why {@link #valueOf} is empty at {@code point}, or empty when it has a value. */
  public Optional<String> whyAbsent(BenchmarkPoint point) {
    Optional<MetricValue> total = point.metrics().get(metric);
    if (total.isEmpty()) {
      return Optional.of(metric.key() + " is absent");
    }
    if (!total.get().distribution().has(statistic)) {
      return Optional.of(
          metric.key()
              + " has no "
              + statistic.key()
              + " (the source gave "
              + total.get().distribution().statistics().stream()
                  .map(Statistic::key)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    if (Views.value(point, metric, basis).isEmpty()) {
      return Optional.of(
          metric.key() + " " + basisText() + " needs the deployment's " + divisorText());
    }
    return Optional.empty();
  }

  private String basisText() {
    return "per " + basis.name().toLowerCase(Locale.ROOT);
  }

  private String divisorText() {
    return switch (basis) {
      case TOTAL -> "size";
      case ACCELERATOR -> "accelerator count";
      case REPLICA -> "replica count";
      case NODE -> "node count";
    };
  }

  /** {@code ttft.p90}, or {@code output_throughput.mean per accelerator}. */
  @Override
  public String toString() {
    String s = metric.key() + "." + statistic.key();
    return basis == Views.Basis.TOTAL ? s : s + " " + basisText();
  }
}
