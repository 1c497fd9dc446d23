package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.formats.DatasetSummary;
import ai.llmd.prism.core.formats.TokenLengths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prism datasets}: the token-length statistics of dataset summary files. */
@Command(
    name = "datasets",
    description = {
      "Token lengths of datasets: one row per dataset summary (a CSV with one row per sample and an"
          + " input_length and, optionally, output_length column, as the performance dashboard"
          + " writes them), with the sample count and mean, p50, p90, p99 and max input and output"
          + " length in tokens. Percentiles are nearest-rank: each is a length some sample has.",
      "e.g. prism datasets datasets/summaries/ mlperf-data/summaries/llama2-70b-99.csv"
    })
final class DatasetsCommand implements Callable<Integer> {

  /** The percentiles shown, in tokens. */
  private static final double[] PERCENTILES = {50, 90, 99};

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description =
          "Summary CSV files, or directories whose .csv files are all read (local paths).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--json", description = "JSON (see README, `prism datasets`) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    List<DatasetSummary> summaries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String s : sources) {
      DatasetSummaries.Result r = DatasetSummaries.read(path(s));
      summaries.addAll(r.summaries());
      problems.addAll(r.problems());
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean errors = false;
    for (Problem p : problems) {
      if (p.severity() != Problem.Severity.INFO) {
        err.println(Escape.text(p.toString()));
      }
      errors |= p.severity() == Problem.Severity.ERROR;
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(summaries, problems));
    } else {
      table(out, summaries);
    }
    out.flush();
    return errors ? 1 : 0;
  }

  private Path path(String s) {
    if (s.contains("://")) {
      throw new ParameterException(
          spec.commandLine(), s + ": prism datasets reads local files and directories only");
    }
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      throw new ParameterException(spec.commandLine(), s + ": not a valid path: " + e.getReason());
    }
  }

  private static void table(PrintWriter out, List<DatasetSummary> summaries) {
    if (summaries.isEmpty()) {
      out.println("no dataset summary was read");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("DATASET", "FILE", "SAMPLES"));
    for (String side : List.of("ISL", "OSL")) {
      head.add(side + " MEAN");
      for (double q : PERCENTILES) {
        head.add(side + " P" + Labels.number(q));
      }
      head.add(side + " MAX");
    }
    rows.add(head.toArray(String[]::new));
    for (DatasetSummary d : summaries) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  Escape.text(d.name()),
                  Escape.text(d.file()),
                  Integer.toString(d.input().count())));
      cells(row, Optional.of(d.input()));
      cells(row, d.output());
      rows.add(row.toArray(String[]::new));
    }
    Table.print(out, rows);
    out.println("lengths in tokens; percentiles nearest-rank; – where the file has no such column");
  }

  private static void cells(List<String> row, Optional<TokenLengths> lengths) {
    if (lengths.isEmpty()) {
      for (int i = 0; i < PERCENTILES.length + 2; i++) {
        row.add(Labels.NONE);
      }
      return;
    }
    TokenLengths t = lengths.get();
    row.add(Labels.number(t.mean()));
    for (double q : PERCENTILES) {
      row.add(Integer.toString(t.percentile(q)));
    }
    row.add(Integer.toString(t.max()));
  }

  private static String json(List<DatasetSummary> summaries, List<Problem> problems) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "prism-datasets");
    root.put("version", 1);
    root.put("unit", "tokens");
    ArrayNode ds = root.putArray("datasets");
    for (DatasetSummary d : summaries) {
      ObjectNode n = ds.addObject();
      n.put("name", d.name());
      n.put("file", d.file());
      n.put("source", d.source().toString());
      lengths(n.putObject("input"), d.input());
      if (d.output().isPresent()) {
        lengths(n.putObject("output"), d.output().get());
      } else {
        n.putNull("output");
      }
    }
    ArrayNode ps = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode n = ps.addObject();
      n.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
      n.put("file", p.file());
      n.put("location", p.location());
      n.put("message", p.message());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void lengths(ObjectNode n, TokenLengths t) {
    n.put("samples", t.count());
    n.put("mean", t.mean());
    n.put("min", t.min());
    for (double q : new double[] {50, 90, 95, 99}) {
      n.put("p" + Labels.number(q), t.percentile(q));
    }
    n.put("max", t.max());
  }
}
