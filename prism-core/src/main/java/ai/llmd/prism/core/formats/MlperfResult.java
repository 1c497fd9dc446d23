package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The MLPerf identity of a point the {@code mlperf} reader produced: which submission, system,
 * benchmark and scenario it is, and in which unit the result was declared. The reader writes it
 * into the point's labels with {@link #toLabels()} and analyses read it back with {@link #of}, so
 * the label names live in this one place. A part the submission did not state is {@code ""}.
 *
 * @param round the MLPerf round, e.g. {@code 6.0}
 * @param publicId the submission's public id, e.g. {@code 6.0-0012}
 * @param organization the submitter
 * @param system the system name
 * @param availability available, preview or research
 * @param division closed or open (and power)
 * @param processor the host processor
 * @param code the code link or name
 * @param benchmark the benchmark as MLPerf names it, e.g. {@code llama2-70b-99}
 * @param scenario {@code Offline}, {@code Server}, {@code Interactive}, ...
 * @param units the unit the result was declared in, e.g. {@code Tokens/s}
 * @param acceleratorsPerNode accelerators per node as stated, or {@code ""}
 */
public record MlperfResult(
    String round,
    String publicId,
    String organization,
    String system,
    String availability,
    String division,
    String processor,
    String code,
    String benchmark,
    String scenario,
    String units,
    String acceleratorsPerNode) {

  public MlperfResult {
    round = clean(round);
    publicId = clean(publicId);
    organization = clean(organization);
    system = clean(system);
    availability = clean(availability);
    division = clean(division);
    processor = clean(processor);
    code = clean(code);
    benchmark = clean(benchmark);
    scenario = clean(scenario);
    units = clean(units);
    acceleratorsPerNode = clean(acceleratorsPerNode);
  }

  private static String clean(String v) {
    return v == null ? "" : v.strip();
  }

  /** The MLPerf identity of {@code point}, read from its labels ({@code ""} for absent parts). */
  public static MlperfResult of(BenchmarkPoint point) {
    Map<String, String> l = Objects.requireNonNull(point, "point").labels();
    return new MlperfResult(
        l.get("round"),
        l.get("public_id"),
        l.get("organization"),
        l.get("system"),
        l.get("availability"),
        l.get("division"),
        l.get("processor"),
        l.get("code"),
        l.get("benchmark"),
        l.get("scenario"),
        l.get("units"),
        l.get("accelerators_per_node"));
  }

  /** The system, as {@code organization / system name (public id)}. */
  public String systemName() {
    return organization + " / " + system + " (" + publicId + ")";
  }

  /** As point labels, leaving out parts that are {@code ""}. */
  public Map<String, String> toLabels() {
    Map<String, String> labels = new TreeMap<>();
    put(labels, "round", round);
    put(labels, "public_id", publicId);
    put(labels, "organization", organization);
    put(labels, "system", system);
    put(labels, "availability", availability);
    put(labels, "division", division);
    put(labels, "processor", processor);
    put(labels, "code", code);
    put(labels, "benchmark", benchmark);
    put(labels, "scenario", scenario);
    put(labels, "units", units);
    put(labels, "accelerators_per_node", acceleratorsPerNode);
    return labels;
  }

  private static void put(Map<String, String> labels, String k, String v) {
    if (!v.isEmpty()) {
      labels.put(k, v);
    }
  }
}
