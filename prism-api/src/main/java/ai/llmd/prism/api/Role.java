package ai.llmd.prism.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One group of identical serving replicas: aggregated replicas, or the prefill or decode side of a
 * disaggregated deployment. Parallelism degrees are {@code null} when the source did not say.
 *
 * @param kind what the replicas do
 * @param replicas how many replicas, at least 1
 * @param tp tensor parallelism
 * @param dp data parallelism
 * @param pp pipeline parallelism
 * @param ep expert parallelism
 * @param acceleratorsPerReplica accelerators each replica uses
 */
public record Role(
    Role.Kind kind,
    int replicas,
    @Nullable Integer tp,
    @Nullable Integer dp,
    @Nullable Integer pp,
    @Nullable Integer ep,
    @Nullable Integer acceleratorsPerReplica) {

  /** What a group of replicas does. */
  public enum Kind {
    AGGREGATED,
    PREFILL,
    DECODE
  }

  public Role {
    Objects.requireNonNull(kind, "kind");
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
    }
    requirePositive(tp, "tp");
    requirePositive(dp, "dp");
    requirePositive(pp, "pp");
    requirePositive(ep, "ep");
    requirePositive(acceleratorsPerReplica, "acceleratorsPerReplica");
  }

  /** Replicas × accelerators per replica, or {@code null} when the latter is unknown. */
  public @Nullable Integer accelerators() {
    return acceleratorsPerReplica == null ? null : replicas * acceleratorsPerReplica;
  }

  private static void requirePositive(Integer v, String name) {
    if (v != null && v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + v);
    }
  }

  /**
   * A builder for {@code replicas} replicas of one kind; parallelism degrees start unknown.
   *
   * @since 0.2
   */
  public static Builder builder(Kind kind, int replicas) {
    return new Builder(kind, replicas);
  }

  /**
   * Builds a {@link Role} by name; {@link #build()} validates.
   *
   * @since 0.2
   */
  public static final class Builder {
    private final Kind kind;
    private final int replicas;
    private Integer tp;
    private Integer dp;
    private Integer pp;
    private Integer ep;
    private Integer acceleratorsPerReplica;

    private Builder(Kind kind, int replicas) {
      this.kind = kind;
      this.replicas = replicas;
    }

    /** Tensor parallelism. */
    public Builder tp(int tp) {
      this.tp = tp;
      return this;
    }

    /** Data parallelism. */
    public Builder dp(int dp) {
      this.dp = dp;
      return this;
    }

    /** Pipeline parallelism. */
    public Builder pp(int pp) {
      this.pp = pp;
      return this;
    }

    /** Expert parallelism. */
    public Builder ep(int ep) {
      this.ep = ep;
      return this;
    }

    /** Accelerators each replica uses. */
    public Builder acceleratorsPerReplica(int acceleratorsPerReplica) {
      this.acceleratorsPerReplica = acceleratorsPerReplica;
      return this;
    }

    /** The role; throws {@link IllegalArgumentException} for an impossible value. */
    public Role build() {
      return new Role(kind, replicas, tp, dp, pp, ep, acceleratorsPerReplica);
    }
  }
}
