package ai.llmd.prism.core;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Role;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-accelerator, per-replica and per-node views of a point's metrics: the one place where a value
 * is divided by a count. Only metrics that scale with accelerator count are divided; latencies pass
 * through unchanged. A view whose divisor is unknown is empty rather than guessed.
 */
public final class Views {

  private Views() {}

  /** What a value is divided by. */
  public enum Basis {
    /** The whole deployment, as measured. */
    TOTAL,
    /** Per accelerator (chip). */
    ACCELERATOR,
    /** Per serving replica (prefill and decode replicas both count). */
    REPLICA,
    /** Per node. */
    NODE
  }

  /** The value of {@code metric} on {@code basis}, or empty when absent or not divisible. */
  public static Optional<MetricValue> value(BenchmarkPoint point, Metric metric, Basis basis) {
    Optional<MetricValue> v = point.metrics().get(metric);
    if (v.isEmpty() || basis == Basis.TOTAL || !metric.scalesWithAccelerators()) {
      return v;
    }
    OptionalInt divisor = divisor(point.deployment(), basis);
    if (divisor.isEmpty()) {
      return Optional.empty();
    }
    int d = divisor.getAsInt();
    MetricValue m = v.get();
    String rule = "per-" + basis.name().toLowerCase(java.util.Locale.ROOT) + " (÷" + d + ")";
    return Optional.of(
        MetricValue.derived(
            metric,
            m.distribution().scaled(x -> x / d),
            m.isDerived() ? m.derivation() + ", " + rule : rule));
  }

  /** How many accelerators, replicas or nodes a deployment has, or empty when unknown. */
  public static OptionalInt divisor(Deployment deployment, Basis basis) {
    return switch (basis) {
      case TOTAL -> OptionalInt.of(1);
      case ACCELERATOR -> accelerators(deployment);
      case REPLICA -> {
        int n = 0;
        for (Role r : deployment.roles()) {
          n += r.replicas();
        }
        yield n == 0 ? OptionalInt.empty() : OptionalInt.of(n);
      }
      case NODE ->
          deployment.nodes() == null ? OptionalInt.empty() : OptionalInt.of(deployment.nodes());
    };
  }

  /**
   * Total accelerators: the deployment's stated count, else the sum over roles of replicas ×
   * accelerators per replica when every role knows the latter.
   */
  public static OptionalInt accelerators(Deployment deployment) {
    return deployment.totalAccelerators();
  }
}
