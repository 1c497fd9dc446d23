package ai.llmd.prism.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a million tokens cost at one benchmark point under one pricing model, in USD. A cost read
 * from the source is not an estimate; one computed from an hourly price is.
 *
 * @param pricingModel how accelerator time is paid for
 * @param perMillionOutputTokens USD per million output tokens, or {@code null}
 * @param perMillionInputTokens USD per million input tokens, or {@code null}
 * @param estimated whether this was computed from an hourly price rather than read
 * @param basis where the figure came from (a source field, or a price-catalog row)
 */
public record Cost(
    PricingModel pricingModel,
    @Nullable Double perMillionOutputTokens,
    @Nullable Double perMillionInputTokens,
    boolean estimated,
    String basis) {

  public Cost {
    Objects.requireNonNull(pricingModel, "pricingModel");
    basis = Text.clean(Objects.requireNonNull(basis, "basis"));
    requireNonNegative(perMillionOutputTokens, "perMillionOutputTokens");
    requireNonNegative(perMillionInputTokens, "perMillionInputTokens");
    if (perMillionOutputTokens == null && perMillionInputTokens == null) {
      throw new IllegalArgumentException("a cost needs an input or an output price");
    }
  }

  private static void requireNonNegative(Double v, String name) {
    if (v != null && !(v >= 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a non-negative number, was " + v);
    }
  }
}
