package ai.llmd.prism.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One metric of one benchmark point: its statistics in the metric's canonical unit, and whether it
 * was measured by the source or derived by a named rule.
 *
 * @param metric what was measured
 * @param distribution the statistics, in {@code metric.unit()}
 * @param derivation the name of the rule that derived this value, or {@code null} when measured
 */
public record MetricValue(Metric metric, Distribution distribution, @Nullable String derivation) {

  public MetricValue {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(distribution, "distribution");
    if (distribution.isEmpty()) {
      throw new IllegalArgumentException(metric.key() + ": a value needs at least one statistic");
    }
    // Every quantity in the model is a duration, a rate, a count or a share: none is negative.
    Statistic negative = distribution.firstNegative();
    if (negative != null) {
      throw new IllegalArgumentException(
          metric.key()
              + "."
              + negative.key()
              + " must not be negative, was "
              + distribution.get(negative).getAsDouble());
    }
    derivation = Text.clean(derivation);
    if (derivation != null && derivation.isBlank()) {
      throw new IllegalArgumentException("a derivation rule needs a name");
    }
  }

  /** A value the source measured. */
  public static MetricValue measured(Metric metric, Distribution distribution) {
    return new MetricValue(metric, distribution, null);
  }

  /** A single measured value (a mean). */
  public static MetricValue measured(Metric metric, double mean) {
    return new MetricValue(metric, Distribution.ofMean(mean), null);
  }

  /** A value computed from others by the rule named {@code rule}. */
  public static MetricValue derived(Metric metric, Distribution distribution, String rule) {
    return new MetricValue(metric, distribution, Objects.requireNonNull(rule, "rule"));
  }

  /** Whether this value was computed rather than read from the source. */
  public boolean isDerived() {
    return derivation != null;
  }

  /** The name of the derivation rule, empty when measured. */
  public Optional<String> rule() {
    return Optional.ofNullable(derivation);
  }

  /** The mean, or empty. */
  public OptionalDouble mean() {
    return distribution.mean();
  }

  /** A statistic, or empty. */
  public OptionalDouble get(Statistic statistic) {
    return distribution.get(statistic);
  }
}
