package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.export.PointsCsv;
import ai.llmd.prism.core.export.PointsJson;
import ai.llmd.prism.core.findings.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism points}: the normalized points as a table, JSON or CSV. */
@Command(
    name = "points",
    description = "Print the normalized benchmark points as a table, --json or --csv.")
final class PointsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @ArgGroup(exclusive = true)
  Output output = new Output();

  static final class Output {
    @Option(names = "--json", description = "Prism's documented JSON shape (docs/json-format.md).")
    boolean json;

    @Option(names = "--csv", description = "One flat CSV row per point.")
    boolean csv;
  }

  @Option(
      names = "--per-chip",
      description = "Divide metrics that scale with accelerator count by the number of chips.")
  boolean perChip;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    List<BenchmarkPoint> points = loaded.points();
    Views.Basis basis = perChip ? Views.Basis.ACCELERATOR : Views.Basis.TOTAL;
    if (output.json || output.csv) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      if (output.json) {
        PointsJson.write(points, basis, buffer);
      } else {
        PointsCsv.write(points, basis, buffer);
      }
      out.print(buffer.toString(StandardCharsets.UTF_8));
      if (output.json) {
        out.println();
      }
    } else {
      table(points, basis, out);
    }
    out.flush();
    return loaded.exitCode();
  }

  private static void table(List<BenchmarkPoint> points, Views.Basis basis, PrintWriter out) {
    String per = basis == Views.Basis.ACCELERATOR ? "/chip" : "";
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "MODEL",
          "ACCELERATOR",
          "ARCHITECTURE",
          "ISL",
          "OSL",
          "LOAD",
          "OUTPUT tokens/s" + per,
          "TTFT ms",
          "TPOT ms/token",
          "SOURCE"
        });
    for (BenchmarkPoint p : points) {
      Configuration c = Configuration.of(p);
      rows.add(
          new String[] {
            p.model().id(),
            c.acceleratorLabel(),
            c.topologyLabel(),
            number(p.workload().inputLength() == null ? null : p.workload().inputLength().mean()),
            number(p.workload().outputLength() == null ? null : p.workload().outputLength().mean()),
            Labels.load(p),
            mean(Views.value(p, Metric.OUTPUT_THROUGHPUT, basis)),
            mean(p.metrics().get(Metric.TTFT)),
            mean(p.metrics().get(Metric.TPOT)),
            Labels.source(p)
          });
    }
    Table.print(out, rows);
  }

  private static String number(OptionalDouble v) {
    return v == null || v.isEmpty() ? Labels.NONE : Labels.number(v.getAsDouble());
  }

  private static String mean(Optional<MetricValue> v) {
    if (v.isEmpty() || v.get().mean().isEmpty()) {
      return Labels.NONE;
    }
    return Labels.number(v.get().mean().getAsDouble()) + (v.get().isDerived() ? "*" : "");
  }
}
