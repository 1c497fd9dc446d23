package ai.llmd.prism.api;

import java.util.Locale;
import java.util.Objects;

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
    String family,
    Double totalParamsBillions,
    Double activeParamsBillions,
    String precision,
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
}
