package ai.llmd.prism.api;

import java.util.List;
import java.util.Objects;

/**
 * What served the benchmark: hardware, engine, serving stack and replica topology. Fields are
 * {@code null} where the source did not say.
 *
 * @param accelerator the accelerator type
 * @param acceleratorCount total accelerators used by the whole deployment
 * @param engine the canonical inference engine name (e.g. {@code vLLM}); never the load harness
 * @param engineVersion the engine version
 * @param servingStack the serving stack (e.g. {@code llm-d}, {@code GKE Inference Gateway})
 * @param components other components of the stack, in source order
 * @param roles the replica groups; empty when the source did not describe them
 * @param nodes the number of nodes
 */
public record Deployment(
    AcceleratorRef accelerator,
    Integer acceleratorCount,
    String engine,
    String engineVersion,
    String servingStack,
    List<String> components,
    List<Role> roles,
    Integer nodes) {

  private static final Deployment UNKNOWN =
      new Deployment(null, null, null, null, null, List.of(), List.of(), null);

  public Deployment {
    engine = Text.clean(engine);
    engineVersion = Text.clean(engineVersion);
    servingStack = Text.clean(servingStack);
    components = List.copyOf(Text.clean(Objects.requireNonNull(components, "components")));
    roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
    if (acceleratorCount != null && acceleratorCount < 1) {
      throw new IllegalArgumentException("acceleratorCount must be at least 1");
    }
    if (nodes != null && nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1");
    }
  }

  /** A deployment the source said nothing about. */
  public static Deployment unknown() {
    return UNKNOWN;
  }

  /** Aggregated, disaggregated, or unknown when there are no roles. */
  public Architecture architecture() {
    if (roles.isEmpty()) {
      return Architecture.UNKNOWN;
    }
    for (Role r : roles) {
      if (r.kind() != Role.Kind.AGGREGATED) {
        return Architecture.DISAGGREGATED;
      }
    }
    return Architecture.AGGREGATED;
  }

  /** Replicas of the given kind, summed over roles. */
  public int replicas(Role.Kind kind) {
    int n = 0;
    for (Role r : roles) {
      if (r.kind() == kind) {
        n += r.replicas();
      }
    }
    return n;
  }

  /** {@code "P:D"} (prefill to decode replicas) for a disaggregated deployment, else null. */
  public String pdRatio() {
    if (architecture() != Architecture.DISAGGREGATED) {
      return null;
    }
    return replicas(Role.Kind.PREFILL) + ":" + replicas(Role.Kind.DECODE);
  }
}
