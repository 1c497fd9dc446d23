package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.formats.DatasetSummary;
import ai.llmd.prism.core.formats.TokenLengths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token-length distributions of the datasets a benchmark sends (the dataset summary CSVs read
 * by {@link DatasetSummaries}): per dataset, its input and, where the file has them, output lengths
 * as a histogram of {@value #BINS} equal-width bins and nearest-rank percentiles, each a length
 * some sample really has.
 *
 * @param datasets one per summary read, in the order read
 * @param problems what the reader reported, each naming the file and row
 */
public record DatasetViews(List<Dataset> datasets, List<Problem> problems) {

  /** Histogram bins per length column. */
  public static final int BINS = 40;

  /** The percentiles shown, in percent. */
  public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 95.0, 99.0);

  /** Copies both lists. */
  public DatasetViews {
    datasets = List.copyOf(datasets);
    problems = List.copyOf(problems);
  }

  /** No dataset. */
  public static DatasetViews none() {
    return new DatasetViews(List.of(), List.of());
  }

  /** The views of what {@link DatasetSummaries#read} returned. */
  public static DatasetViews of(DatasetSummaries.Result read) {
    List<Dataset> out = new ArrayList<>();
    for (DatasetSummary s : read.summaries()) {
      out.add(new Dataset(s.name(), s.file(), Lengths.of(s.input()), s.output().map(Lengths::of)));
    }
    return new DatasetViews(out, read.problems());
  }

  /**
   * One dataset.
   *
   * @param name the dataset's name (the file name without extension)
   * @param file the file it was read from
   * @param input its input (prompt) lengths
   * @param output its output lengths, when the file has them
   */
  public record Dataset(String name, String file, Lengths input, Optional<Lengths> output) {
    /** Checks every component is present. */
    public Dataset {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * One column of lengths, in tokens.
   *
   * @param count how many samples
   * @param min the shortest
   * @param max the longest
   * @param mean the arithmetic mean
   * @param percentiles {@code p50}, {@code p90}, {@code p95}, {@code p99} to the nearest-rank
   *     length
   * @param histogram {@value #BINS} equal-width bins over {@code [min, max + 1)}
   */
  public record Lengths(
      int count,
      int min,
      int max,
      double mean,
      Map<String, Integer> percentiles,
      List<TokenLengths.Bin> histogram) {
    /** Copies the percentiles (keeping their order) and the bins. */
    public Lengths {
      percentiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(percentiles));
      histogram = List.copyOf(histogram);
    }

    static Lengths of(TokenLengths t) {
      Map<String, Integer> p = new LinkedHashMap<>();
      for (double q : PERCENTILES) {
        p.put(
            "p" + (q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q)),
            t.percentile(q));
      }
      return new Lengths(t.count(), t.min(), t.max(), t.mean(), p, t.histogram(BINS));
    }
  }
}
