package ai.llmd.prism.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The statistics a source reported for one quantity: only those it actually had. An absent
 * statistic is absent, never 0, and nothing here computes one from the others.
 */
public final class Distribution {

  private static final Statistic[] STATS = Statistic.values();

  // Only the statistics present are stored, in Statistic order, with a bit per statistic saying
  // which; a single statistic (the usual case) without an array: a point holds a dozen values.
  private final int present;
  private final double one;
  private final double @Nullable [] more;

  private Distribution(int present, double one, double[] more) {
    this.present = present;
    this.one = one;
    this.more = more;
  }

  private Distribution(double[] all) {
    int mask = 0;
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (!Double.isNaN(all[i])) {
        mask |= 1 << i;
        n++;
      }
    }
    this.present = mask;
    if (n == 1) {
      this.one = all[Integer.numberOfTrailingZeros(mask)];
      this.more = null;
      return;
    }
    double[] packed = new double[n];
    for (int i = 0, j = 0; i < all.length; i++) {
      if (!Double.isNaN(all[i])) {
        packed[j++] = all[i];
      }
    }
    this.one = Double.NaN;
    this.more = packed;
  }

  private double at(int index) {
    return more == null ? one : more[index];
  }

  /** A distribution known only by its mean (a single-valued quantity). */
  public static Distribution ofMean(double mean) {
    // the same as builder().put(MEAN, mean).build(), without the builder: readers make millions
    return new Distribution(1 << Statistic.MEAN.ordinal(), checkFinite(Statistic.MEAN, mean), null);
  }

  /** Starts an empty distribution. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code statistic}, or empty when the source did not report it. */
  public OptionalDouble get(Statistic statistic) {
    int bit = 1 << statistic.ordinal();
    return (present & bit) == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(at(Integer.bitCount(present & (bit - 1))));
  }

  /** Whether the source reported {@code statistic}. */
  public boolean has(Statistic statistic) {
    return (present & (1 << statistic.ordinal())) != 0;
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

  /** The first statistic below 0, or null: a check every value makes, without a set per call. */
  @Nullable Statistic firstNegative() {
    for (Statistic s : STATS) {
      if (has(s) && at(Integer.bitCount(present & ((1 << s.ordinal()) - 1))) < 0) {
        return s;
      }
    }
    return null;
  }

  /** True when no statistic is present. */
  public boolean isEmpty() {
    return present == 0;
  }

  /**
   * Applies a linear change of scale (a unit conversion or a per-chip division) to every statistic.
   * The function must be a positive scaling, so that order statistics stay ordered.
   */
  public Distribution scaled(DoubleUnaryOperator positiveScaling) {
    double[] out = new double[STATS.length];
    Arrays.fill(out, Double.NaN);
    for (Statistic s : STATS) {
      if (has(s)) {
        out[s.ordinal()] = checkFinite(s, positiveScaling.applyAsDouble(get(s).getAsDouble()));
      }
    }
    return new Distribution(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d
        && present == d.present
        && Double.compare(one, d.one) == 0
        && Arrays.equals(more, d.more);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * present + Double.hashCode(one)) + Arrays.hashCode(more);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Statistic s : STATS) {
      if (has(s)) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(s.key()).append('=').append(get(s).getAsDouble());
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
      return new Distribution(values);
    }
  }
}
