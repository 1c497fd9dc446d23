package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.report.HtmlReport;
import java.io.IOException;
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

  @Option(
      names = "--pricing",
      paramLabel = "FILE",
      description =
          "A price catalog (JSON or YAML, docs on PricingCatalog) whose rows override the"
              + " built-in ones for cost estimates.")
  Path pricing;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "Estimate costs only from price rows of this provider (e.g. GCP, AWS).")
  String provider;

  @Option(
      names = "--region",
      paramLabel = "NAME",
      description = "Estimate costs only from price rows of this region (e.g. us-central1).")
  String region;

  @Option(
      names = "--machine-type",
      paramLabel = "NAME",
      description = "Estimate costs only from price rows of this machine type.")
  String machineType;

  @Option(
      names = "--slo",
      paramLabel = "CONSTRAINTS",
      description = "Service-level objective for the winners (default: ${DEFAULT-VALUE}).")
  String slo = HtmlReport.DEFAULT_SLO;

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
    CostEstimator costs = CostEstimator.of(catalog());
    if (provider != null) {
      costs = costs.withProvider(provider);
    }
    if (region != null) {
      costs = costs.withRegion(region);
    }
    if (machineType != null) {
      costs = costs.withMachineType(machineType);
    }
    LoadResult current = source.load();
    LoadResult base = baseline.isEmpty() ? null : source.load(baseline);
    HtmlReport.Options options =
        HtmlReport.Options.defaults()
            .withTitle(title)
            .withSlo(constraints)
            .withCosts(costs)
            .withBaseline(base)
            .withGeneratedAt(timestamp)
            .withPlugins(PluginPath.plugins());
    Output.write(spec, output, HtmlReport.of(current, options).toHtml(), current, base);
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

  private PricingCatalog catalog() {
    PricingCatalog builtIn = PricingCatalog.builtIn();
    if (pricing == null) {
      return builtIn;
    }
    try {
      return builtIn.overriddenBy(PricingCatalog.load(pricing));
    } catch (IOException | RuntimeException e) {
      throw new ParameterException(
          spec.commandLine(), "--pricing " + pricing + ": " + e.getMessage());
    }
  }
}
