package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.PdComparison;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism compare}: P/D vs aggregated serving, or a release against a baseline. */
@Command(
    name = "compare",
    description = {
      "Without --baseline: aggregated vs disaggregated (P/D) serving on matched model, accelerator"
          + " and workload — the best throughput each reaches under each latency target.",
      "With --baseline: the SOURCEs (candidate) against the baseline on matched configurations and"
          + " load levels, per measure, with a significance band."
    })
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--baseline",
      paramLabel = "SOURCE",
      arity = "1..*",
      description = "Baseline sources (e.g. the previous release's results).")
  List<String> baseline = new ArrayList<>();

  @Option(
      names = "--throughput",
      paramLabel = "MEASURE",
      description = "P/D comparison: what is compared (default: output_throughput/chip).")
  String throughput;

  @Option(
      names = "--latency",
      paramLabel = "MEASURE",
      description = "P/D comparison: the latency bounded by the targets (default: tpot.mean).")
  String latency;

  @Option(
      names = "--targets",
      paramLabel = "X",
      split = ",",
      description =
          "P/D comparison: latency targets in the latency's unit (default: 20,25,30,40,50).")
  List<Double> targets;

  @Option(
      names = {"-m", "--measure", "--measures"},
      paramLabel = "MEASURE",
      split = ",",
      description =
          "Regression: measures (default: output_throughput,ttft.mean,ttft.p90,tpot.mean,"
              + "e2e_latency.mean); --measures is the same option.")
  List<String> measures;

  @Option(
      names = "--band",
      paramLabel = "PERCENT",
      description =
          "Regression: changes within ±PERCENT are unchanged (default: ${DEFAULT-VALUE}).")
  double band = Findings.DEFAULT_BAND_PERCENT;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Option(
      names = "--markdown",
      description = "Regression: a Markdown table instead of a text one (for a CI job summary).")
  boolean markdown;

  @Option(
      names = "--fail-on-regression",
      description =
          "Regression: exit with code 3 when a matched configuration regresses beyond the band.")
  boolean failOnRegression;

  /** The exit code of a regression found under {@code --fail-on-regression}. */
  static final int REGRESSION_FOUND = 3;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded candidate = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings.Builder b = candidate.findings();
    if (!baseline.isEmpty()) {
      Loaded before = Loaded.of(source.load(baseline), filters, spec.commandLine().getErr());
      b.baseline(new ai.llmd.prism.core.LoadResult(before.points(), List.of()))
          .regression(
              measures == null
                  ? Findings.DEFAULT_REGRESSION_MEASURES
                  : measures.stream().map(m -> Choices.measure(spec, "--measure", m)).toList(),
              band);
      Findings findings = b.build();
      RegressionReport r = findings.regression().orElseThrow();
      if (json) {
        out.println(FindingsJson.write(findings, FindingsJson.Part.REGRESSION));
      } else if (markdown) {
        printMarkdown(out, r, names(r));
      } else {
        printRegression(out, findings, names(r));
      }
      out.flush();
      int code = Math.max(candidate.exitCode(), before.exitCode());
      if (failOnRegression && !r.withVerdict(RegressionReport.Verdict.REGRESSED).isEmpty()) {
        return Math.max(code, REGRESSION_FOUND);
      }
      return code;
    }
    b.pdMeasures(
        throughput == null
            ? Findings.DEFAULT_OBJECTIVE
            : Choices.measure(spec, "--throughput", throughput),
        latency == null ? Findings.DEFAULT_LATENCY : Choices.measure(spec, "--latency", latency));
    if (targets != null) {
      b.latencyTargets(targets);
    }
    Findings findings = b.build();
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.PD_VS_AGGREGATED));
    } else {
      printArchitectures(out, findings);
    }
    out.flush();
    return candidate.exitCode();
  }

  private static void printArchitectures(PrintWriter out, Findings findings) {
    PdComparison c = findings.pdVsAggregated();
    Labels labels = findings.labels();
    out.println(
        "best "
            + Labels.measure(c.throughput())
            + " ("
            + Labels.unit(c.throughput())
            + ") under each "
            + Labels.measure(c.latency())
            + " target, aggregated vs P/D");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "WORKLOAD", "TARGET (" + Labels.unit(c.latency()) + ")", "AGGREGATED", "P/D", "WINNER"
        });
    List<String> oneSided = new ArrayList<>();
    for (PdComparison.Group g : c.groups()) {
      if (g.sides() != PdComparison.Sides.BOTH) {
        oneSided.add(
            g.workload().label()
                + ": only "
                + (g.sides() == PdComparison.Sides.AGGREGATED_ONLY ? "aggregated" : "P/D")
                + " points, nothing to compare");
        continue;
      }
      for (ArchitectureComparison.Row r : g.rows()) {
        rows.add(
            new String[] {
              g.workload().label(),
              "≤ " + Labels.number(r.latencyTarget()),
              cell(labels, r.aggregated()),
              cell(labels, r.disaggregated()),
              r.winner()
                  .map(
                      a ->
                          Labels.architecture(a)
                              + r.advantagePercent()
                                  .map(p -> " (" + Labels.percent(p) + ")")
                                  .orElse(""))
                  .orElse(Labels.NONE)
            });
      }
    }
    if (rows.size() > 1) {
      Table.print(out, rows);
    } else {
      out.println("no workload has both aggregated and P/D points");
    }
    oneSided.forEach(line -> Escape.line(out, line));
    if (!c.excluded().isEmpty()) {
      out.println(
          c.excluded().size() + " points not compared (unknown architecture or missing values)");
    }
  }

  private static String cell(Labels labels, Optimum.Candidate c) {
    return c == null
        ? "none meets it"
        : Labels.number(c.objective())
            + " ("
            + labels.name(c.configuration())
            + ", "
            + c.loadLevel()
            + ")";
  }

  /**
   * Short unique names for the configurations of a regression table (accelerator, topology, TP,
   * engine version; the model when there are several): a full label is some 230 characters wide.
   * The full key is in --json.
   */
  private static Labels names(RegressionReport r) {
    return Labels.of(r.configurations());
  }

  private static void printRegression(PrintWriter out, Findings findings, Labels names) {
    RegressionReport r = findings.regression().orElseThrow();
    out.println(
        "candidate vs baseline on matched configurations; geometric mean over matched loads;"
            + " ±"
            + Labels.number(r.bandPercent())
            + " % is unchanged");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "CONFIGURATION", "MEASURE", "UNIT", "BASELINE", "CANDIDATE", "CHANGE", "VERDICT"
        });
    for (RegressionReport.Change ch : r.changes()) {
      rows.add(
          new String[] {
            names.name(ch.configuration()),
            Labels.measure(ch.measure()),
            Labels.unit(ch.measure()),
            Labels.number(ch.baseline()),
            Labels.number(ch.candidate()),
            Labels.percent(ch.percentChange()),
            ch.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          });
    }
    Table.print(out, rows);
    r.onlyInBaseline().forEach(k -> Escape.line(out, "only in baseline: " + names.name(k)));
    r.onlyInCandidate().forEach(k -> Escape.line(out, "only in candidate: " + names.name(k)));
    r.unmatchedLoads()
        .forEach(
            u ->
                Escape.line(
                    out,
                    "unmatched load: "
                        + names.name(u.configuration())
                        + " at "
                        + u.load()
                        + " (only in "
                        + (u.inBaseline() ? "baseline" : "candidate")
                        + ")"));
  }

  private static void printMarkdown(PrintWriter out, RegressionReport r, Labels names) {
    List<RegressionReport.Change> regressed = r.withVerdict(RegressionReport.Verdict.REGRESSED);
    out.println("### Prism: candidate vs baseline");
    out.println();
    out.println(
        (regressed.isEmpty() ? "No regression" : regressed.size() + " regressed measure(s)")
            + " beyond ±"
            + Labels.number(r.bandPercent())
            + "%; geometric mean over matched loads.");
    out.println();
    out.println("| Configuration | Measure | Baseline | Candidate | Change | Verdict |");
    out.println("|---|---|---:|---:|---:|---|");
    for (RegressionReport.Change ch : r.changes()) {
      out.println(
          "| "
              + cellText(names.name(ch.configuration()))
              + " | "
              + cellText(ch.measure().toString())
              + " | "
              + Labels.number(ch.baseline())
              + " | "
              + Labels.number(ch.candidate())
              + " | "
              + String.format(java.util.Locale.ROOT, "%+.1f%%", ch.percentChange())
              + " | "
              + (ch.verdict() == RegressionReport.Verdict.REGRESSED
                  ? "**regressed**"
                  : ch.verdict().name().toLowerCase(java.util.Locale.ROOT))
              + " |");
    }
    if (!r.onlyInBaseline().isEmpty() || !r.onlyInCandidate().isEmpty()) {
      out.println();
      out.println(
          r.onlyInBaseline().size()
              + " configuration(s) only in the baseline, "
              + r.onlyInCandidate().size()
              + " only in the candidate.");
    }
    out.flush();
  }

  /** A table cell's text: escaped like every text output, and no cell-breaking pipe or newline. */
  private static String cellText(String s) {
    return Escape.text(s).replace("|", "\\|");
  }
}
