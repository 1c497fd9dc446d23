package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism validate}: every problem in the sources, one per line. */
@Command(
    name = "validate",
    description = {
      "Print every problem as file:location: message.",
      "Exit code 0 when there are no errors or warnings (with --strict: no problems at all)."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--strict", description = "Informational notes (e.g. skipped files) also fail.")
  boolean strict;

  @Override
  public Integer call() {
    LoadResult result = source.load();
    PrintWriter out = spec.commandLine().getOut();
    int failing = 0;
    for (Problem p : result.problems()) {
      // file:location: severity: message, the shape compilers use and editors link
      String where = p.location().isEmpty() ? p.file() : p.file() + ":" + p.location();
      // escaped as a whole: a file name with a line break must not forge a line of its own
      out.println(
          Escape.text(
              where + ": " + p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message()));
      if (strict || p.severity() != Problem.Severity.INFO) {
        failing++;
      }
    }
    out.println(
        result.points().size()
            + " points, "
            + result.problems().size()
            + " problems"
            + (failing == 0 ? "" : " (" + failing + " failing)"));
    out.flush();
    return failing == 0 ? 0 : 1;
  }
}
