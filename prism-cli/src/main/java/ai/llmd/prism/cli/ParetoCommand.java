package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Frontier;
import ai.llmd.prism.core.findings.Labels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism pareto}: the points no other point beats on every chosen measure. */
@Command(
    name = "pareto",
    description = {
      "The Pareto frontier over two or more measures, each improving in its metric's own direction.",
      "A measure is metric[.statistic][/chip|/replica|/node], e.g. output_throughput/chip, tpot.p90."
    })
final class ParetoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = {"-m", "--measure"},
      paramLabel = "MEASURE",
      split = ",",
      description = "Measures (default: tpot.mean,output_throughput/chip).")
  List<String> measures = new ArrayList<>(List.of("tpot.mean", "output_throughput/chip"));

  @Option(
      names = "--by",
      paramLabel = "FACET",
      description = "One frontier per value of a facet (e.g. accelerator, architecture, model).")
  String by;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Measure> ms = measures.stream().map(m -> Choices.measure(spec, "--measure", m)).toList();
    if (ms.size() < 2) {
      throw new ParameterException(spec.commandLine(), "a frontier needs at least two measures");
    }
    var facet = by == null ? null : Choices.facet(spec, "--by", by);
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings.Builder b = loaded.findings().frontier(ms).frontierGroups(facet);
    Findings findings = b.build();
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.FRONTIERS));
      out.flush();
      return loaded.exitCode();
    }
    Labels labels = findings.labels();
    for (Frontier f : findings.frontiers()) {
      Escape.line(
          out,
          (by == null ? "" : by + " = " + f.group() + ": ")
              + f.frontier().size()
              + " of "
              + f.considered()
              + " points on the frontier of "
              + ms.stream().map(Labels::measure).toList()
              + (f.excluded().isEmpty() ? "" : "; " + f.excluded().size() + " lacked a measure"));
      List<String[]> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("CONFIGURATION", "LOAD"));
      ms.forEach(m -> header.add(Labels.measure(m) + " (" + Labels.unit(m) + ")"));
      header.addAll(List.of("KNEE", "SOURCE"));
      rows.add(header.toArray(String[]::new));
      for (ParetoResult.Entry entry : f.frontier()) {
        List<String> row =
            new ArrayList<>(
                List.of(labels.name(Configuration.of(entry.point())), Labels.load(entry.point())));
        entry.values().forEach(v -> row.add(Labels.number(v)));
        row.add(f.knee() != null && f.knee().point() == entry.point() ? "knee" : "");
        row.add(Labels.source(entry.point()));
        rows.add(row.toArray(String[]::new));
      }
      Table.print(out, rows);
      out.println();
    }
    out.flush();
    return loaded.exitCode();
  }
}
