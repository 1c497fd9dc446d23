package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.report.HtmlReport;
import java.io.IOException;
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

  @Override
  public Integer call() throws IOException {
    List<Constraint> constraints;
    try {
      constraints = Constraint.parseAll(slo);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--slo " + e.getMessage());
    }
    LoadResult loaded = source.load();
    LoadResult current = new LoadResult(filters.apply(loaded.points()), loaded.problems());
    LoadResult base = null;
    if (!baseline.isEmpty()) {
      LoadResult b = source.load(baseline);
      base = new LoadResult(filters.apply(b.points()), b.problems());
    }
    // the same findings, with the same mixins, as best, pareto, cost and compare build
    Findings findings =
        priceOptions.apply(spec, Findings.builder(current)).slo(constraints).baseline(base).build();
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
    for (Problem p : problems) {
      if (p.severity() != Problem.Severity.INFO) {
        spec.commandLine().getErr().println(Escape.text(p.toString()));
      }
    }
    return errors ? 1 : 0;
  }
}
