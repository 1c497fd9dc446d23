package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.FacetCounts;
import ai.llmd.prism.core.findings.Findings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism facets}: each facet's values with counts under the other active filters. */
@Command(
    name = "facets",
    description = {
      "Every facet's values with the number of configurations having each, counted under the"
          + " other --where filters (faceted search).",
      "e.g. prism facets results/ --where architecture=aggregated --where accelerator=H100,H200"
    })
final class FacetsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--where",
      paramLabel = "FACET=VALUES",
      description = "A facet filter, e.g. pd_ratio=1:3,aggregated (repeatable).")
  List<String> where = new ArrayList<>();

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings.Builder b = loaded.findings();
    for (String w : where) {
      int eq = w.indexOf('=');
      if (eq <= 0 || eq == w.length() - 1) {
        throw new ParameterException(
            spec.commandLine(), "--where " + w + ": expected FACET=VALUE[,VALUE...]");
      }
      Facet f = Choices.facet(spec, "--where", w.substring(0, eq).strip());
      b.facetFilter(f, Arrays.stream(w.substring(eq + 1).split(",")).map(String::strip).toList());
    }
    Findings findings = b.build();
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.FACETS));
      out.flush();
      return loaded.exitCode();
    }
    FacetCounts c = findings.facets();
    Escape.line(
        out,
        c.points()
            + " points in "
            + c.configurations()
            + " configurations"
            + (c.filters().isEmpty() ? "" : " where " + c.filters()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FACET", "VALUE", "CONFIGURATIONS"});
    c.facets()
        .forEach(
            (facet, values) -> {
              for (FacetCounts.ValueCount v : values) {
                rows.add(new String[] {facet, v.value(), Integer.toString(v.count())});
              }
            });
    Table.print(out, rows);
    out.flush();
    return loaded.exitCode();
  }
}
