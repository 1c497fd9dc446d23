package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.normalize.ModelRegistry;
import ai.llmd.prism.report.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism report}: one self-contained HTML file about the sources. */
@Command(
    name = "report",
    description = {
      "Write one self-contained HTML report: sources and problems, charts, every configuration,"
          + " Pareto and SLO winners, costs, P/D vs aggregated, and a regression against"
          + " --baseline.",
      "With --baseline, points of files the baseline also loads are left out of the current set,"
          + " so `prism report examples/ --baseline examples/releases/0.3.0` compares 0.3.0 with"
          + " the rest."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the HTML (- for standard output).")
  String output;

  @Option(
      names = "--baseline",
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "Sources of the baseline to judge regressions against.")
  List<String> baseline = new ArrayList<>();

  @Mixin FilterOptions filters;

  @Mixin PriceOptions priceOptions;

  @Option(
      names = "--slo",
      paramLabel = "CONSTRAINTS",
      description = "Service-level objective for the winners (default: ${DEFAULT-VALUE}).")
  String slo = Findings.DEFAULT_SLO;

  @Option(names = "--title", paramLabel = "TEXT", description = "The page title.")
  String title = "Prism report";

  @Option(
      names = "--timestamp",
      paramLabel = "TEXT",
      description = "Print this as the generation time (none by default: same input, same bytes).")
  String timestamp;

  @Option(
      names = "--datasets",
      paramLabel = "PATH",
      description =
          "A dataset summary CSV, or a directory of them (input_length, output_length per"
              + " sample): their token-length histograms and percentiles fill the Datasets view.")
  Path datasets;

  @Option(
      names = "--arena",
      paramLabel = "FILE",
      description =
          "Arena scores ({\"<model>\": {\"arena_score_text\": <n>}}) for the Quality view,"
              + " joined to models of the same canonical id and precision only.")
  Path arena;

  @Override
  public Integer call() throws IOException {
    List<Constraint> constraints;
    try {
      constraints = Constraint.parseAll(slo);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--slo " + e.getMessage());
    }
    ArenaScores scores = arena == null ? null : readArena(arena); // a usage error before loading
    LoadResult loaded = source.load();
    LoadResult current = new LoadResult(filters.apply(loaded.points()), loaded.problems());
    LoadResult base = null;
    if (!baseline.isEmpty()) {
      LoadResult b = source.load(baseline);
      base = new LoadResult(filters.apply(b.points()), b.problems());
    }
    // the same findings, with the same mixins, as best, pareto, cost and compare build
    DatasetSummaries.Result read = datasets == null ? null : DatasetSummaries.read(datasets);
    Findings findings =
        priceOptions
            .apply(spec, Findings.builder(current))
            .slo(constraints)
            .baseline(base)
            .datasets(read)
            .arena(scores)
            .build();
    HtmlReport.Options options =
        HtmlReport.Options.defaults()
            .withTitle(title)
            .withGeneratedAt(timestamp)
            .withPlugins(PluginPath.plugins());
    Output.write(spec, output, HtmlReport.of(findings, options).toHtml(), current, base);
    boolean errors = current.hasErrors() || (base != null && base.hasErrors());
    List<Problem> problems = new ArrayList<>(current.problems());
    if (base != null) {
      problems.addAll(base.problems());
    }
    if (scores != null) {
      problems.addAll(scores.problems());
      errors |= scores.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
    if (read != null) {
      problems.addAll(read.problems());
      errors |= read.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
    for (Problem p : problems) {
      if (p.severity() != Problem.Severity.INFO) {
        spec.commandLine().getErr().println(Escape.text(p.toString()));
      }
    }
    return errors ? 1 : 0;
  }

  /** The scores in {@code file}; a file that cannot be opened is a usage error naming it. */
  private ArenaScores readArena(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return ArenaScores.read(in, file.toString(), ModelRegistry.builtIn());
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "--arena cannot read " + file + ": " + e.getMessage());
    }
  }
}
