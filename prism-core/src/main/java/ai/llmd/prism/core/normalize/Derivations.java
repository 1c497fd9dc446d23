package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The named rules that fill in a metric the source did not report from ones it did. A rule runs
 * only when its target is absent, and only ever produces a mean: percentiles do not survive
 * arithmetic on means. Where a measured value and a rule's inputs disagree by more than {@link
 * #TOLERANCE}, the measured value stays and a warning says so.
 *
 * <p>Latency identities are applied to means, which is exact when every request has the same output
 * length and approximate otherwise; for that reason they are not used to second-guess measured
 * latencies (only throughputs and counts, whose identities are exact for aggregates).
 */
final class Derivations {

  private Derivations() {}

  /** Relative disagreement above which a measured value is reported as inconsistent. */
  static final double TOLERANCE = 0.01;

  static final String E2E_FROM_TPOT = "e2e_latency = ttft + tpot × (osl − 1), from means";
  static final String E2E_FROM_NTPOT = "e2e_latency = ntpot × osl, from means";
  static final String TPOT_FROM_E2E = "tpot = (e2e_latency − ttft) / (osl − 1), from means";
  static final String NTPOT_FROM_E2E =
      "ntpot = mean e2e_latency / mean osl (a ratio of means, not the per-request mean)";
  static final String OUTPUT_FROM_TOTAL = "output_throughput = total_throughput − input_throughput";
  static final String OUTPUT_FROM_RATE = "output_throughput = request_rate × osl";
  static final String INPUT_FROM_TOTAL = "input_throughput = total_throughput − output_throughput";
  static final String INPUT_FROM_RATE = "input_throughput = request_rate × isl";
  static final String TOTAL_FROM_PARTS = "total_throughput = input_throughput + output_throughput";
  static final String SUCCESS_FROM_COUNTS = "success_rate = requests_succeeded / requests_total";
  static final String SUCCESS_FROM_FAILED =
      "success_rate = (requests_total − requests_failed) / requests_total";
  static final String SUCCESS_FROM_BOTH =
      "success_rate = requests_succeeded / (requests_succeeded + requests_failed)";
  static final String FAILURE_FROM_COUNTS = "failure_rate = requests_failed / requests_total";
  static final String FAILURE_FROM_SUCCEEDED =
      "failure_rate = (requests_total − requests_succeeded) / requests_total";
  static final String FAILURE_FROM_BOTH =
      "failure_rate = requests_failed / (requests_succeeded + requests_failed)";

  /**
   * {@code metrics} with every rule applied whose target is absent and whose inputs are present;
   * inconsistencies go to {@code warnings}. Returns {@code metrics} itself when nothing changed.
   */
  static Metrics derive(Metrics metrics, Workload workload, Consumer<String> warnings) {
    Metrics.Builder b = metrics.toBuilder();
    OptionalDouble isl = mean(workload.inputLength());
    OptionalDouble osl = mean(workload.outputLength());
    boolean changed = false;

    // Latencies: E2E first, so TPOT and NTPOT can use it.
    if (!b.has(Metric.E2E_LATENCY)) {
      OptionalDouble ttft = mean(b, Metric.TTFT);
      OptionalDouble tpot = mean(b, Metric.TPOT);
      OptionalDouble ntpot = mean(b, Metric.NTPOT);
      if (ttft.isPresent() && tpot.isPresent() && osl.isPresent() && osl.getAsDouble() >= 1) {
        changed |=
            put(
                b,
                Metric.E2E_LATENCY,
                ttft.getAsDouble() + tpot.getAsDouble() * (osl.getAsDouble() - 1),
                E2E_FROM_TPOT);
      } else if (ntpot.isPresent() && osl.isPresent()) {
        changed |=
            put(b, Metric.E2E_LATENCY, ntpot.getAsDouble() * osl.getAsDouble(), E2E_FROM_NTPOT);
      }
    }
    OptionalDouble e2e = mean(b, Metric.E2E_LATENCY);
    if (!b.has(Metric.TPOT) && e2e.isPresent() && osl.isPresent() && osl.getAsDouble() > 1) {
      OptionalDouble ttft = mean(b, Metric.TTFT);
      if (ttft.isPresent() && e2e.getAsDouble() >= ttft.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.TPOT,
                (e2e.getAsDouble() - ttft.getAsDouble()) / (osl.getAsDouble() - 1),
                TPOT_FROM_E2E);
      }
    }
    if (!b.has(Metric.NTPOT) && e2e.isPresent() && osl.isPresent() && osl.getAsDouble() > 0) {
      changed |= put(b, Metric.NTPOT, e2e.getAsDouble() / osl.getAsDouble(), NTPOT_FROM_E2E);
    }
    checkNtpotIsNotTpot(b, e2e, osl, warnings);

    // Throughputs.
    OptionalDouble rate = mean(b, Metric.REQUEST_RATE);
    if (!b.has(Metric.OUTPUT_THROUGHPUT)) {
      OptionalDouble total = mean(b, Metric.TOTAL_THROUGHPUT);
      OptionalDouble input = mean(b, Metric.INPUT_THROUGHPUT);
      if (total.isPresent() && input.isPresent() && total.getAsDouble() >= input.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.OUTPUT_THROUGHPUT,
                total.getAsDouble() - input.getAsDouble(),
                OUTPUT_FROM_TOTAL);
      } else if (rate.isPresent() && osl.isPresent()) {
        changed |=
            put(
                b,
                Metric.OUTPUT_THROUGHPUT,
                rate.getAsDouble() * osl.getAsDouble(),
                OUTPUT_FROM_RATE);
      }
    } else if (rate.isPresent() && osl.isPresent()) {
      check(
          b,
          Metric.OUTPUT_THROUGHPUT,
          rate.getAsDouble() * osl.getAsDouble(),
          "request_rate × osl",
          warnings);
    }
    if (!b.has(Metric.INPUT_THROUGHPUT)) {
      OptionalDouble total = mean(b, Metric.TOTAL_THROUGHPUT);
      OptionalDouble output = mean(b, Metric.OUTPUT_THROUGHPUT);
      if (total.isPresent() && output.isPresent() && total.getAsDouble() >= output.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.INPUT_THROUGHPUT,
                total.getAsDouble() - output.getAsDouble(),
                INPUT_FROM_TOTAL);
      } else if (rate.isPresent() && isl.isPresent()) {
        changed |=
            put(
                b,
                Metric.INPUT_THROUGHPUT,
                rate.getAsDouble() * isl.getAsDouble(),
                INPUT_FROM_RATE);
      }
    } else if (rate.isPresent() && isl.isPresent()) {
      check(
          b,
          Metric.INPUT_THROUGHPUT,
          rate.getAsDouble() * isl.getAsDouble(),
          "request_rate × isl",
          warnings);
    }
    OptionalDouble input = mean(b, Metric.INPUT_THROUGHPUT);
    OptionalDouble output = mean(b, Metric.OUTPUT_THROUGHPUT);
    if (input.isPresent() && output.isPresent()) {
      double sum = input.getAsDouble() + output.getAsDouble();
      if (!b.has(Metric.TOTAL_THROUGHPUT)) {
        changed |= put(b, Metric.TOTAL_THROUGHPUT, sum, TOTAL_FROM_PARTS);
      } else {
        check(b, Metric.TOTAL_THROUGHPUT, sum, "input_throughput + output_throughput", warnings);
      }
    }

    // Success and failure rates from request counts.
    OptionalDouble total = mean(b, Metric.REQUESTS_TOTAL);
    OptionalDouble ok = mean(b, Metric.REQUESTS_SUCCEEDED);
    OptionalDouble failed = mean(b, Metric.REQUESTS_FAILED);
    boolean haveTotal = total.isPresent() && total.getAsDouble() > 0;
    boolean haveBoth =
        ok.isPresent() && failed.isPresent() && ok.getAsDouble() + failed.getAsDouble() > 0;
    if (!b.has(Metric.SUCCESS_RATE)) {
      if (haveTotal && ok.isPresent() && ok.getAsDouble() <= total.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.SUCCESS_RATE,
                ok.getAsDouble() / total.getAsDouble(),
                SUCCESS_FROM_COUNTS);
      } else if (haveTotal && failed.isPresent() && failed.getAsDouble() <= total.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.SUCCESS_RATE,
                (total.getAsDouble() - failed.getAsDouble()) / total.getAsDouble(),
                SUCCESS_FROM_FAILED);
      } else if (!haveTotal && haveBoth) {
        changed |=
            put(
                b,
                Metric.SUCCESS_RATE,
                ok.getAsDouble() / (ok.getAsDouble() + failed.getAsDouble()),
                SUCCESS_FROM_BOTH);
      }
    } else if (haveTotal && ok.isPresent()) {
      check(
          b,
          Metric.SUCCESS_RATE,
          ok.getAsDouble() / total.getAsDouble(),
          "requests_succeeded / requests_total",
          warnings);
    }
    if (!b.has(Metric.FAILURE_RATE)) {
      if (haveTotal && failed.isPresent() && failed.getAsDouble() <= total.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.FAILURE_RATE,
                failed.getAsDouble() / total.getAsDouble(),
                FAILURE_FROM_COUNTS);
      } else if (haveTotal && ok.isPresent() && ok.getAsDouble() <= total.getAsDouble()) {
        changed |=
            put(
                b,
                Metric.FAILURE_RATE,
                (total.getAsDouble() - ok.getAsDouble()) / total.getAsDouble(),
                FAILURE_FROM_SUCCEEDED);
      } else if (!haveTotal && haveBoth) {
        changed |=
            put(
                b,
                Metric.FAILURE_RATE,
                failed.getAsDouble() / (ok.getAsDouble() + failed.getAsDouble()),
                FAILURE_FROM_BOTH);
      }
    } else if (haveTotal && failed.isPresent()) {
      check(
          b,
          Metric.FAILURE_RATE,
          failed.getAsDouble() / total.getAsDouble(),
          "requests_failed / requests_total",
          warnings);
    }
    return changed ? b.build() : metrics;
  }

  /** Prism copied TPOT into NTPOT; a source that did the same is caught here. */
  private static void checkNtpotIsNotTpot(
      Metrics.Builder b, OptionalDouble e2e, OptionalDouble osl, Consumer<String> warnings) {
    MetricValue ntpot = b.get(Metric.NTPOT).orElse(null);
    MetricValue tpot = b.get(Metric.TPOT).orElse(null);
    if (ntpot == null || tpot == null || ntpot.isDerived() || tpot.isDerived()) {
      return;
    }
    if (!ntpot.distribution().equals(tpot.distribution()) || e2e.isEmpty() || osl.isEmpty()) {
      return;
    }
    double expected = e2e.getAsDouble() / osl.getAsDouble();
    double measured = ntpot.mean().orElse(Double.NaN);
    if (Math.abs(measured - expected) > TOLERANCE * Math.abs(measured)) {
      warnings.accept(
          String.format(
              Locale.ROOT,
              "ntpot is identical to tpot (%s ms/token) but e2e_latency / osl is %s ms/token:"
                  + " the source may have copied tpot into ntpot; keeping the measured value",
              fmt(measured),
              fmt(expected)));
    }
  }

  private static void check(
      Metrics.Builder b, Metric metric, double expected, String rule, Consumer<String> warnings) {
    MetricValue v = b.get(metric).orElse(null);
    if (v == null || v.isDerived() || v.mean().isEmpty()) {
      return;
    }
    double measured = v.mean().getAsDouble();
    double diff = Math.abs(measured - expected);
    if (diff > TOLERANCE * Math.abs(measured) && diff > 1e-9) {
      warnings.accept(
          String.format(
              Locale.ROOT,
              "%s %s %s disagrees with %s = %s by %s%%; keeping the measured value",
              metric.key(),
              fmt(measured),
              metric.unit().symbol(),
              rule,
              fmt(expected),
              fmt(measured == 0 ? 100 : diff / Math.abs(measured) * 100)));
    }
  }

  private static boolean put(Metrics.Builder b, Metric metric, double value, String rule) {
    if (!Double.isFinite(value) || value < 0) {
      return false;
    }
    b.put(MetricValue.derived(metric, Distribution.ofMean(value), rule));
    return true;
  }

  private static OptionalDouble mean(Metrics.Builder b, Metric m) {
    return b.get(m).map(MetricValue::mean).orElse(OptionalDouble.empty());
  }

  private static OptionalDouble mean(Distribution d) {
    return d == null ? OptionalDouble.empty() : d.mean();
  }

  /** Six digits; beyond 1e15 or below 1e-6 in E notation, not 300 digits; ∞ for an infinity. */
  private static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    boolean plain = v == 0 || (Math.abs(v) < 1e15 && Math.abs(v) >= 1e-6);
    return plain ? d.toPlainString() : d.toString();
  }
}
