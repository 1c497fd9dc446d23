package ai.llmd.prism.cli;

import ai.llmd.prism.api.Direction;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.Winners;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      description = "Comma-separated, e.g. 'ttft.p90<=500ms,tpot.mean<=50ms' (default: none).")
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

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PricingModel model = Choices.pricingModels(spec, List.of(pricing)).get(0);
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings.Builder b = priceOptions.apply(spec, loaded.findings());
    try {
      b.slo(slo);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--slo " + e.getMessage());
    }
    if (!objective.cheapest) {
      b.objective(objectiveMeasure());
    }
    Findings findings = b.build();
    if (json) {
      out.println(
          objective.cheapest
              ? FindingsJson.writeCheapest(findings, model)
              : FindingsJson.write(findings, FindingsJson.Part.WINNERS));
      out.flush();
      return loaded.exitCode();
    }
    Winners w = objective.cheapest ? findings.cheapest(model) : findings.winners();
    print(out, w, findings.labels());
    return loaded.exitCode();
  }

  private Measure objectiveMeasure() {
    boolean wantHigher = objective.maximize != null;
    String option = wantHigher ? "--maximize" : "--minimize";
    Measure m = Choices.measure(spec, option, wantHigher ? objective.maximize : objective.minimize);
    if (m.direction() == Direction.NEUTRAL
        || (m.direction() == Direction.HIGHER_IS_BETTER) != wantHigher) {
      throw new ParameterException(
          spec.commandLine(),
          m.metric().key()
              + " is "
              + m.direction().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + "; use "
              + (wantHigher ? "--minimize" : "--maximize"));
    }
    return m;
  }

  private void print(PrintWriter out, Winners w, Labels labels) {
    Escape.line(
        out,
        w.objective()
            + " ("
            + w.unit()
            + ")"
            + (w.slo().isEmpty() ? "" : " subject to " + w.slo()));
    if (w.winner().isEmpty()) {
      out.println("no configuration meets the constraints");
    } else {
      Optimum.Candidate best = w.winner().get();
      Escape.line(
          out,
          "best: "
              + best.configuration().label()
              + " at "
              + best.loadLevel()
              + ": "
              + Labels.number(best.objective())
              + " "
              + w.unit());
      List<Optimum.Candidate> shown = w.ranked().subList(0, Math.min(w.ranked().size(), top + 1));
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "RANK", "CONFIGURATION", "LOAD", w.unit().toUpperCase(Locale.ROOT), "SOURCE"
          });
      for (int i = 0; i < shown.size(); i++) {
        Optimum.Candidate c = shown.get(i);
        rows.add(
            new String[] {
              Integer.toString(i + 1),
              labels.name(c.configuration()),
              c.loadLevel(),
              Labels.number(c.objective()),
              Labels.source(c.point())
            });
      }
      Table.print(out, rows);
    }
    if (!w.infeasible().isEmpty()) {
      out.println(w.infeasible().size() + " configurations meet the constraints at no load:");
      for (Map.Entry<Configuration, String> e : w.infeasible().entrySet()) {
        Escape.line(out, "  " + labels.name(e.getKey()) + ": " + e.getValue());
      }
    }
    if (!w.unchecked().isEmpty()) {
      out.println(w.unchecked().size() + " points could not be checked (a measure was missing)");
    }
    out.flush();
  }
}
