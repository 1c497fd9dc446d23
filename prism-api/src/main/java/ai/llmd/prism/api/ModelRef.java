package ai.llmd.prism.api;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The model a benchmark served: the name exactly as the source wrote it, and what the model
 * registry made of it.
 *
 * @param raw the name as written in the source
 * @param id the canonical id (e.g. {@code meta-llama/Llama-3.1-70B-Instruct}); for a name the
 *     registry does not know, the raw name in lower case, so that spellings differing only in case
 *     still group
 * @param family the model family, or {@code null} when unknown
 * @param totalParamsBillions total parameters in billions, or {@code null} when unknown
 * @param activeParamsBillions active parameters per token in billions (MoE), or {@code null}
 * @param precision the weight precision or quantization (e.g. {@code FP8}), or {@code null}
 * @param resolved whether the registry recognised the name
 */
public record ModelRef(
    String raw,
    String id,
    @Nullable String family,
    @Nullable Double totalParamsBillions,
    @Nullable Double activeParamsBillions,
    @Nullable String precision,
    boolean resolved) {

  public ModelRef {
    raw = Text.clean(Objects.requireNonNull(raw, "raw"));
    id = Text.clean(Objects.requireNonNull(id, "id"));
    family = Text.clean(family);
    precision = Text.clean(precision);
    if (id.isBlank()) {
      throw new IllegalArgumentException("a model id must not be blank");
    }
    requirePositive(totalParamsBillions, "totalParamsBillions");
    requirePositive(activeParamsBillions, "activeParamsBillions");
  }

  /** A model the registry has not (yet) looked at: its id is the raw name in lower case. */
  public static ModelRef unresolved(String raw) {
    String r = Objects.requireNonNull(raw, "raw").strip();
    return new ModelRef(
        r, r.isEmpty() ? "unknown" : r.toLowerCase(Locale.ROOT), null, null, null, null, false);
  }

  private static void requirePositive(Double v, String name) {
    if (v != null && !(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be positive, was " + v);
    }
  }

  /**
   * A builder for a model reference with this raw name and canonical id; the rest starts unknown
   * and unresolved.
   *
   * @since 0.2
   */
  public static Builder builder(String raw, String id) {
    return new Builder(raw, id);
  }

  /**
   * Builds a {@link ModelRef} by name; {@link #build()} validates.
   *
   * @since 0.2
   */
  public static final class Builder {
    private final String raw;
    private final String id;
    private String family;
    private Double totalParamsBillions;
    private Double activeParamsBillions;
    private String precision;
    private boolean resolved;

    private Builder(String raw, String id) {
      this.raw = raw;
      this.id = id;
    }

    /** The model family. */
    public Builder family(@Nullable String family) {
      this.family = family;
      return this;
    }

    /** Total parameters in billions. */
    public Builder totalParamsBillions(double billions) {
      this.totalParamsBillions = billions;
      return this;
    }

    /** Active parameters per token in billions (MoE). */
    public Builder activeParamsBillions(double billions) {
      this.activeParamsBillions = billions;
      return this;
    }

    /** The weight precision or quantization. */
    public Builder precision(@Nullable String precision) {
      this.precision = precision;
      return this;
    }

    /** Whether a registry recognised the name. */
    public Builder resolved(boolean resolved) {
      this.resolved = resolved;
      return this;
    }

    /** The model reference; throws {@link IllegalArgumentException} for an impossible value. */
    public ModelRef build() {
      return new ModelRef(
          raw, id, family, totalParamsBillions, activeParamsBillions, precision, resolved);
    }
  }
}
