package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built points for tests: only what a test sets is present. */
final class TestPoints {

  private TestPoints() {}

  static Builder point(String name) {
    return new Builder(name);
  }

  /** A point with only the means of two metrics. */
  static BenchmarkPoint xy(String name, Metric x, double vx, Metric y, double vy) {
    return point(name).mean(x, vx).mean(y, vy).build();
  }

  static final class Builder {
    private final String name;
    private final Map<Metric, Distribution.Builder> dists = new EnumMap<>(Metric.class);
    private String model = "llama-3.1-8b";
    private String precision;
    private String accelerator;
    private Integer accelerators;
    private String engine = "vLLM";
    private String engineVersion;
    private String stack;
    private final List<Role> roles = new ArrayList<>();
    private Double isl;
    private Double osl;
    private String harness;
    private Double rate;
    private Double concurrency;
    private Integer stage;
    private String format = "test";
    private final List<Cost> costs = new ArrayList<>();
    private final Map<String, String> labels = new TreeMap<>();

    private Builder(String name) {
      this.name = name;
    }

    Builder mean(Metric m, double v) {
      return stat(m, Statistic.MEAN, v);
    }

    Builder stat(Metric m, Statistic s, double v) {
      dists.computeIfAbsent(m, k -> Distribution.builder()).put(s, v);
      return this;
    }

    Builder model(String m) {
      model = m;
      return this;
    }

    Builder precision(String p) {
      precision = p;
      return this;
    }

    Builder accelerators(String name, int count) {
      accelerator = name;
      accelerators = count;
      return this;
    }

    Builder engine(String e, String version) {
      engine = e;
      engineVersion = version;
      return this;
    }

    Builder stack(String s) {
      stack = s;
      return this;
    }

    Builder role(Role.Kind kind, int replicas, int tp) {
      roles.add(new Role(kind, replicas, tp, null, null, null, tp));
      return this;
    }

    Builder lengths(double in, double out) {
      isl = in;
      osl = out;
      return this;
    }

    Builder harness(String h) {
      harness = h;
      return this;
    }

    Builder rate(double r) {
      rate = r;
      return this;
    }

    Builder concurrency(double c) {
      concurrency = c;
      return this;
    }

    Builder stage(int s) {
      stage = s;
      return this;
    }

    Builder format(String f) {
      format = f;
      return this;
    }

    Builder cost(Cost c) {
      costs.add(c);
      return this;
    }

    Builder label(String k, String v) {
      labels.put(k, v);
      return this;
    }

    BenchmarkPoint build() {
      Metrics.Builder mb = Metrics.builder();
      dists.forEach((m, d) -> mb.put(MetricValue.measured(m, d.build())));
      ModelRef mr =
          new ModelRef(
              model, model.toLowerCase(java.util.Locale.ROOT), null, null, null, precision, false);
      Deployment dep =
          new Deployment(
              accelerator == null ? null : AcceleratorRef.unresolved(accelerator),
              accelerators,
              engine,
              engineVersion,
              stack,
              List.of(),
              roles,
              null);
      Workload w =
          new Workload(
              isl == null ? null : Distribution.ofMean(isl),
              osl == null ? null : Distribution.ofMean(osl),
              null,
              harness,
              null,
              rate,
              concurrency,
              stage);
      return new BenchmarkPoint(
          new Scenario(mr, dep, w),
          mb.build(),
          costs,
          labels,
          new Provenance(URI.create("test:" + name), format, null, ""));
    }
  }
}
