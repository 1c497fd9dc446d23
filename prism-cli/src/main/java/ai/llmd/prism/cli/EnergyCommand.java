package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Option(names = "--json", description = "JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    if (json) {
      ArrayNode root = Json.MAPPER.createArrayNode();
      for (BenchmarkPoint p : loaded.points()) {
        ObjectNode n = Json.point(p);
        ObjectNode e = n.putObject("energy");
        put(e, "averagePower", "W", p.metrics().get(Metric.AVERAGE_POWER));
        put(
            e,
            "energyPerMillionOutputTokens",
            "Wh/1M tokens",
            p.metrics().get(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS));
        if (!p.metrics().has(Metric.AVERAGE_POWER)) {
          e.put("noEnergy", why(p));
        }
        root.add(n);
      }
      Json.print(out, root);
      return loaded.exitCode();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CONFIGURATION", "LOAD", "OUT tok/s", "POWER W", "Wh/1M OUT"});
    List<String> notes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (BenchmarkPoint p : loaded.points()) {
      Optional<MetricValue> power = p.metrics().get(Metric.AVERAGE_POWER);
      if (power.isEmpty() && !unknown.contains(why(p))) {
        unknown.add(why(p));
      }
      String powerCell = "-";
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
        powerCell = mark + Format.number(power.get().mean()) + note;
      }
      Optional<MetricValue> energy = p.metrics().get(Metric.ENERGY_PER_MILLION_OUTPUT_TOKENS);
      rows.add(
          new String[] {
            Describe.configuration(p),
            Describe.load(p),
            Format.number(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)),
            powerCell,
            energy
                .map(
                    v ->
                        (power.isPresent() && estimated(power.get()) ? "~" : "")
                            + Format.number(v.mean()))
                .orElse("-")
          });
    }
    Table.print(out, rows);
    out.println(
        "~ estimated from the power table; others from power the source measured. Wh/1M OUT ="
            + " POWER × 10^6 / (3600 × OUT tok/s)");
    for (int i = 0; i < notes.size(); i++) {
      out.println("[" + (i + 1) + "] " + notes.get(i));
    }
    unknown.forEach(u -> out.println("no power: " + u));
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

  private static void put(ObjectNode e, String name, String unit, Optional<MetricValue> v) {
    if (v.isEmpty() || v.get().mean().isEmpty()) {
      e.putNull(name);
      return;
    }
    ObjectNode n = e.putObject(name);
    n.put("value", v.get().mean().getAsDouble());
    n.put("unit", unit);
    n.put("estimated", v.get().rule().map(r -> r.contains("estimated")).orElse(false));
    if (v.get().rule().isPresent()) {
      n.put("rule", v.get().rule().get());
    } else {
      n.put("rule", "measured");
    }
  }
}
