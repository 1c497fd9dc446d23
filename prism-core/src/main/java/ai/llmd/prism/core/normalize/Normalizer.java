package ai.llmd.prism.core.normalize;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns points as readers wrote them into comparable points: resolves model, accelerator and engine
 * names through the registries, fills in accelerator counts the deployment implies, and derives
 * absent metrics by named rules (see {@link #normalize(List)}). Unknown names are kept and reported
 * once each as info; measured values that disagree with their identities are kept and reported as
 * warnings. Normalizing a normalized point changes nothing.
 *
 * <pre>{@code
 * Normalizer n = Normalizer.standard()
 *     .withModels(ModelRegistry.builtIn().withOverrides(Path.of("my-models.yaml")));
 * Prism prism = Prism.create().withNormalizer(n);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Normalizer {

  private static final Normalizer NONE = new Normalizer(null, null, null, false);

  private final ModelRegistry models;
  private final AcceleratorRegistry accelerators;
  private final EngineRegistry engines;
  private final boolean derive;

  private Normalizer(
      ModelRegistry models,
      AcceleratorRegistry accelerators,
      EngineRegistry engines,
      boolean derive) {
    this.models = models;
    this.accelerators = accelerators;
    this.engines = engines;
    this.derive = derive;
  }

  /** The built-in registries, with derivations. */
  public static Normalizer standard() {
    return new Normalizer(
        ModelRegistry.builtIn(), AcceleratorRegistry.builtIn(), EngineRegistry.builtIn(), true);
  }

  /** A normalizer that returns points unchanged, for users who want what the readers produced. */
  public static Normalizer none() {
    return NONE;
  }

  /** The same, resolving models with {@code registry}. */
  public Normalizer withModels(ModelRegistry registry) {
    return new Normalizer(Objects.requireNonNull(registry), accelerators, engines, derive);
  }

  /** The same, resolving accelerators and machine types with {@code registry}. */
  public Normalizer withAccelerators(AcceleratorRegistry registry) {
    return new Normalizer(models, Objects.requireNonNull(registry), engines, derive);
  }

  /** The same, resolving engines and harnesses with {@code registry}. */
  public Normalizer withEngines(EngineRegistry registry) {
    return new Normalizer(models, accelerators, Objects.requireNonNull(registry), derive);
  }

  /** The same, with or without the metric derivation rules. */
  public Normalizer withDerivations(boolean enabled) {
    return new Normalizer(models, accelerators, engines, enabled);
  }

  /** What a normalization produced: the points, in input order, and the problems found. */
  public record Result(List<BenchmarkPoint> points, List<Problem> problems) {
    public Result {
      points = List.copyOf(points);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Normalizes every point. For each: the model name is resolved (precision split off; a precision
   * the reader set is kept); the accelerator name or machine type is resolved; the engine name is
   * made canonical, a harness found in the engine field is moved to the workload, and an image
   * reference gives engine and version; a role's accelerators per replica is filled as tp × pp when
   * data parallelism is absent or 1; a deployment's accelerator count is filled from an {@code
   * (xN)} decoration or from nodes × accelerators per machine type; then absent metrics are
   * derived. Each unknown name is reported once, as info, at its first point.
   *
   * <p>Derivation rules (each names itself in {@link ai.llmd.prism.api.MetricValue#derivation()},
   * runs only when its target is absent, and yields a mean): E2E = TTFT + TPOT × (OSL − 1), else
   * NTPOT × OSL; TPOT = (E2E − TTFT) / (OSL − 1); NTPOT = mean E2E / mean OSL (a ratio of means,
   * not the per-request mean a harness reports); output throughput = total − input, else request
   * rate × OSL; input throughput = total − output, else request rate × ISL; total = input + output;
   * success and failure rates from request counts; average power, where the source measured none,
   * estimated from the sourced power table for the accelerator (the rule says "estimated" and cites
   * the row); energy per 1M output tokens = average power × 10^6 / (3600 × output throughput). A
   * measured throughput or rate that disagrees with its identity by more than 1% is kept and
   * reported as a warning.
   */
  public Result normalize(List<BenchmarkPoint> points) {
    if (this == NONE || models == null) {
      return new Result(points, List.of());
    }
    Run run = new Run();
    List<BenchmarkPoint> out = new ArrayList<>(points.size());
    for (BenchmarkPoint p : points) {
      try {
        out.add(run.point(p));
      } catch (RuntimeException e) {
        // one odd point must not cost the load its other points: keep it as the reader made it
        out.add(p);
        run.problems.add(
            Problem.warning(
                fileOf(p.provenance()),
                p.provenance().location(),
                "kept as read, not normalized: " + e));
      }
    }
    return new Result(out, run.problems);
  }

  /** One call of {@link #normalize(List)}: remembers which names were already reported. */
  private final class Run {
    final List<Problem> problems = new ArrayList<>();
    final Set<String> reported = new HashSet<>();
    // Points of one load share a few models, deployments and scenarios: one object each, not one
    // per point (a million points would otherwise hold a million equal copies).
    final Map<ModelRef, ModelRef> modelMemo = new HashMap<>();
    final Map<Deployment, Deployment> deploymentMemo = new HashMap<>();
    final Map<Scenario, Scenario> scenarioMemo = new HashMap<>();
    String file;
    String location;

    BenchmarkPoint point(BenchmarkPoint p) {
      file = fileOf(p.provenance());
      location = p.provenance().location();
      ModelRef model = modelMemo.computeIfAbsent(p.model(), this::model);
      Workload workload = p.workload();
      Deployment deployment = deploymentMemo.computeIfAbsent(p.deployment(), this::deployment);
      checkCount(deployment); // said of every point it applies to
      String harness = harnessFromEngine(p.deployment());
      if (harness != null && workload.harness() == null) {
        workload = withHarness(workload, harness);
      } else if (workload.harness() != null) {
        String h = engines.harness(workload.harness()).orElse(workload.harness());
        if (!h.equals(workload.harness())) {
          workload = withHarness(workload, h);
        }
      }
      Metrics metrics =
          derive
              ? Derivations.derive(
                  p.metrics(), workload, m -> problems.add(Problem.warning(file, location, m)))
              : p.metrics();
      if (derive) {
        metrics = Energy.derive(metrics, deployment, PowerTable.builtIn());
      }
      Scenario s = scenarioMemo.computeIfAbsent(new Scenario(model, deployment, workload), k -> k);
      if (s == p.scenario() && metrics == p.metrics()) {
        return p;
      }
      return new BenchmarkPoint(s, metrics, p.costs(), p.labels(), p.provenance());
    }

    ModelRef model(ModelRef in) {
      ModelRef r = models.resolve(in.raw());
      String precision = in.precision() != null ? in.precision() : r.precision();
      if (r.resolved()) {
        return new ModelRef(
            in.raw(),
            r.id(),
            r.family(),
            r.totalParamsBillions(),
            r.activeParamsBillions(),
            precision,
            true);
      }
      if (!Names.isPlaceholder(in.raw())) {
        once(
            "model:" + in.raw(),
            "model '"
                + in.raw()
                + "' is not in the model registry (version "
                + models.version()
                + "); grouped as '"
                + r.id()
                + "' (add it with ModelRegistry.withOverrides)");
      }
      return new ModelRef(
          in.raw(),
          r.id(),
          in.family(),
          in.totalParamsBillions(),
          in.activeParamsBillions(),
          precision,
          false);
    }

    Deployment deployment(Deployment d) {
      AcceleratorRef acc = d.accelerator();
      Integer count = d.acceleratorCount();
      if (acc != null) {
        AcceleratorRef resolved = accelerators.resolve(acc.raw());
        if (resolved.resolved()) {
          acc = resolved;
        } else if (!Names.isPlaceholder(acc.raw())) { // keep what the reader knew (e.g. memory)
          once(
              "accelerator:" + acc.raw(),
              "accelerator '"
                  + acc.raw()
                  + "' is not in the accelerator registry (version "
                  + accelerators.version()
                  + "); kept as written (add it with AcceleratorRegistry.withOverrides)");
        }
        OptionalInt implied = accelerators.impliedCount(acc.raw());
        if (count == null && implied.isPresent()) {
          if (!accelerators.isMachineType(acc.raw())) {
            count = implied.getAsInt();
          } else if (d.nodes() != null) {
            count = d.nodes() * implied.getAsInt();
          }
        }
      }
      List<Role> roles = new ArrayList<>(d.roles().size());
      for (Role r : d.roles()) {
        roles.add(role(r));
      }
      String engine = d.engine();
      String version = d.engineVersion();
      if (engine != null) {
        Optional<String> canonical = engines.engine(engine);
        if (canonical.isPresent()) {
          engine = canonical.get();
        } else if (engines.harness(engine).isPresent()) {
          engine = null; // moved to the workload by harnessFromEngine
        } else if (EngineRegistry.looksLikeImage(engine) && engines.image(engine).isPresent()) {
          EngineRegistry.Image img = engines.image(engine).get();
          engine = img.engine();
          version = version == null ? img.version() : version;
        } else {
          once(
              "engine:" + engine,
              "engine '"
                  + engine
                  + "' is not in the engine registry (version "
                  + engines.version()
                  + "); kept as written (add it with EngineRegistry.withOverrides)");
        }
      }
      if (version != null && EngineRegistry.looksLikeImage(version)) {
        Optional<EngineRegistry.Image> img = engines.image(version);
        if (img.isPresent() && (engine == null || engine.equals(img.get().engine()))) {
          engine = img.get().engine();
          version = img.get().version();
        }
      }
      return new Deployment(
          acc, count, engine, version, d.servingStack(), d.components(), roles, d.nodes());
    }

    Role role(Role r) {
      if (r.acceleratorsPerReplica() != null || r.tp() == null) {
        return r;
      }
      if (r.dp() != null && r.dp() != 1) {
        return r; // global or local data parallelism: the per-replica count is not determined
      }
      int perReplica = r.tp() * (r.pp() == null ? 1 : r.pp());
      return new Role(r.kind(), r.replicas(), r.tp(), r.dp(), r.pp(), r.ep(), perReplica);
    }

    /** Prism used TP or a root field inconsistently as chip count; say when the two disagree. */
    void checkCount(Deployment d) {
      if (d.acceleratorCount() == null || d.roles().isEmpty()) {
        return;
      }
      int sum = 0;
      for (Role r : d.roles()) {
        if (r.accelerators() == null) {
          return;
        }
        sum += r.accelerators();
      }
      if (sum != d.acceleratorCount()) {
        problems.add(
            Problem.warning(
                file,
                location,
                "the deployment states "
                    + d.acceleratorCount()
                    + " accelerators but its roles add up to "
                    + sum
                    + "; per-accelerator views use the stated count"));
      }
    }

    String harnessFromEngine(Deployment d) {
      if (d.engine() == null || engines.engine(d.engine()).isPresent()) {
        return null;
      }
      Optional<String> h = engines.harness(d.engine());
      if (h.isPresent()) {
        once(
            "harness:" + d.engine(),
            "'"
                + d.engine()
                + "' is a load harness, not an inference engine; recorded as the harness");
      }
      return h.orElse(null);
    }

    void once(String key, String message) {
      if (reported.add(key)) {
        problems.add(Problem.info(file, location, message));
      }
    }
  }

  private static Workload withHarness(Workload w, String harness) {
    return new Workload(
        w.inputLength(),
        w.outputLength(),
        w.dataset(),
        harness,
        w.harnessVersion(),
        w.targetRequestRate(),
        w.concurrency(),
        w.stage());
  }

  private static String fileOf(Provenance p) {
    URI u = p.source();
    if ("file".equals(u.getScheme()) && u.getPath() != null) {
      return u.getPath();
    }
    if ("stdin".equals(u.getScheme())) {
      return u.getSchemeSpecificPart();
    }
    return u.toString();
  }

  @Override
  public String toString() {
    return this == NONE
        ? "Normalizer[none]"
        : "Normalizer["
            + models
            + ", "
            + accelerators
            + ", "
            + engines
            + ", derive="
            + derive
            + "]";
  }
}
