package ai.llmd.prism.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

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
    @Nullable AcceleratorRef accelerator,
    @Nullable Integer acceleratorCount,
    @Nullable String engine,
    @Nullable String engineVersion,
    @Nullable String servingStack,
    List<String> components,
    List<Role> roles,
    @Nullable Integer nodes) {

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

  /**
   * Total accelerators: the stated {@link #acceleratorCount()}, else the sum over roles of replicas
   * × accelerators per replica when every role knows the latter; empty when neither is known.
   *
   * @since 0.2
   */
  public OptionalInt totalAccelerators() {
    if (acceleratorCount != null) {
      return OptionalInt.of(acceleratorCount);
    }
    if (roles.isEmpty()) {
      return OptionalInt.empty();
    }
    int n = 0;
    for (Role r : roles) {
      Integer a = r.accelerators();
      if (a == null) {
        return OptionalInt.empty();
      }
      n += a;
    }
    return OptionalInt.of(n);
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
  public @Nullable String pdRatio() {
    if (architecture() != Architecture.DISAGGREGATED) {
      return null;
    }
    return replicas(Role.Kind.PREFILL) + ":" + replicas(Role.Kind.DECODE);
  }

  /**
   * A builder for a deployment; every component starts as "the source did not say".
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this deployment.
   *
   * @since 0.2
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accelerator = accelerator;
    b.acceleratorCount = acceleratorCount;
    b.engine = engine;
    b.engineVersion = engineVersion;
    b.servingStack = servingStack;
    b.components.addAll(components);
    b.roles.addAll(roles);
    b.nodes = nodes;
    return b;
  }

  /**
   * Builds a {@link Deployment} by name instead of by position; {@link #build()} validates.
   *
   * @since 0.2
   */
  public static final class Builder {
    private AcceleratorRef accelerator;
    private Integer acceleratorCount;
    private String engine;
    private String engineVersion;
    private String servingStack;
    private final List<String> components = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private Integer nodes;

    private Builder() {}

    /** The accelerator type. */
    public Builder accelerator(@Nullable AcceleratorRef accelerator) {
      this.accelerator = accelerator;
      return this;
    }

    /** Total accelerators used by the whole deployment. */
    public Builder acceleratorCount(int acceleratorCount) {
      this.acceleratorCount = acceleratorCount;
      return this;
    }

    /** The canonical inference engine name, never the load harness. */
    public Builder engine(@Nullable String engine) {
      this.engine = engine;
      return this;
    }

    /** The engine version. */
    public Builder engineVersion(@Nullable String engineVersion) {
      this.engineVersion = engineVersion;
      return this;
    }

    /** The serving stack. */
    public Builder servingStack(@Nullable String servingStack) {
      this.servingStack = servingStack;
      return this;
    }

    /** Adds one component of the stack, in source order. */
    public Builder component(String component) {
      components.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    /** Adds one replica group. */
    public Builder role(Role role) {
      roles.add(Objects.requireNonNull(role, "role"));
      return this;
    }

    /** The number of nodes. */
    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    /** The deployment; throws {@link IllegalArgumentException} for an impossible value. */
    public Deployment build() {
      return new Deployment(
          accelerator,
          acceleratorCount,
          engine,
          engineVersion,
          servingStack,
          components,
          roles,
          nodes);
    }
  }
}
