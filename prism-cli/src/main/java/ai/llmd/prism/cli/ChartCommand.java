package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.report.PointCharts;
import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism chart}: one metric against another (or against concurrency) as an SVG file. */
@Command(
    name = "chart",
    description =
        "Draw one metric against another as a standalone SVG: one line per configuration, the"
            + " Pareto frontier dashed.")
final class ChartCommand implements Callable<Integer> {

  /** The format the chart is written in: the renderer the plugins have for it draws it. */
  private static final String FORMAT = "svg";

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the SVG (- for standard output).")
  String output;

  @Option(
      names = "--x",
      paramLabel = "METRIC",
      description =
          "Horizontal axis: metric[.statistic] (e.g. tpot, ttft.p90) or concurrency (default:"
              + " ${DEFAULT-VALUE}).")
  String x = "tpot.mean";

  @Option(
      names = "--y",
      paramLabel = "METRIC",
      description = "Vertical axis: metric[.statistic] (default: ${DEFAULT-VALUE}).")
  String y = "output_throughput.mean";

  @Option(
      names = "--per-chip",
      description = "Divide metrics that scale with accelerator count by the number of chips.")
  boolean perChip;

  @Option(names = "--log-x", description = "Logarithmic horizontal axis.")
  boolean logX;

  @Option(names = "--log-y", description = "Logarithmic vertical axis.")
  boolean logY;

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      description = "light, dark or auto (follows the viewer's colour scheme); default: light.")
  String theme = "light";

  @Override
  public Integer call() throws IOException {
    ChartSpec.Theme t = theme();
    Measure my = measure("--y", y);
    boolean vsConcurrency = "concurrency".equalsIgnoreCase(x.strip());
    Measure mx = vsConcurrency ? null : measure("--x", x);
    ChartRenderer renderer =
        PluginPath.plugins()
            .renderer(FORMAT)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "no chart renderer is installed for '"
                            + FORMAT
                            + "' (add prism-charts-svg or a plugin for it)"));
    LoadResult result = source.load();
    Findings findings =
        Findings.builder(new LoadResult(filters.apply(result.points()), result.problems())).build();
    ChartSpec chart =
        vsConcurrency ? PointCharts.vsConcurrency(findings, my) : PointCharts.xy(findings, mx, my);
    ChartSpec.Scale xs = logX || vsConcurrency ? ChartSpec.Scale.LOG : ChartSpec.Scale.LINEAR;
    chart =
        new ChartSpec(
            chart.title(),
            chart.kind(),
            new ChartSpec.Axis(chart.x().label(), xs),
            new ChartSpec.Axis(
                chart.y().label(), logY ? ChartSpec.Scale.LOG : ChartSpec.Scale.LINEAR),
            chart.series(),
            chart.categories(),
            t);
    StringBuilder svg = new StringBuilder(8192);
    renderer.render(chart, svg);
    Output.write(spec, output, svg.toString(), result);
    for (Problem p : result.problems()) {
      if (p.severity() != Problem.Severity.INFO) {
        spec.commandLine().getErr().println(Escape.text(p.toString()));
      }
    }
    if (chart.series().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("prism chart: no point has both " + x + " and " + y + "; the chart is empty");
    }
    return result.hasErrors() ? 1 : 0;
  }

  private ChartSpec.Theme theme() {
    try {
      return ChartSpec.Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--theme " + theme + ": expected light, dark or auto");
    }
  }

  private Measure measure(String option, String text) {
    try {
      Measure m = Measure.parse(text);
      return perChip ? m.per(Views.Basis.ACCELERATOR) : m;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + " " + e.getMessage());
    }
  }
}
