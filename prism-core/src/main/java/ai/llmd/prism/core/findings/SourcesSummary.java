package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.Problem;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was loaded: how many points, from which formats, how many were left out as the baseline's,
 * and every problem, groupable by kind.
 *
 * @param points points loaded
 * @param analysed points analysed (loaded minus the baseline's own files)
 * @param leftOutAsBaseline points left out because their file is also in the baseline
 * @param files distinct source files with at least one point
 * @param pointsByFormat points per source format id, by format id
 * @param filesByFormat distinct source files with a point, per format id, by format id
 * @param problems every problem, in load order
 * @param baselineProblems every problem of the baseline's load, in load order (empty without one)
 */
public record SourcesSummary(
    int points,
    int analysed,
    int leftOutAsBaseline,
    int files,
    Map<String, Integer> pointsByFormat,
    Map<String, Integer> filesByFormat,
    List<Problem> problems,
    List<Problem> baselineProblems) {

  public SourcesSummary {
    pointsByFormat = Collections.unmodifiableMap(new TreeMap<>(pointsByFormat));
    filesByFormat = Collections.unmodifiableMap(new TreeMap<>(filesByFormat));
    problems = List.copyOf(problems);
    baselineProblems = List.copyOf(baselineProblems);
  }

  /** The problems grouped by kind, kinds in declaration order, problems in load order. */
  public Map<Problem.Kind, List<Problem>> byKind() {
    Map<Problem.Kind, List<Problem>> out = new EnumMap<>(Problem.Kind.class);
    for (Problem p : problems) {
      out.computeIfAbsent(p.kind(), k -> new java.util.ArrayList<>()).add(p);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  /** How many problems have {@code severity}. */
  public long count(Problem.Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).count();
  }
}
