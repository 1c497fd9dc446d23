package ai.llmd.prism.cli;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.PricingCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism best}: the best configuration that meets an SLO, its load level, and runners-up. */
@Command(
    name = "best",
    description = {
      "The configuration that best meets an objective under service-level constraints.",
      "e.g. prism best results/ --slo 'ttft.p90<=500ms,tpot.mean<=50ms' --maximize"
          + " output_throughput/chip",
      "     prism best results/ --slo 'ttft.p90<=1s' --cheapest --pricing spot"
    })
final class BestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--slo",
      paramLabel = "CONSTRAINTS",
      description = "Comma-separated, e.g. 'ttft.p90<=500ms,tpot.mean<=50ms'.")
  String slo;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Objective objective;

  static final class Objective {
    @Option(
        names = "--maximize",
        paramLabel = "MEASURE",
        description = "e.g. output_throughput/chip")
    String maximize;

    @Option(names = "--minimize", paramLabel = "MEASURE", description = "e.g. ttft.p90")
    String minimize;

    @Option(names = "--cheapest", description = "Minimize USD per 1M output tokens.")
    boolean cheapest;
  }

  @Option(
      names = "--pricing",
      paramLabel = "MODEL",
      description = "Pricing model for --cheapest (default: ${DEFAULT-VALUE}).")
  String pricing = "on-demand";

  @Mixin PriceOptions priceOptions;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Runners-up to show (default: ${DEFAULT-VALUE}).")
  int top = 5;

  @Option(names = "--json", description = "JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optimum optimum;
    if (objective.cheapest) {
      PricingModel model = CostCommand.pricingModels(spec, List.of(pricing)).get(0);
      optimum =
          Optimum.cheapest(
              priceOptions.apply(CostEstimator.of(PricingCatalog.builtIn())),
              model,
              CostEstimate.Tokens.OUTPUT);
    } else {
      String text = objective.maximize != null ? objective.maximize : objective.minimize;
      Measure m = Measure.parse(text);
      boolean wantHigher = objective.maximize != null;
      if (m.direction() == ai.llmd.prism.api.Direction.NEUTRAL
          || (m.direction() == ai.llmd.prism.api.Direction.HIGHER_IS_BETTER) != wantHigher) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            m.metric().key()
                + " is "
                + m.direction().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "; use "
                + (wantHigher ? "--minimize" : "--maximize"));
      }
      optimum = Optimum.best(m);
    }
    if (slo != null && !slo.isBlank()) {
      optimum = optimum.subjectTo(slo);
    }
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Optimum.Result r = optimum.over(loaded.points());
    List<Optimum.Candidate> shown = r.ranked().subList(0, Math.min(r.ranked().size(), top + 1));
    if (json) {
      ObjectNode root = Json.object();
      root.put("objective", r.objective());
      ArrayNode cs = root.putArray("constraints");
      r.constraints().forEach(c -> cs.add(c.toString()));
      ArrayNode ranked = root.putArray("ranked");
      for (Optimum.Candidate c : shown) {
        ranked.add(
            Json.point(c.point()).put("loadLevel", c.loadLevel()).put("value", c.objective()));
      }
      ObjectNode infeasible = root.putObject("infeasible");
      r.infeasible().forEach((k, v) -> infeasible.put(k.key(), v));
      root.put("unchecked", r.unchecked().size());
      Json.print(out, root);
      return loaded.exitCode();
    }
    out.println(
        r.objective() + (r.constraints().isEmpty() ? "" : " subject to " + r.constraints()));
    if (r.winner().isEmpty()) {
      out.println("no configuration meets the constraints");
    } else {
      Optimum.Candidate w = r.winner().get();
      out.println(
          "best: "
              + w.configuration()
              + " at "
              + w.loadLevel()
              + " -> "
              + Format.number(w.objective()));
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"RANK", "CONFIGURATION", "LOAD", "VALUE", "SOURCE"});
      for (int i = 0; i < shown.size(); i++) {
        Optimum.Candidate c = shown.get(i);
        rows.add(
            new String[] {
              Integer.toString(i + 1),
              Describe.configuration(c.point()),
              c.loadLevel(),
              Format.number(c.objective()),
              Describe.source(c.point())
            });
      }
      Table.print(out, rows);
    }
    if (!r.infeasible().isEmpty()) {
      out.println(r.infeasible().size() + " configurations meet no constraint at any load:");
      for (Map.Entry<ai.llmd.prism.core.analysis.Configuration, String> e :
          r.infeasible().entrySet()) {
        out.println("  " + e.getKey() + ": " + e.getValue());
      }
    }
    if (!r.unchecked().isEmpty()) {
      out.println(r.unchecked().size() + " points could not be checked (a measure was missing)");
    }
    out.flush();
    return loaded.exitCode();
  }
}
