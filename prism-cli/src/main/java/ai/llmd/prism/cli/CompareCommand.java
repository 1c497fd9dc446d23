package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Comparisons;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.RegressionReport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
      description = "P/D comparison: what is compared (default: ${DEFAULT-VALUE}).")
  String throughput = "output_throughput/chip";

  @Option(
      names = "--latency",
      paramLabel = "MEASURE",
      description =
          "P/D comparison: the latency bounded by the targets (default: ${DEFAULT-VALUE}).")
  String latency = "tpot.mean";

  @Option(
      names = "--targets",
      paramLabel = "X",
      split = ",",
      description =
          "P/D comparison: latency targets in the latency's unit (default: ${DEFAULT-VALUE}).")
  List<Double> targets = new ArrayList<>(List.of(20.0, 30.0, 50.0, 100.0));

  @Option(
      names = {"-m", "--measure"},
      paramLabel = "MEASURE",
      split = ",",
      description = "Regression: measures (default: ${DEFAULT-VALUE}).")
  List<String> measures =
      new ArrayList<>(List.of("output_throughput", "ttft.mean", "tpot.mean", "e2e_latency.mean"));

  @Option(
      names = "--band",
      paramLabel = "PERCENT",
      description =
          "Regression: changes within ±PERCENT are unchanged (default: ${DEFAULT-VALUE}).")
  double band = 5.0;

  @Option(names = "--json", description = "JSON instead of a table.")
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
    if (!baseline.isEmpty()) {
      Loaded before = Loaded.of(source.load(baseline), filters, spec.commandLine().getErr());
      RegressionReport r =
          Comparisons.regression(
              before.points(),
              candidate.points(),
              measures.stream().map(Measure::parse).toList(),
              band);
      printRegression(out, r);
      int code = Math.max(candidate.exitCode(), before.exitCode());
      if (failOnRegression && !r.withVerdict(RegressionReport.Verdict.REGRESSED).isEmpty()) {
        return Math.max(code, REGRESSION_FOUND);
      }
      return code;
    }
    ArchitectureComparison c =
        Comparisons.aggregatedVsDisaggregated(
            candidate.points(),
            Measure.parse(throughput),
            Measure.parse(latency),
            targets.stream().mapToDouble(Double::doubleValue).toArray());
    printArchitectures(out, c);
    return candidate.exitCode();
  }

  private void printArchitectures(PrintWriter out, ArchitectureComparison c) {
    if (json) {
      ObjectNode root = Json.object();
      root.put("throughput", c.throughput().toString());
      root.put("latency", c.latency().toString());
      ArrayNode rows = root.putArray("rows");
      for (ArchitectureComparison.Row r : c.rows()) {
        ObjectNode n = rows.addObject();
        n.put("workload", r.workload().key());
        n.put("latencyTarget", r.latencyTarget());
        candidate(n, "aggregated", r.aggregated());
        candidate(n, "disaggregated", r.disaggregated());
        n.put(
            "winner",
            r.winner().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        r.advantagePercent().ifPresent(a -> n.put("advantagePercent", a));
      }
      root.put("excluded", c.excluded().size());
      Json.print(out, root);
      return;
    }
    String unit = c.latency().metric().unit().symbol();
    out.println(
        "best " + c.throughput() + " under each " + c.latency() + " target, aggregated vs P/D");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "WORKLOAD", "TARGET (" + unit + ")", "AGGREGATED", "DISAGGREGATED", "WINNER"
        });
    for (ArchitectureComparison.Row r : c.rows()) {
      rows.add(
          new String[] {
            r.workload().key(),
            "<= " + Format.number(r.latencyTarget()),
            cell(r.aggregated()),
            cell(r.disaggregated()),
            r.winner()
                .map(
                    a ->
                        a.name().toLowerCase(java.util.Locale.ROOT)
                            + r.advantagePercent()
                                .map(p -> " (+" + Format.number(p) + "%)")
                                .orElse(""))
                .orElse("-")
          });
    }
    Table.print(out, rows);
    if (!c.excluded().isEmpty()) {
      out.println(
          c.excluded().size() + " points not compared (unknown architecture or missing values)");
    }
    out.flush();
  }

  private static String cell(Optimum.Candidate c) {
    return c == null
        ? "none meets it"
        : Format.number(c.objective())
            + " ("
            + Describe.configuration(c.point())
            + ", "
            + Describe.load(c.point())
            + ")";
  }

  private static void candidate(ObjectNode n, String field, Optimum.Candidate c) {
    if (c == null) {
      n.putNull(field);
    } else {
      n.set(field, Json.point(c.point()).put("value", c.objective()));
    }
  }

  private void printRegression(PrintWriter out, RegressionReport r) {
    if (json) {
      ObjectNode root = Json.object();
      root.put("bandPercent", r.bandPercent());
      ArrayNode changes = root.putArray("changes");
      for (RegressionReport.Change ch : r.changes()) {
        ObjectNode n = changes.addObject();
        n.put("configuration", ch.configuration().key());
        n.put("measure", ch.measure().toString());
        n.put("baseline", ch.baseline());
        n.put("candidate", ch.candidate());
        n.put("percentChange", ch.percentChange());
        n.put("verdict", ch.verdict().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode loads = n.putArray("loads");
        ch.loads().forEach(loads::add);
      }
      ArrayNode ob = root.putArray("onlyInBaseline");
      r.onlyInBaseline().forEach(k -> ob.add(k.key()));
      ArrayNode oc = root.putArray("onlyInCandidate");
      r.onlyInCandidate().forEach(k -> oc.add(k.key()));
      ArrayNode ul = root.putArray("unmatchedLoads");
      r.unmatchedLoads().forEach(u -> ul.add(u.configuration().key() + " @ " + u.load()));
      Json.print(out, root);
      return;
    }
    if (markdown) {
      printMarkdown(out, r);
      return;
    }
    out.println(
        "candidate vs baseline on matched configurations; geometric mean over matched loads;"
            + " ±"
            + Format.number(r.bandPercent())
            + "% is unchanged");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"CONFIGURATION", "MEASURE", "BASELINE", "CANDIDATE", "CHANGE", "VERDICT"});
    for (RegressionReport.Change ch : r.changes()) {
      rows.add(
          new String[] {
            ch.configuration().key(),
            ch.measure().toString(),
            Format.number(ch.baseline()),
            Format.number(ch.candidate()),
            String.format(java.util.Locale.ROOT, "%+.1f%%", ch.percentChange()),
            ch.verdict().name().toLowerCase(java.util.Locale.ROOT)
          });
    }
    Table.print(out, rows);
    r.onlyInBaseline().forEach(k -> out.println("only in baseline: " + k));
    r.onlyInCandidate().forEach(k -> out.println("only in candidate: " + k));
    r.unmatchedLoads().forEach(k -> out.println("unmatched load: " + k));
    out.flush();
  }

  private static void printMarkdown(PrintWriter out, RegressionReport r) {
    List<RegressionReport.Change> regressed = r.withVerdict(RegressionReport.Verdict.REGRESSED);
    out.println("### Prism: candidate vs baseline");
    out.println();
    out.println(
        (regressed.isEmpty() ? "No regression" : regressed.size() + " regressed measure(s)")
            + " beyond ±"
            + Format.number(r.bandPercent())
            + "%; geometric mean over matched loads.");
    out.println();
    out.println("| Configuration | Measure | Baseline | Candidate | Change | Verdict |");
    out.println("|---|---|---:|---:|---:|---|");
    for (RegressionReport.Change ch : r.changes()) {
      out.println(
          "| "
              + cellText(ch.configuration().key())
              + " | "
              + cellText(ch.measure().toString())
              + " | "
              + Format.number(ch.baseline())
              + " | "
              + Format.number(ch.candidate())
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
