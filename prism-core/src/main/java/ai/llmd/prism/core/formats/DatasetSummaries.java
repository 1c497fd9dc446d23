package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.internal.PathSourceFile;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads dataset token-length summaries ({@link DatasetSummary}): CSV files with one row per sample
 * and a whole-number column {@code input_length} and, optionally, {@code output_length} (any header
 * naming input or output and a length or token count is accepted, as the dashboard that writes them
 * does). A bad cell is a {@link Problem} at its row and column and the rest of the file still
 * loads; a file without an input-length column or without any sample gives no summary and an error.
 */
public final class DatasetSummaries {

  /**
   * The largest file read: the loader's default bound, repeated here because this package may not
   * depend on the core package (that would close a package cycle); a test keeps the two equal.
   */
  static final long MAX_FILE_BYTES = 256L << 20;

  private DatasetSummaries() {}

  /**
   * What was read: one summary per readable file, in file-name order, and every problem met.
   *
   * @param summaries the summaries read
   * @param problems what was wrong, each naming the file and the row
   */
  public record Result(List<DatasetSummary> summaries, List<Problem> problems) {
    /** Copies both lists. */
    public Result {
      summaries = List.copyOf(summaries);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads one summary file, or every {@code .csv} file directly in a directory (sorted by name). A
   * path that cannot be read is a problem, not an exception.
   */
  public static Result read(Path path) {
    List<DatasetSummary> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(path)) {
        files =
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                .filter(Files::isRegularFile)
                .sorted()
                .toList();
      } catch (IOException e) {
        problems.add(Problem.error(path.toString(), "", "cannot list the directory: " + e));
        return new Result(out, problems);
      }
      if (files.isEmpty()) {
        problems.add(Problem.warning(path.toString(), "", "no .csv file in the directory"));
      }
      for (Path f : files) {
        readInto(source(f), out, problems);
      }
    } else {
      readInto(source(path), out, problems);
    }
    return new Result(out, problems);
  }

  /** Reads one summary file from any source (a bucket object, standard input). */
  public static Result read(SourceFile file) {
    List<DatasetSummary> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    readInto(file, out, problems);
    return new Result(out, problems);
  }

  private static SourceFile source(Path p) {
    return new PathSourceFile(p, String.valueOf(p.getFileName()), MAX_FILE_BYTES);
  }

  private static void readInto(SourceFile file, List<DatasetSummary> out, List<Problem> problems) {
    String name = file.name();
    byte[] bytes;
    try {
      bytes = file.bytes();
    } catch (IOException e) {
      problems.add(Problem.error(name, "", "cannot read the file: " + e.getMessage()));
      return;
    }
    DelimitedText.Decoded text = DelimitedText.decode(bytes);
    if (text.warning() != null) {
      problems.add(Problem.warning(name, "", text.warning()));
    }
    DelimitedText.Records table;
    try {
      table = DelimitedText.records(text.text(), DelimitedText.separator(text.text()));
    } catch (IOException e) {
      problems.add(Problem.error(name, "", e.getMessage() + "; not read"));
      return;
    }
    List<String[]> rows = table.rows();
    if (rows.isEmpty() || rows.get(0).length == 0) {
      problems.add(Problem.error(name, "row 0", "no header; not a dataset summary"));
      return;
    }
    String[] head = rows.get(0);
    int in = column(head, "input");
    int outCol = column(head, "output");
    if (in < 0) {
      problems.add(
          Problem.error(name, "row 0", "no input-length column (expected input_length); not read"));
      return;
    }
    for (int c = 0; c < head.length; c++) {
      if (c != in && c != outCol) {
        problems.add(
            Problem.info(
                name,
                "row 0, column " + DelimitedText.cell(head, c),
                "not a token length; not kept"));
      }
    }
    Samples inputs = new Samples();
    Samples outputs = new Samples();
    for (int i = 1; i < rows.size(); i++) {
      String[] r = rows.get(i);
      if (r.length == 0) {
        continue;
      }
      if (r.length != head.length) {
        problems.add(
            Problem.error(
                name,
                "row " + i,
                "has " + r.length + " cells where the header has " + head.length + "; skipped"));
        continue;
      }
      inputs.add(r, in, head, i, name, problems);
      if (outCol >= 0) {
        outputs.add(r, outCol, head, i, name, problems);
      }
    }
    if (table.error() != null) {
      problems.add(
          Problem.error(
              name,
              "row " + rows.size(),
              "not valid CSV here (" + table.error() + "); this and later rows are not read"));
    }
    if (inputs.size == 0) {
      problems.add(Problem.error(name, "", "no input length in the file; not read"));
      return;
    }
    Optional<TokenLengths> output =
        outputs.size == 0 ? Optional.empty() : Optional.of(outputs.lengths());
    if (outCol >= 0 && output.isEmpty()) {
      problems.add(Problem.warning(name, "", "the output-length column holds no length"));
    }
    out.add(new DatasetSummary(datasetName(name), file.uri(), name, inputs.lengths(), output));
  }

  /**
   * The column named {@code side}_length, else the first whose name holds {@code side} and a length
   * or token count ({@code len}, {@code token}), or -1.
   */
  private static int column(String[] head, String side) {
    for (int c = 0; c < head.length; c++) {
      if (DelimitedText.normalizeHeader(head[c]).equals(side + "_length")) {
        return c;
      }
    }
    for (int c = 0; c < head.length; c++) {
      String h = DelimitedText.normalizeHeader(head[c]);
      if (h.contains(side) && (h.contains("len") || h.contains("token"))) {
        return c;
      }
    }
    return -1;
  }

  private static String datasetName(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  /** A growing list of whole, non-negative lengths. */
  private static final class Samples {
    private int[] values = new int[1024];
    private int size;

    void add(String[] row, int col, String[] head, int rowNumber, String file, List<Problem> p) {
      String cell = DelimitedText.cell(row, col);
      double v = DelimitedText.number(cell, false);
      if (!(v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
        p.add(
            Problem.error(
                file,
                "row " + rowNumber + ", column " + DelimitedText.cell(head, col),
                "expected a whole, non-negative number of tokens, found '"
                    + (cell.length() > 40 ? cell.substring(0, 40) + "…" : cell)
                    + "'; not read"));
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = (int) v;
    }

    TokenLengths lengths() {
      return new TokenLengths(Arrays.copyOf(values, size));
    }
  }
}
