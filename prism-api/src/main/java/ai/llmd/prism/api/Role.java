package ai.llmd.prism.api;

import java.util.Objects;

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
    Integer tp,
    Integer dp,
    Integer pp,
    Integer ep,
    Integer acceleratorsPerReplica) {

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
  public Integer accelerators() {
    return acceleratorsPerReplica == null ? null : replicas * acceleratorsPerReplica;
  }

  private static void requirePositive(Integer v, String name) {
    if (v != null && v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + v);
    }
  }
}
