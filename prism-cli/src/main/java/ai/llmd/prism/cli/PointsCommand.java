package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.export.PointsCsv;
import ai.llmd.prism.core.export.PointsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
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
          "ARCH",
          "ISL",
          "OSL",
          "LOAD",
          "OUT tok/s" + per,
          "TTFT ms",
          "TPOT ms",
          "SOURCE"
        });
    for (BenchmarkPoint p : points) {
      OptionalInt n = Views.accelerators(p.deployment());
      String accel =
          (p.deployment().accelerator() == null ? "?" : p.deployment().accelerator().name())
              + (n.isPresent() ? " x" + n.getAsInt() : "");
      String arch =
          p.deployment().pdRatio() != null
              ? "P/D " + p.deployment().pdRatio()
              : p.deployment().architecture().name().toLowerCase(Locale.ROOT);
      rows.add(
          new String[] {
            p.model().id(),
            accel,
            arch,
            Format.number(
                p.workload().inputLength() == null ? null : p.workload().inputLength().mean()),
            Format.number(
                p.workload().outputLength() == null ? null : p.workload().outputLength().mean()),
            load(p),
            mean(Views.value(p, Metric.OUTPUT_THROUGHPUT, basis)),
            mean(p.metrics().get(Metric.TTFT)),
            mean(p.metrics().get(Metric.TPOT)),
            p.provenance().source().getPath() == null
                ? p.provenance().source().toString()
                : shortName(p)
          });
    }
    Table.print(out, rows);
  }

  private static String shortName(BenchmarkPoint p) {
    String path = p.provenance().source().getPath();
    int slash = path.lastIndexOf('/');
    String name = slash < 0 ? path : path.substring(slash + 1);
    return p.provenance().location().isEmpty() ? name : name + " " + p.provenance().location();
  }

  private static String load(BenchmarkPoint p) {
    if (p.workload().concurrency() != null) {
      return "c=" + Format.number(p.workload().concurrency());
    }
    if (p.workload().targetRequestRate() != null) {
      return Format.number(p.workload().targetRequestRate()) + " req/s";
    }
    return "-";
  }

  private static String mean(Optional<MetricValue> v) {
    if (v.isEmpty() || v.get().mean().isEmpty()) {
      return "-";
    }
    return Format.number(v.get().mean().getAsDouble()) + (v.get().isDerived() ? "*" : "");
  }
}
