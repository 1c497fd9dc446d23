package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import java.util.OptionalDouble;

/**
 * Workload facets: the ISL/OSL size bucket of each length and the prefill/decode-bias class of
 * their ratio, with the same thresholds and labels as Prism (so facets line up), computed from the
 * mean length (else the median).
 */
public final class Workloads {

  private Workloads() {}

  /** Facet label when a length is absent or not positive. */
  public static final String UNKNOWN = "Unknown";

  /**
   * The facets of one workload.
   *
   * @param inputBucket the ISL bucket, e.g. {@code ~8k}
   * @param outputBucket the OSL bucket, e.g. {@code ~1k}
   * @param bias the prefill/decode-bias class, e.g. {@code Prefill Biased (>2:1)}
   */
  public record Classification(String inputBucket, String outputBucket, String bias) {}

  private static final double[] UPPER = {
    160, 384, 768, 1536, 3072, 6144, 12288, 24576, 49152, 98304
  };
  private static final String[] LABEL = {
    "~128", "~256", "~512", "~1k", "~2k", "~4k", "~8k", "~16k", "~32k", "~64k"
  };

  /** Buckets and bias class of {@code workload}; {@link #UNKNOWN} where a length is missing. */
  public static Classification classify(Workload workload) {
    OptionalDouble isl = typical(workload.inputLength());
    OptionalDouble osl = typical(workload.outputLength());
    return new Classification(
        isl.isPresent() ? bucket(isl.getAsDouble()) : UNKNOWN,
        osl.isPresent() ? bucket(osl.getAsDouble()) : UNKNOWN,
        isl.isPresent() && osl.isPresent() ? bias(isl.getAsDouble(), osl.getAsDouble()) : UNKNOWN);
  }

  /**
   * The bucket of a length in tokens: {@code ~128} below 160, {@code ~256} below 384, … doubling up
   * to {@code ~64k} below 98304, else {@code ~128k+}; {@link #UNKNOWN} when not positive.
   */
  public static String bucket(double tokens) {
    if (!(tokens > 0)) {
      return UNKNOWN;
    }
    for (int i = 0; i < UPPER.length; i++) {
      if (tokens < UPPER[i]) {
        return LABEL[i];
      }
    }
    return "~128k+";
  }

  /**
   * The prefill/decode-bias class of input and output lengths: {@code Pure Prefill} when OSL &lt;
   * 5, {@code Pure Decode} when ISL &lt; 5, {@code Balanced (~1:1)} for ISL/OSL in [0.8, 1.25],
   * then by ISL/OSL (or OSL/ISL) above 32, 10, 2 and 1.25.
   */
  public static String bias(double isl, double osl) {
    if (!(isl >= 0) || !(osl >= 0)) {
      return UNKNOWN;
    }
    if (osl < 5) {
      return "Pure Prefill";
    }
    if (isl < 5) {
      return "Pure Decode";
    }
    double r = isl / osl;
    if (r >= 0.8 && r <= 1.25) {
      return "Balanced (~1:1)";
    }
    if (r > 1.25) {
      if (r > 32) {
        return "Extreme Prefill (>32:1)";
      }
      if (r > 10) {
        return "Heavy Prefill (>10:1)";
      }
      if (r > 2) {
        return "Prefill Biased (>2:1)";
      }
      return "Slightly Prefill Biased (>1.25:1)";
    }
    double inv = osl / isl;
    if (inv > 32) {
      return "Extreme Decode (>1:32)";
    }
    if (inv > 10) {
      return "Heavy Decode (>1:10)";
    }
    if (inv > 2) {
      return "Decode Biased (>1:2)";
    }
    return "Slightly Decode Biased (>1:1.25)";
  }

  static OptionalDouble typical(Distribution d) {
    if (d == null) {
      return OptionalDouble.empty();
    }
    OptionalDouble m = d.mean();
    return m.isPresent() ? m : d.get(Statistic.P50);
  }
}
