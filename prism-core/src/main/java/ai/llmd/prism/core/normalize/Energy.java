package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.Role;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Average power and energy per million output tokens. Measured power (from the source) wins; else,
 * where the {@link PowerTable} has a row for the accelerator, power is estimated as its watts per
 * accelerator × the deployment's accelerators, and the rule says "estimated" and cites the row.
 * Energy is then {@code average_power × 10^6 / (3600 × output_throughput)} Wh per 1M output tokens
 * (perfdash §2.14's formula with the runtime cancelled out).
 */
final class Energy {

  static final String ENERGY_RULE =
      "energy_per_million_output_tokens = average_power × 10^6 / (3600 × output_throughput)";

  private Energy() {}

  /** Total accelerators as Views counts them (Views is in core, which depends on this package). */
  private static OptionalInt accelerators(Deployment d) {
    if (d.acceleratorCount() != null) {
      return OptionalInt.of(d.acceleratorCount());
    }
    int n = 0;
    for (Role r : d.roles()) {
      if (r.accelerators() == null) {
        return OptionalInt.empty();
      }
      n += r.accelerators();
    }
    return n == 0 ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /** {@code metrics} with power and energy filled where absent; itself when nothing changed. */
  static Metrics derive(Metrics metrics, Deployment deployment, PowerTable table) {
    Metrics.Builder b = null;
    Optional<MetricValue> power = metrics.get(Metric.AVERAGE_POWER);
    if (power.isEmpty() && deployment.accelerator() != null) {
      Optional<PowerTable.Row> row = table.row(deployment.accelerator().name());
      OptionalInt chips = accelerators(deployment);
      if (row.isPresent() && chips.isPresent()) {
        double watts = row.get().wattsPerAccelerator() * chips.getAsInt();
        power =
            Optional.of(
                MetricValue.derived(
                    Metric.AVERAGE_POWER,
                    Distribution.ofMean(watts),
                    "estimated: "
                        + chips.getAsInt()
                        + " accelerators × "
                        + row.get().describe()
                        + " from power table "
                        + table.version()));
        b = metrics.toBuilder();
        b.put(power.get());
      }
    }
    OptionalDouble out = metrics.mean(Metric.OUTPUT_THROUGHPUT);
    if (power.isPresent()
        && power.get().mean().isPresent()
        && !metrics.has(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS)
        && out.isPresent()
        && out.getAsDouble() > 0) {
      double wh = power.get().mean().getAsDouble() * 1e6 / (3600 * out.getAsDouble());
      String rule =
          ENERGY_RULE
              + power
                  .get()
                  .rule()
                  .map(r -> "; average_power " + (r.startsWith("estimated") ? r : "from " + r))
                  .orElse("; average_power measured");
      b = b == null ? metrics.toBuilder() : b;
      b.put(
          MetricValue.derived(
              Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS, Distribution.ofMean(wh), rule));
    }
    return b == null ? metrics : b.build();
  }
}
