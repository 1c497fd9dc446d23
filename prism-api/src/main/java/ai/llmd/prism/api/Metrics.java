package ai.llmd.prism.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The metric values of one benchmark point, at most one per {@link Metric}. */
public final class Metrics {

  private static final Metric[] METRICS = Metric.values();
  private static final Metrics EMPTY = new Metrics(0, new MetricValue[0]);

  // The values present, in Metric order, and a bit per Metric saying which: a point holds a dozen
  // values, and a map of them would cost more than the values themselves.
  private final int present;
  private final MetricValue[] values;

  private Metrics(int present, MetricValue[] values) {
    this.present = present;
    this.values = values;
  }

  /** No values at all. */
  public static Metrics empty() {
    return EMPTY;
  }

  /** Starts an empty set of values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to add or replace some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (MetricValue v : values) {
      b.put(v);
    }
    return b;
  }

  /** The value of {@code metric}, or empty. */
  public Optional<MetricValue> get(Metric metric) {
    return Optional.ofNullable(value(metric));
  }

  private @Nullable MetricValue value(Metric metric) {
    int bit = 1 << metric.ordinal();
    return (present & bit) == 0 ? null : values[Integer.bitCount(present & (bit - 1))];
  }

  /** Whether a value of {@code metric} is present. */
  public boolean has(Metric metric) {
    return (present & (1 << metric.ordinal())) != 0;
  }

  /** One statistic of {@code metric}, or empty when the metric or the statistic is absent. */
  public OptionalDouble get(Metric metric, Statistic statistic) {
    MetricValue v = value(metric);
    return v == null ? OptionalDouble.empty() : v.get(statistic);
  }

  /** The mean of {@code metric}, or empty. */
  public OptionalDouble mean(Metric metric) {
    return get(metric, Statistic.MEAN);
  }

  /** The metrics present, in {@link Metric} order. */
  public Set<Metric> metrics() {
    EnumSet<Metric> out = EnumSet.noneOf(Metric.class);
    for (Metric m : METRICS) {
      if (has(m)) {
        out.add(m);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The values present, in {@link Metric} order. */
  public Collection<MetricValue> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics m && present == m.present && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }

  /** Collects metric values; a later value for the same metric replaces the earlier one. */
  public static final class Builder {
    // by Metric ordinal: an EnumMap's iterators and toArray cost more than the values at a million
    private final @Nullable MetricValue[] values = new MetricValue[METRICS.length];
    private int present;

    private Builder() {}

    public Builder put(MetricValue value) {
      Objects.requireNonNull(value, "value");
      int i = value.metric().ordinal();
      values[i] = value;
      present |= 1 << i;
      return this;
    }

    /** Adds {@code value} only when the metric has no value yet. */
    public Builder putIfAbsent(MetricValue value) {
      Objects.requireNonNull(value, "value");
      if (!has(value.metric())) {
        put(value);
      }
      return this;
    }

    public boolean has(Metric metric) {
      return (present & (1 << metric.ordinal())) != 0;
    }

    public Optional<MetricValue> get(Metric metric) {
      return Optional.ofNullable(values[metric.ordinal()]);
    }

    public Metrics build() {
      if (present == 0) {
        return EMPTY;
      }
      MetricValue[] packed = new MetricValue[Integer.bitCount(present)];
      for (int i = 0, j = 0; j < packed.length; i++) {
        if (values[i] != null) {
          packed[j++] = values[i];
        }
      }
      return new Metrics(present, packed);
    }
  }
}
