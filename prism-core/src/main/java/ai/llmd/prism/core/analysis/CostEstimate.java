package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.PricingModel;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a million tokens cost at one point under one pricing model, in USD, and where the figure
 * came from. A component is {@code null} when it could not be worked out (never 0 for "unknown").
 *
 * @param pricingModel how accelerator time is paid for
 * @param perMillionOutputTokens USD per million output tokens, or {@code null}
 * @param perMillionInputTokens USD per million input tokens, or {@code null}
 * @param perMillionTotalTokens USD per million tokens of either kind (blended), or {@code null}
 * @param estimated whether it was computed from an hourly price rather than read from the source
 * @param basis how it was obtained (the source field, or the catalog row and formula inputs)
 * @param row the catalog row used, or {@code null} for a cost the source stated
 * @param range the spread across every catalog row that could have priced the point, or {@code
 *     null} for a cost the source stated
 * @param selection why {@code row} was chosen among them (e.g. "machine type named by the source"),
 *     or {@code null} for a cost the source stated
 */
public record CostEstimate(
    PricingModel pricingModel,
    Double perMillionOutputTokens,
    Double perMillionInputTokens,
    Double perMillionTotalTokens,
    boolean estimated,
    String basis,
    PriceRow row,
    Range range,
    String selection) {

  /**
   * The lowest and highest price among the catalog rows that matched the point's accelerator and
   * pricing model (after any hard filter), the newest of each series.
   *
   * @param rows how many rows matched
   * @param usdPerAcceleratorHourLow the cheapest row's USD per accelerator-hour
   * @param usdPerAcceleratorHourHigh the dearest row's USD per accelerator-hour
   * @param perMillionOutputTokensLow USD per 1M output tokens at the cheapest row, or {@code null}
   * @param perMillionOutputTokensHigh USD per 1M output tokens at the dearest row, or {@code null}
   */
  public record Range(
      int rows,
      double usdPerAcceleratorHourLow,
      double usdPerAcceleratorHourHigh,
      Double perMillionOutputTokensLow,
      Double perMillionOutputTokensHigh) {

    public Range {
      if (rows < 1 || usdPerAcceleratorHourLow > usdPerAcceleratorHourHigh) {
        throw new IllegalArgumentException("a range needs at least one row and low <= high");
      }
    }
  }

  /** A cost without a catalog range (stated by the source, or built by hand). */
  public CostEstimate(
      PricingModel pricingModel,
      Double perMillionOutputTokens,
      Double perMillionInputTokens,
      Double perMillionTotalTokens,
      boolean estimated,
      String basis,
      PriceRow row) {
    this(
        pricingModel,
        perMillionOutputTokens,
        perMillionInputTokens,
        perMillionTotalTokens,
        estimated,
        basis,
        row,
        null,
        null);
  }

  /** Which tokens a price is per. */
  public enum Tokens {
    OUTPUT,
    INPUT,
    /** Input and output tokens alike (blended). */
    TOTAL
  }

  public CostEstimate {
    Objects.requireNonNull(pricingModel, "pricingModel");
    Objects.requireNonNull(basis, "basis");
  }

  /** USD per million {@code tokens}, or empty when unknown. */
  public OptionalDouble perMillion(Tokens tokens) {
    Double v =
        switch (tokens) {
          case OUTPUT -> perMillionOutputTokens;
          case INPUT -> perMillionInputTokens;
          case TOTAL -> perMillionTotalTokens;
        };
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The catalog row, when the cost was derived from one. */
  public Optional<PriceRow> catalogRow() {
    return Optional.ofNullable(row);
  }

  /** The spread across the matching catalog rows, when the cost was derived from the catalog. */
  public Optional<Range> priceRange() {
    return Optional.ofNullable(range);
  }

  /** As the model's {@link Cost} (output and input prices), when either is known. */
  public Optional<Cost> toCost() {
    if (perMillionOutputTokens == null && perMillionInputTokens == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Cost(pricingModel, perMillionOutputTokens, perMillionInputTokens, estimated, basis));
  }
}
