package ai.llmd.prism.core;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import java.util.List;

/**
 * What a load produced: every point that could be read, in a stable order (sources in the order
 * given, files in path order, points in file order), and every problem found on the way.
 *
 * @param points the points
 * @param problems the problems, in the same order as the inputs they concern
 */
public record LoadResult(List<BenchmarkPoint> points, List<Problem> problems) {

  public LoadResult {
    points = List.copyOf(points);
    problems = List.copyOf(problems);
  }

  /** True when at least one problem is an error (some data was not read). */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }
}
