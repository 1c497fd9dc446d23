package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One dimension a {@link Catalog} can be filtered and counted by: a name and the value it takes at
 * a point ({@value #UNKNOWN} where the point does not say).
 */
public final class Facet {

  /** The value of a facet at a point that does not say. */
  public static final String UNKNOWN = "unknown";

  public static final Facet MODEL = new Facet("model", p -> p.model().id());
  public static final Facet PRECISION = new Facet("precision", p -> p.model().precision());
  public static final Facet ACCELERATOR =
      new Facet(
          "accelerator",
          p -> p.deployment().accelerator() == null ? null : p.deployment().accelerator().name());
  public static final Facet ACCELERATOR_COUNT =
      new Facet(
          "accelerator_count",
          p -> {
            var n = ai.llmd.prism.core.Views.accelerators(p.deployment());
            return n.isEmpty() ? null : Integer.toString(n.getAsInt());
          });
  public static final Facet ENGINE = new Facet("engine", p -> p.deployment().engine());
  public static final Facet SERVING_STACK =
      new Facet("serving_stack", p -> p.deployment().servingStack());
  public static final Facet ARCHITECTURE =
      new Facet("architecture", p -> p.deployment().architecture().name().toLowerCase(Locale.ROOT));

  /** {@code P:D} replica ratio, or {@code aggregated}. */
  public static final Facet PD_RATIO =
      new Facet(
          "pd_ratio",
          p ->
              switch (p.deployment().architecture()) {
                case AGGREGATED -> "aggregated";
                case DISAGGREGATED -> p.deployment().pdRatio();
                case UNKNOWN -> null;
              });

  /** Tensor parallelism: {@code TP8}, or per role ({@code P:TP4 D:TP8}) when roles differ. */
  public static final Facet TP = new Facet("tp", Facet::tp);

  public static final Facet ISL_BUCKET =
      new Facet("isl_bucket", p -> Configuration.lengthBucket(p.workload().inputLength()));
  public static final Facet OSL_BUCKET =
      new Facet("osl_bucket", p -> Configuration.lengthBucket(p.workload().outputLength()));
  public static final Facet HARNESS = new Facet("harness", p -> p.workload().harness());
  public static final Facet SOURCE_FORMAT =
      new Facet("source_format", p -> p.provenance().format());

  /** The built-in facets, in this order. */
  public static final List<Facet> BUILT_IN =
      List.of(
          MODEL,
          PRECISION,
          ACCELERATOR,
          ACCELERATOR_COUNT,
          ENGINE,
          SERVING_STACK,
          ARCHITECTURE,
          PD_RATIO,
          TP,
          ISL_BUCKET,
          OSL_BUCKET,
          HARNESS,
          SOURCE_FORMAT);

  private final String name;
  private final Function<BenchmarkPoint, String> value;

  private Facet(String name, Function<BenchmarkPoint, String> value) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A facet of your own; {@code value} may return null for "unknown". */
  public static Facet of(String name, Function<BenchmarkPoint, String> value) {
    return new Facet(name, value);
  }

  /** The point label {@code key} as a facet. */
  public static Facet label(String key) {
    return new Facet("label:" + key, p -> p.labels().get(key));
  }

  /**
   * The facets of {@code facets} on which every one of {@code points} takes the same value, by
   * name, with that value, in the order of {@code facets}; none when {@code points} is empty. A
   * view of a group of points follows a facet filter only on these.
   */
  public static Map<String, String> agreed(
      List<Facet> facets, Collection<? extends BenchmarkPoint> points) {
    Map<String, String> out = new LinkedHashMap<>();
    if (points.isEmpty()) {
      return out;
    }
    for (Facet f : facets) {
      String first = null;
      boolean same = true;
      for (BenchmarkPoint p : points) {
        String v = f.valueOf(p);
        if (first == null) {
          first = v;
        } else if (!first.equals(v)) {
          same = false;
          break;
        }
      }
      if (same) {
        out.put(f.name(), first);
      }
    }
    return out;
  }

  /** The facet's name, e.g. {@code accelerator}. */
  public String name() {
    return name;
  }

  /** The facet's value at {@code point}, {@value #UNKNOWN} when the point does not say. */
  public String valueOf(BenchmarkPoint point) {
    String v = value.apply(point);
    return v == null || v.isBlank() ? UNKNOWN : v;
  }

  private static String tp(BenchmarkPoint p) {
    Deployment d = p.deployment();
    Set<Integer> tps = new LinkedHashSet<>();
    for (Role r : d.roles()) {
      tps.add(r.tp());
    }
    if (tps.isEmpty() || tps.contains(null)) {
      return null;
    }
    if (tps.size() == 1) {
      return "TP" + tps.iterator().next();
    }
    StringBuilder sb = new StringBuilder();
    for (Role r : d.roles()) {
      sb.append(sb.length() == 0 ? "" : " ").append(r.kind().name().charAt(0)).append(":TP");
      sb.append(r.tp());
    }
    return sb.toString();
  }

  /** Facets are equal when their names are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Facet f && f.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
