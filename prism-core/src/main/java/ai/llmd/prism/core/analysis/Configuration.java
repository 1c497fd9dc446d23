package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A point's scenario minus its load level: model and precision, accelerator and count, engine,
 * version and serving stack, roles (topology), nodes, and the workload class (dataset, harness, ISL
 * and OSL bucket). Points of one configuration form one series of load levels. This is the one
 * place that decides when two points are the same configuration ({@link #of}) and the same workload
 * for architecture comparison ({@link #workloadGroup()}); equality is equality of {@link #key()}.
 *
 * <p>Input and output lengths count by their bucket, because measured means drift slightly from one
 * load level to the next.
 */
public final class Configuration implements Comparable<Configuration> {

  private final String model;
  private final String precision;
  private final Deployment deployment;
  private final String dataset;
  private final String harness;
  private final String harnessVersion;
  private final String inputBucket;
  private final String outputBucket;
  private final String key;

  private Configuration(
      String model,
      String precision,
      Deployment deployment,
      String dataset,
      String harness,
      String harnessVersion,
      String inputBucket,
      String outputBucket) {
    this.model = Objects.requireNonNull(model, "model");
    this.precision = precision;
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.dataset = dataset;
    this.harness = harness;
    this.harnessVersion = harnessVersion;
    this.inputBucket = inputBucket;
    this.outputBucket = outputBucket;
    this.key = buildKey();
  }

  /** The configuration {@code point} belongs to. */
  public static Configuration of(BenchmarkPoint point) {
    Workload w = point.workload();
    return new Configuration(
        point.model().id(),
        point.model().precision(),
        point.deployment(),
        w.dataset(),
        w.harness(),
        w.harnessVersion(),
        lengthBucket(w.inputLength()),
        lengthBucket(w.outputLength()));
  }

  /** The same configuration with the engine version left out, to match one release to another. */
  public Configuration withoutEngineVersion() {
    Deployment d = deployment;
    Deployment unversioned =
        new Deployment(
            d.accelerator(),
            d.acceleratorCount(),
            d.engine(),
            null,
            d.servingStack(),
            d.components(),
            d.roles(),
            d.nodes());
    return new Configuration(
        model, precision, unversioned, dataset, harness, harnessVersion, inputBucket, outputBucket);
  }

  /** What P/D and aggregated serving are matched on: model, accelerator, ISL and OSL bucket. */
  public WorkloadGroup workloadGroup() {
    return new WorkloadGroup(
        model,
        deployment.accelerator() == null ? Facet.UNKNOWN : deployment.accelerator().name(),
        inputBucket == null ? Facet.UNKNOWN : inputBucket,
        outputBucket == null ? Facet.UNKNOWN : outputBucket);
  }

  /** The canonical model id. */
  public String model() {
    return model;
  }

  /** The precision, or {@code null} when unknown. */
  public String precision() {
    return precision;
  }

  /** The deployment: accelerator, count, engine, version, stack, roles, nodes. */
  public Deployment deployment() {
    return deployment;
  }

  /** The dataset or use case, or {@code null}. */
  public String dataset() {
    return dataset;
  }

  /** The load generator, or {@code null}. */
  public String harness() {
    return harness;
  }

  /** The input-length bucket (e.g. {@code ~1k}), or {@code null} when unknown. */
  public String inputBucket() {
    return inputBucket;
  }

  /** The output-length bucket, or {@code null} when unknown. */
  public String outputBucket() {
    return outputBucket;
  }

  /** The total accelerator count, stated or summed over the roles. */
  public OptionalInt accelerators() {
    return Views.accelerators(deployment);
  }

  /**
   * Stable, complete text naming this configuration, e.g. {@code llama-3.1-70b | accelerator=H100 |
   * count=16 | engine=vLLM | roles=1P-TP8 1D-TP8 | isl=~8k | osl=~1k}. Equal keys, equal
   * configurations.
   */
  public String key() {
    return key;
  }

  /**
   * A full human name, e.g. {@code llama-3.1-70b FP8, H100 ×16, P/D 1:1, TP8, vLLM 0.8.0, ISL ~8k /
   * OSL ~1k}; parts the source did not state are left out.
   */
  public String label() {
    List<String> parts = new ArrayList<>();
    parts.add(precision == null ? model : model + " " + precision);
    parts.addAll(deploymentParts());
    String wl = lengths();
    if (!wl.isEmpty()) {
      parts.add(wl);
    }
    return String.join(", ", parts);
  }

  /**
   * A short name for tables, e.g. {@code H100 ×16, P/D 1:1, TP8, 0.8.0}: accelerator, topology,
   * tensor parallelism and engine version, with the model's last path segment first when {@code
   * withModel}. Not unique on its own: see the findings' labels for unique names.
   */
  public String shortLabel(boolean withModel) {
    List<String> parts = new ArrayList<>();
    if (withModel) {
      parts.add(model.substring(model.lastIndexOf('/') + 1));
    }
    parts.add(acceleratorLabel());
    if (deployment.architecture() != Architecture.UNKNOWN) {
      parts.add(topologyLabel());
    }
    String tp = tensorParallelism();
    if (tp != null) {
      parts.add(tp);
    }
    if (deployment.engineVersion() != null) {
      parts.add(deployment.engineVersion());
    }
    return String.join(", ", parts);
  }

  private List<String> deploymentParts() {
    List<String> parts = new ArrayList<>();
    parts.add(acceleratorLabel());
    if (deployment.architecture() != Architecture.UNKNOWN) {
      parts.add(topologyLabel());
    }
    String tp = tensorParallelism();
    if (tp != null) {
      parts.add(tp);
    }
    engineLabel().ifPresent(parts::add);
    if (deployment.servingStack() != null) {
      parts.add(deployment.servingStack());
    }
    return parts;
  }

  /** {@code H100 ×16}, or {@code H100} without a count, {@code unknown accelerator} without one. */
  public String acceleratorLabel() {
    String name =
        deployment.accelerator() == null ? "unknown accelerator" : deployment.accelerator().name();
    OptionalInt n = accelerators();
    return n.isPresent() ? name + " ×" + n.getAsInt() : name;
  }

  /** The engine and its version, e.g. {@code vLLM 0.8.0}; empty when the source named neither. */
  public Optional<String> engineLabel() {
    String e =
        ((deployment.engine() == null ? "" : deployment.engine())
                + " "
                + (deployment.engineVersion() == null ? "" : deployment.engineVersion()))
            .strip();
    return e.isEmpty() ? Optional.empty() : Optional.of(e);
  }

  /** {@code aggregated}, {@code P/D 1:3}, or {@code architecture unknown}. */
  public String topologyLabel() {
    return switch (deployment.architecture()) {
      case AGGREGATED -> "aggregated";
      case DISAGGREGATED -> "P/D " + deployment.pdRatio();
      case UNKNOWN -> "architecture unknown";
    };
  }

  /** {@code TP8}, or per role ({@code P:TP4 D:TP8}) when they differ; null when unknown. */
  public String tensorParallelism() {
    Set<Integer> tps = new LinkedHashSet<>();
    for (Role r : deployment.roles()) {
      tps.add(r.tp());
    }
    if (tps.isEmpty() || tps.contains(null)) {
      return null;
    }
    if (tps.size() == 1) {
      return "TP" + tps.iterator().next();
    }
    StringBuilder sb = new StringBuilder();
    for (Role r : deployment.roles()) {
      sb.append(sb.length() == 0 ? "" : " ").append(r.kind().name().charAt(0)).append(":TP");
      sb.append(r.tp());
    }
    return sb.toString();
  }

  private String lengths() {
    if (inputBucket == null && outputBucket == null) {
      return "";
    }
    return "ISL "
        + (inputBucket == null ? Facet.UNKNOWN : inputBucket)
        + " / OSL "
        + (outputBucket == null ? Facet.UNKNOWN : outputBucket);
  }

  private String buildKey() {
    Deployment d = deployment;
    StringBuilder sb = new StringBuilder(128);
    sb.append(model);
    part(sb, "precision", precision);
    part(sb, "accelerator", d.accelerator() == null ? null : d.accelerator().name());
    part(sb, "count", d.acceleratorCount());
    part(sb, "engine", d.engine());
    part(sb, "version", d.engineVersion());
    part(sb, "stack", d.servingStack());
    if (!d.components().isEmpty()) {
      part(sb, "components", String.join("+", d.components()));
    }
    if (!d.roles().isEmpty()) {
      StringBuilder r = new StringBuilder();
      for (Role role : d.roles()) {
        if (r.length() > 0) {
          r.append(' ');
        }
        r.append(role.replicas()).append(role.kind().name().charAt(0));
        appendDegree(r, "TP", role.tp());
        appendDegree(r, "DP", role.dp());
        appendDegree(r, "PP", role.pp());
        appendDegree(r, "EP", role.ep());
        appendDegree(r, "x", role.acceleratorsPerReplica());
      }
      part(sb, "roles", r.toString());
    }
    part(sb, "nodes", d.nodes());
    part(sb, "dataset", dataset);
    part(sb, "harness", harness);
    part(sb, "harnessVersion", harnessVersion);
    part(sb, "isl", inputBucket);
    part(sb, "osl", outputBucket);
    return sb.toString();
  }

  private static void appendDegree(StringBuilder sb, String name, Integer v) {
    if (v != null) {
      sb.append('-').append(name).append(v);
    }
  }

  private static void part(StringBuilder sb, String name, Object v) {
    if (v != null) {
      sb.append(" | ").append(name).append('=').append(v);
    }
  }

  /** Configurations are equal when their keys are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration c && c.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** Ordered by key. */
  @Override
  public int compareTo(Configuration o) {
    return key.compareTo(o.key);
  }

  /** The key. */
  @Override
  public String toString() {
    return key;
  }

  // ---- load levels and length buckets ----

  /** ISL/OSL bucket as in Prism's {@code getBucket} (prism.md §3.8), or null when unknown. */
  public static String lengthBucket(Distribution lengths) {
    if (lengths == null) {
      return null;
    }
    OptionalDouble m = lengths.mean();
    if (m.isEmpty()) {
      m = lengths.get(Statistic.P50);
    }
    return m.isEmpty() ? null : bucket(m.getAsDouble());
  }

  static String bucket(double v) {
    if (v <= 0) {
      return "unknown";
    }
    double[] limits = {160, 384, 768, 1536, 3072, 6144, 12288, 24576, 49152, 98304};
    String[] names = {"~128", "~256", "~512", "~1k", "~2k", "~4k", "~8k", "~16k", "~32k", "~64k"};
    for (int i = 0; i < limits.length; i++) {
      if (v < limits[i]) {
        return names[i];
      }
    }
    return "~128k+";
  }

  /**
   * The load level as text, e.g. {@code concurrency 64}, {@code rate 2.5 req/s}, {@code stage 3},
   * or {@code unknown load}: the one spelling every output uses.
   */
  public static String loadLevel(BenchmarkPoint p) {
    Workload w = p.workload();
    StringBuilder sb = new StringBuilder();
    if (w.concurrency() != null) {
      sb.append("concurrency ").append(number(w.concurrency()));
    }
    if (w.targetRequestRate() != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("rate ");
      sb.append(number(w.targetRequestRate())).append(" req/s");
    }
    if (w.stage() != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("stage ").append(w.stage());
    }
    return sb.length() == 0 ? "unknown load" : sb.toString();
  }

  private static String number(double v) {
    if (Double.isInfinite(v)) {
      return "unlimited";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  /** Load order within a series: concurrency, then target rate, then stage (unknown last). */
  public static final Comparator<BenchmarkPoint> BY_LOAD =
      Comparator.comparing(
              (BenchmarkPoint p) -> p.workload().concurrency(),
              Comparator.nullsLast(Comparator.<Double>naturalOrder()))
          .thenComparing(
              p -> p.workload().targetRequestRate(),
              Comparator.nullsLast(Comparator.<Double>naturalOrder()))
          .thenComparing(
              p -> p.workload().stage(), Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
}
