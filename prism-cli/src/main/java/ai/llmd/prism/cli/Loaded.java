package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.findings.Findings;
import java.io.PrintWriter;
import java.util.List;

/** Points after loading and filtering, with errors and warnings already told to the user. */
record Loaded(LoadResult result, List<BenchmarkPoint> points) {

  static Loaded from(SourceOptions source, FilterOptions filters, PrintWriter err) {
    return of(source.load(), filters, err);
  }

  static Loaded of(LoadResult result, FilterOptions filters, PrintWriter err) {
    for (Problem p : result.problems()) {
      if (p.severity() != Problem.Severity.INFO) {
        err.println(Escape.text(p.toString()));
      }
    }
    err.flush();
    return new Loaded(result, filters.apply(result.points()));
  }

  /** Findings over the filtered points, with every problem of the load; set options, build. */
  Findings.Builder findings() {
    return Findings.builder(new LoadResult(points, result.problems()));
  }

  /** Exit code: 1 when some input could not be read, else 0. */
  int exitCode() {
    return result.hasErrors() ? 1 : 0;
  }
}
