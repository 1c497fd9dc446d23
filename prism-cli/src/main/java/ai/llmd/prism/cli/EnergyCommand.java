package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Configuration;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism energy}: average power and Wh per million output tokens at every point. */
@Command(
    name = "energy",
    description = {
      "Average accelerator power (W) and energy per 1M output tokens (Wh) at every point.",
      "Power the source measured wins; else it is estimated from the sourced power table,",
      "marked '~' with the table row used ([n] below the table). No figure means none known."
    })
final class EnergyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--json",
      description =
          "The points in Prism's documented JSON shape (docs/json-format.md): average_power and"
              + " energy_per_million_output_tokens with their units and rules.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    if (json) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      PointsJson.write(loaded.points(), Views.Basis.TOTAL, buffer);
      out.println(buffer.toString(StandardCharsets.UTF_8));
      out.flush();
      return loaded.exitCode();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "CONFIGURATION", "LOAD", "OUTPUT TOKENS/S", "POWER W", "Wh PER 1M OUTPUT TOKENS"
        });
    List<String> notes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (BenchmarkPoint p : loaded.points()) {
      Optional<MetricValue> power = p.metrics().get(Metric.AVERAGE_POWER);
      if (power.isEmpty() && !unknown.contains(why(p))) {
        unknown.add(why(p));
      }
      String powerCell = Labels.NONE;
      if (power.isPresent()) {
        String mark = estimated(power.get()) ? "~" : "";
        String note = "";
        if (power.get().rule().isPresent()) {
          String rule = power.get().rule().get();
          if (!notes.contains(rule)) {
            notes.add(rule);
          }
          note = " [" + (notes.indexOf(rule) + 1) + "]";
        }
        powerCell = mark + number(power.get().mean()) + note;
      }
      Optional<MetricValue> energy = p.metrics().get(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS);
      rows.add(
          new String[] {
            Configuration.of(p).label(),
            Labels.load(p),
            number(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)),
            powerCell,
            energy
                .map(
                    v ->
                        (power.isPresent() && estimated(power.get()) ? "~" : "") + number(v.mean()))
                .orElse(Labels.NONE)
          });
    }
    Table.print(out, rows);
    out.println(
        "~ estimated from the power table; others from power the source measured."
            + " Wh per 1M output tokens = power W × 10^6 / (3600 × output tokens/s)");
    for (int i = 0; i < notes.size(); i++) {
      Escape.line(out, "[" + (i + 1) + "] " + notes.get(i));
    }
    unknown.forEach(u -> Escape.line(out, "no power: " + u));
    out.flush();
    return loaded.exitCode();
  }

  private static boolean estimated(MetricValue v) {
    return v.rule().map(r -> r.startsWith("estimated")).orElse(false);
  }

  private static String why(BenchmarkPoint p) {
    if (p.deployment().accelerator() == null) {
      return "the accelerator is unknown";
    }
    return "the source measured no power and the power table has no row for "
        + p.deployment().accelerator().name();
  }

  private static String number(OptionalDouble v) {
    return v.isEmpty() ? Labels.NONE : Labels.number(v.getAsDouble());
  }
}
