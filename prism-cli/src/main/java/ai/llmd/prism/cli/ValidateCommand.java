package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.SourcesSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism validate}: every problem in the sources, grouped by kind, one per line. */
@Command(
    name = "validate",
    description = {
      "Print every problem as file:location: severity: message, grouped by kind.",
      "Exit code 0 when there are no errors or warnings (with --strict: no problems at all)."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--strict", description = "Informational notes (e.g. skipped files) also fail.")
  boolean strict;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of lines.")
  boolean json;

  @Override
  public Integer call() {
    LoadResult result = source.load();
    Findings findings = Findings.of(result);
    PrintWriter out = spec.commandLine().getOut();
    SourcesSummary s = findings.sources();
    int failing = 0;
    for (Problem p : s.problems()) {
      if (strict || p.severity() != Problem.Severity.INFO) {
        failing++;
      }
    }
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.SOURCES));
      out.flush();
      return failing == 0 ? 0 : 1;
    }
    for (Map.Entry<Problem.Kind, List<Problem>> e : s.byKind().entrySet()) {
      out.println(
          "# "
              + Labels.kind(e.getKey())
              + ": "
              + e.getValue().size()
              + (e.getValue().size() == 1 ? " problem" : " problems"));
      for (Problem p : e.getValue()) {
        // file:location: severity: message, the shape compilers use and editors link
        String where = p.location().isEmpty() ? p.file() : p.file() + ":" + p.location();
        // escaped as a whole: a file name with a line break must not forge a line of its own
        out.println(
            Escape.text(
                where + ": " + p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message()));
      }
    }
    out.println(
        s.points()
            + " points, "
            + s.problems().size()
            + " problems"
            + (failing == 0 ? "" : " (" + failing + " failing)"));
    out.flush();
    return failing == 0 ? 0 : 1;
  }
}
