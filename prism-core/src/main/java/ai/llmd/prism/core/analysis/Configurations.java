package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Workload;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What makes two points the same configuration: every scenario dimension except the load level
 * (target rate, concurrency, stage). Input and output lengths count by their bucket, because
 * measured means drift slightly from one load level to the next.
 */
final class Configurations {

  private Configurations() {}

  /** The configuration key: stable text, readable, equal for points of one series. */
  static String key(BenchmarkPoint p) {
    return key(p, true);
  }

  /** The key, optionally without the engine version (for version-to-version matching). */
  static String key(BenchmarkPoint p, boolean withEngineVersion) {
    Deployment d = p.deployment();
    Workload w = p.workload();
    StringBuilder sb = new StringBuilder(128);
    sb.append(p.model().id());
    part(sb, "precision", p.model().precision());
    part(sb, "accelerator", d.accelerator() == null ? null : d.accelerator().name());
    part(sb, "count", d.acceleratorCount());
    part(sb, "engine", d.engine());
    if (withEngineVersion) {
      part(sb, "version", d.engineVersion());
    }
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
    part(sb, "dataset", w.dataset());
    part(sb, "harness", w.harness());
    part(sb, "harnessVersion", w.harnessVersion());
    part(sb, "isl", lengthBucket(w.inputLength()));
    part(sb, "osl", lengthBucket(w.outputLength()));
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

  /** ISL/OSL bucket as in Prism's {@code getBucket} (prism.md §3.8), or null when unknown. */
  static String lengthBucket(Distribution lengths) {
    if (lengths == null) {
      return null;
    }
    OptionalDouble m = lengths.mean();
    if (m.isEmpty()) {
      m = lengths.get(ai.llmd.prism.api.Statistic.P50);
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

  /** The load level as text, e.g. {@code concurrency 64} or {@code rate 2.5 req/s}. */
  static String loadLevel(BenchmarkPoint p) {
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
  static final Comparator<BenchmarkPoint> BY_LOAD =
      Comparator.comparing(
              (BenchmarkPoint p) -> p.workload().concurrency(),
              Comparator.nullsLast(Comparator.<Double>naturalOrder()))
          .thenComparing(
              p -> p.workload().targetRequestRate(),
              Comparator.nullsLast(Comparator.<Double>naturalOrder()))
          .thenComparing(
              p -> p.workload().stage(), Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
}
