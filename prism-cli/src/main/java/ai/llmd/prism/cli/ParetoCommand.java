package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      description = "Measures (default: output_throughput/chip,tpot.mean).")
  List<String> measures = new ArrayList<>(List.of("output_throughput/chip", "tpot.mean"));

  @Option(
      names = "--by",
      paramLabel = "FACET",
      description = "One frontier per value of a facet (e.g. accelerator, architecture, model).")
  String by;

  @Option(names = "--json", description = "JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Measure> ms = measures.stream().map(Measure::parse).toList();
    if (ms.size() < 2) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "a frontier needs at least two measures");
    }
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Map<String, ParetoResult> frontiers = new TreeMap<>();
    if (by == null) {
      frontiers.put("all", Pareto.frontier(loaded.points(), ms));
    } else {
      Facet facet =
          Facet.BUILT_IN.stream()
              .filter(f -> f.name().equals(by))
              .findFirst()
              .orElseThrow(
                  () ->
                      new picocli.CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown facet '"
                              + by
                              + "' (one of "
                              + Facet.BUILT_IN.stream().map(Facet::name).toList()
                              + ")"));
      frontiers.putAll(
          Pareto.frontiers(loaded.points(), facet::valueOf, ms.toArray(Measure[]::new)));
    }
    if (json) {
      ObjectNode root = Json.object();
      ArrayNode measureNames = root.putArray("measures");
      ms.forEach(m -> measureNames.add(m.toString()));
      ObjectNode groups = root.putObject("frontiers");
      for (Map.Entry<String, ParetoResult> e : frontiers.entrySet()) {
        ObjectNode g = groups.putObject(e.getKey());
        ArrayNode points = g.putArray("frontier");
        for (ParetoResult.Entry entry : e.getValue().frontier()) {
          ObjectNode p = Json.point(entry.point());
          ArrayNode values = p.putArray("values");
          entry.values().forEach(values::add);
          p.put("knee", e.getValue().knee().map(k -> k.point() == entry.point()).orElse(false));
          points.add(p);
        }
        g.put("points", e.getValue().entries().size());
        ArrayNode excluded = g.putArray("excluded");
        e.getValue()
            .excluded()
            .forEach(x -> excluded.add(Json.point(x.point()).put("reason", x.reason())));
      }
      Json.print(out, root);
      return loaded.exitCode();
    }
    for (Map.Entry<String, ParetoResult> e : frontiers.entrySet()) {
      ParetoResult r = e.getValue();
      out.println(
          (by == null ? "" : by + " = " + e.getKey() + ": ")
              + r.frontier().size()
              + " of "
              + r.entries().size()
              + " points on the frontier of "
              + ms
              + (r.excluded().isEmpty() ? "" : "; " + r.excluded().size() + " lacked a measure"));
      List<String[]> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("CONFIGURATION", "LOAD"));
      ms.forEach(m -> header.add(m + " (" + m.metric().unit().symbol() + ")"));
      header.addAll(List.of("KNEE", "SOURCE"));
      rows.add(header.toArray(String[]::new));
      for (ParetoResult.Entry entry : r.frontier()) {
        List<String> row =
            new ArrayList<>(
                List.of(Describe.configuration(entry.point()), Describe.load(entry.point())));
        entry.values().forEach(v -> row.add(Format.number(v)));
        row.add(r.knee().map(k -> k.point() == entry.point()).orElse(false) ? "knee" : "");
        row.add(Describe.source(entry.point()));
        rows.add(row.toArray(String[]::new));
      }
      Table.print(out, rows);
      out.println();
    }
    out.flush();
    return loaded.exitCode();
  }
}
