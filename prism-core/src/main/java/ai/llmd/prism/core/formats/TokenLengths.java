package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.readkit.JsonFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The token lengths of one column of a dataset summary (every sample's input or output length),
 * with the statistics and histograms a report shows. Every statistic is computed from the samples
 * alone: percentiles are nearest-rank, so each is a length some sample really has.
 */
public final class TokenLengths {

  private static final double[] QUANTILES = {0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9};

  private final int[] sorted;
  private final long sum;

  TokenLengths(int[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.sorted = samples.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 0) {
      throw new IllegalArgumentException("negative length " + sorted[0]);
    }
    long s = 0;
    for (int v : sorted) {
      s += v;
    }
    this.sum = s;
  }

  /** How many samples there are. */
  public int count() {
    return sorted.length;
  }

  /** The shortest length, in tokens. */
  public int min() {
    return sorted[0];
  }

  /** The longest length, in tokens. */
  public int max() {
    return sorted[sorted.length - 1];
  }

  /** The arithmetic mean, in tokens. */
  public double mean() {
    return (double) sum / sorted.length;
  }

  /**
   * The nearest-rank percentile {@code q} (0 &lt; q ≤ 100): the smallest sample length such that at
   * least {@code q} % of the samples are no longer.
   */
  public int percentile(double q) {
    if (!(q > 0 && q <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + q);
    }
    int rank = (int) Math.ceil(q / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /**
   * Mean, min, max and the percentiles p0.1 … p99.9 (nearest-rank), in tokens, as the model's
   * distribution type.
   */
  public Distribution distribution() {
    Distribution.Builder b =
        Distribution.builder()
            .put(Statistic.MEAN, mean())
            .put(Statistic.MIN, min())
            .put(Statistic.MAX, max());
    for (double q : QUANTILES) {
      b.put(JsonFields.percentile(q), percentile(q));
    }
    return b.build();
  }

  /** Every sample length in ascending order (a copy). */
  public int[] sortedSamples() {
    return sorted.clone();
  }

  /**
   * The samples counted in {@code bins} equal-width bins spanning {@code [min, max + 1)}, so that
   * every whole length falls in exactly one bin, each bin holding lengths {@code lower ≤ n <
   * upper}.
   */
  public List<Bin> histogram(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be positive, was " + bins);
    }
    double lo = min();
    double width = (max() + 1.0 - lo) / bins;
    int[] counts = new int[bins];
    for (int v : sorted) {
      counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
    }
    List<Bin> out = new ArrayList<>(bins);
    for (int i = 0; i < bins; i++) {
      out.add(
          new Bin(lo + i * width, i == bins - 1 ? max() + 1.0 : lo + (i + 1) * width, counts[i]));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "TokenLengths[count=" + count() + ", min=" + min() + ", max=" + max() + "]";
  }

  /**
   * One histogram bin: the samples with {@code lower ≤ length < upper} tokens.
   *
   * @param lower the inclusive lower edge, in tokens
   * @param upper the exclusive upper edge, in tokens
   * @param count how many samples fall in the bin
   */
  public record Bin(double lower, double upper, int count) {
    /** Checks the edges are ordered and the count is not negative. */
    public Bin {
      if (!(lower < upper) || count < 0) {
        throw new IllegalArgumentException(
            "bad bin [" + lower + ", " + upper + ") with count " + count);
      }
    }
  }
}
