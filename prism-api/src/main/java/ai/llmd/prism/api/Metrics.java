package ai.llmd.prism.api;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** The metric values of one benchmark point, at most one per {@link Metric}. */
public final class Metrics {

  private static final Metrics EMPTY = new Metrics(new EnumMap<>(Metric.class));

  private final Map<Metric, MetricValue> values;

  private Metrics(EnumMap<Metric, MetricValue> values) {
    this.values = Collections.unmodifiableMap(values);
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
    b.values.putAll(values);
    return b;
  }

  /** The value of {@code metric}, or empty. */
  public Optional<MetricValue> get(Metric metric) {
    return Optional.ofNullable(values.get(metric));
  }

  /** Whether a value of {@code metric} is present. */
  public boolean has(Metric metric) {
    return values.containsKey(metric);
  }

  /** One statistic of {@code metric}, or empty when the metric or the statistic is absent. */
  public OptionalDouble get(Metric metric, Statistic statistic) {
    MetricValue v = values.get(metric);
    return v == null ? OptionalDouble.empty() : v.get(statistic);
  }

  /** The mean of {@code metric}, or empty. */
  public OptionalDouble mean(Metric metric) {
    return get(metric, Statistic.MEAN);
  }

  /** The metrics present, in {@link Metric} order. */
  public Set<Metric> metrics() {
    return values.keySet();
  }

  /** The values present, in {@link Metric} order. */
  public Collection<MetricValue> values() {
    return values.values();
  }

  public int size() {
    return values.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics m && values.equals(m.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.values().toString();
  }

  /** Collects metric values; a later value for the same metric replaces the earlier one. */
  public static final class Builder {
    private final EnumMap<Metric, MetricValue> values = new EnumMap<>(Metric.class);

    private Builder() {}

    public Builder put(MetricValue value) {
      values.put(value.metric(), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds {@code value} only when the metric has no value yet. */
    public Builder putIfAbsent(MetricValue value) {
      values.putIfAbsent(value.metric(), Objects.requireNonNull(value, "value"));
      return this;
    }

    public boolean has(Metric metric) {
      return values.containsKey(metric);
    }

    public Optional<MetricValue> get(Metric metric) {
      return Optional.ofNullable(values.get(metric));
    }

    public Metrics build() {
      return values.isEmpty() ? EMPTY : new Metrics(new EnumMap<>(values));
    }
  }
}
