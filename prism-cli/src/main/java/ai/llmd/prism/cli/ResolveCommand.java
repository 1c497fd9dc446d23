package ai.llmd.prism.cli;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.core.normalize.AcceleratorRegistry;
import ai.llmd.prism.core.normalize.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prism resolve}: how names resolve in the registries, so users can check and extend them.
 */
@Command(
    name = "resolve",
    description = {
      "Show how model or accelerator names resolve in the registries (or that they are unknown).",
      "Exit code 1 when any name is unknown."
    })
final class ResolveCommand implements Callable<Integer> {

  enum Kind {
    model,
    accelerator
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "model|accelerator", description = "Which registry.")
  Kind kind;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "NAME",
      description = "Names to resolve.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description = "A JSON or YAML file of entries that extend or override the built-in registry.")
  Path overrides;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String[]> rows = new ArrayList<>();
    int unknown = 0;
    if (kind == Kind.model) {
      ModelRegistry registry = ModelRegistry.builtIn();
      if (overrides != null) {
        registry = registry.withOverrides(overrides);
      }
      rows.add(new String[] {"NAME", "CANONICAL ID", "FAMILY", "PARAMS (B)", "PRECISION"});
      for (String n : names) {
        ModelRef m = registry.resolve(n);
        unknown += m.resolved() ? 0 : 1;
        rows.add(
            new String[] {
              n,
              m.resolved() ? m.id() : "unknown (grouped as " + m.id() + ")",
              dash(m.family()),
              params(m),
              dash(m.precision())
            });
      }
      out.println("model registry " + registry.version());
    } else {
      AcceleratorRegistry registry = AcceleratorRegistry.builtIn();
      if (overrides != null) {
        registry = registry.withOverrides(overrides);
      }
      rows.add(new String[] {"NAME", "CANONICAL", "VENDOR", "MEMORY (GiB)", "IMPLIED COUNT"});
      for (String n : names) {
        AcceleratorRef a = registry.resolve(n);
        unknown += a.resolved() ? 0 : 1;
        OptionalInt count = registry.impliedCount(n);
        rows.add(
            new String[] {
              n,
              a.resolved() ? a.name() : "unknown",
              dash(a.vendor()),
              a.memoryGiB() == null ? "-" : Format.number(a.memoryGiB()),
              count.isPresent() ? Integer.toString(count.getAsInt()) : "-"
            });
      }
      out.println("accelerator registry " + registry.version());
    }
    Table.print(out, rows);
    return unknown == 0 ? 0 : 1;
  }

  private static String params(ModelRef m) {
    if (m.totalParamsBillions() == null) {
      return "-";
    }
    String total = Format.number(m.totalParamsBillions());
    return m.activeParamsBillions() == null
        ? total
        : total + " (" + Format.number(m.activeParamsBillions()) + " active)";
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }
}
