package ai.llmd.prism.cli;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values turned into typed choices, with a usage error naming the option when wrong. */
final class Choices {

  private Choices() {}

  /** A built-in facet by name, e.g. {@code accelerator}. */
  static Facet facet(CommandSpec spec, String option, String name) {
    return Facet.BUILT_IN.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    option
                        + " "
                        + name
                        + ": unknown facet (one of "
                        + Facet.BUILT_IN.stream().map(Facet::name).toList()
                        + ")"));
  }

  /** A measure, e.g. {@code output_throughput/chip}. */
  static Measure measure(CommandSpec spec, String option, String text) {
    try {
      return Measure.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + " " + e.getMessage());
    }
  }

  /** Pricing models by key; all four when none are given. */
  static List<PricingModel> pricingModels(CommandSpec spec, List<String> keys) {
    if (keys.isEmpty()) {
      return Arrays.asList(PricingModel.values());
    }
    List<PricingModel> out = new ArrayList<>();
    for (String k : keys) {
      out.add(
          PricingModel.byKey(k)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--pricing "
                              + k
                              + ": unknown pricing model (on-demand, spot, cud-1y, cud-3y)")));
    }
    return out;
  }
}
