package ai.llmd.prism.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * The statistics a source reported for one quantity: only those it actually had. An absent
 * statistic is absent, never 0, and nothing here computes one from the others.
 */
public final class Distribution {

  private static final Statistic[] STATS = Statistic.values();

  // NaN marks an absent statistic; NaN is never a legal value, so it cannot collide.
  private final double[] values;

  private Distribution(double[] values) {
    this.values = values;
  }

  /** A distribution known only by its mean (a single-valued quantity). */
  public static Distribution ofMean(double mean) {
    return builder().put(Statistic.MEAN, mean).build();
  }

  /** Starts an empty distribution. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code statistic}, or empty when the source did not report it. */
  public OptionalDouble get(Statistic statistic) {
    double v = values[statistic.ordinal()];
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Whether the source reported {@code statistic}. */
  public boolean has(Statistic statistic) {
    return !Double.isNaN(values[statistic.ordinal()]);
  }

  /** The mean, or empty. */
  public OptionalDouble mean() {
    return get(Statistic.MEAN);
  }

  /** The statistics present, in {@link Statistic} order. */
  public Set<Statistic> statistics() {
    EnumSet<Statistic> present = EnumSet.noneOf(Statistic.class);
    for (Statistic s : STATS) {
      if (has(s)) {
        present.add(s);
      }
    }
    return Collections.unmodifiableSet(present);
  }

  /** True when no statistic is present. */
  public boolean isEmpty() {
    for (double v : values) {
      if (!Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Applies a linear change of scale (a unit conversion or a per-chip division) to every statistic.
   * The function must be a positive scaling, so that order statistics stay ordered.
   */
  public Distribution scaled(DoubleUnaryOperator positiveScaling) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (!Double.isNaN(out[i])) {
        out[i] = checkFinite(STATS[i], positiveScaling.applyAsDouble(out[i]));
      }
    }
    return new Distribution(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d && Arrays.equals(values, d.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Statistic s : STATS) {
      if (has(s)) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(s.key()).append('=').append(values[s.ordinal()]);
      }
    }
    return sb.append('}').toString();
  }

  private static double checkFinite(Statistic s, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(s.key() + " must be a finite number, was " + v);
    }
    return v;
  }

  /** Collects statistics; each may be set once. */
  public static final class Builder {
    private final double[] values = new double[STATS.length];

    private Builder() {
      Arrays.fill(values, Double.NaN);
    }

    /**
     * Sets a statistic.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or already set
     */
    public Builder put(Statistic statistic, double value) {
      Objects.requireNonNull(statistic, "statistic");
      checkFinite(statistic, value);
      if (!Double.isNaN(values[statistic.ordinal()])) {
        throw new IllegalArgumentException(statistic.key() + " is already set");
      }
      values[statistic.ordinal()] = value;
      return this;
    }

    /** Whether nothing has been set yet. */
    public boolean isEmpty() {
      for (double v : values) {
        if (!Double.isNaN(v)) {
          return false;
        }
      }
      return true;
    }

    public Distribution build() {
      return new Distribution(values.clone());
    }
  }
}
