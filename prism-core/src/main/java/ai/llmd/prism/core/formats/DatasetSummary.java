package ai.llmd.prism.core.formats;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The token-length summary of one dataset, read from a CSV of one row per sample (the
 * performance-dashboard's {@code datasets/summaries} and {@code mlperf-data/summaries} files). It
 * is not a benchmark point: it describes the prompts a benchmark sends, for ISL/OSL histograms.
 *
 * @param name the dataset's name: the file name without its extension (e.g. {@code deepseek-r1})
 * @param source where the file lives
 * @param file the file's name in messages (relative to the directory read)
 * @param input the input (prompt) length of every sample
 * @param output the output length of every sample, when the file has that column
 */
public record DatasetSummary(
    String name, URI source, String file, TokenLengths input, Optional<TokenLengths> output) {

  /** Checks every component is present. */
  public DatasetSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }
}
