package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism rank}: the top configurations by one measure, per group. */
@Command(
    name = "rank",
    description = {
      "The top configurations by one measure within each value of a facet; each configuration by"
          + " its best point, equal values sharing a rank.",
      "e.g. prism rank results/ --measure output_throughput/chip --by accelerator --top 5"
    })
final class RankCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = {"-m", "--measure"},
      paramLabel = "MEASURE",
      description = "What to rank by, in its own direction (default: ${DEFAULT-VALUE}).")
  String measure = "output_throughput/chip";

  @Option(
      names = "--by",
      paramLabel = "FACET",
      description = "One ranking per value of this facet (default: ${DEFAULT-VALUE}).")
  String by = "model";

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Configurations per group (default: ${DEFAULT-VALUE}).")
  int top = Findings.DEFAULT_TOP;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var m = Choices.measure(spec, "--measure", measure);
    var facet = Choices.facet(spec, "--by", by);
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--top " + top + ": must be at least 1");
    }
    if (m.direction() == ai.llmd.prism.api.Direction.NEUTRAL) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--measure " + measure + ": has no better direction to rank by");
    }
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings findings = loaded.findings().ranking(m, facet, top).build();
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.RANKING));
      out.flush();
      return loaded.exitCode();
    }
    Ranking<String> r = findings.ranking();
    Labels labels = findings.labels();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          by.toUpperCase(java.util.Locale.ROOT),
          "RANK",
          "CONFIGURATION",
          "LOAD",
          Labels.measure(m) + " (" + Labels.unit(m) + ")",
          "SOURCE"
        });
    r.groups()
        .forEach(
            (g, entries) -> {
              for (Ranking.Entry e : entries) {
                rows.add(
                    new String[] {
                      g,
                      Integer.toString(e.rank()),
                      labels.name(Configuration.of(e.point())),
                      Labels.load(e.point()),
                      Labels.number(e.value()),
                      Labels.source(e.point())
                    });
              }
            });
    Table.print(out, rows);
    if (!r.excluded().isEmpty()) {
      out.println(
          r.excluded().size() + " points lack " + Labels.measure(m) + " and are not ranked");
    }
    out.flush();
    return loaded.exitCode();
  }
}
