package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.PricingModel;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One sourced, dated price in a {@link PricingCatalog}: one machine type under one pricing model in
 * one region (or {@code list} where the source named none).
 *
 * @param provider the cloud (e.g. {@code GCP}, {@code AWS}, {@code Azure})
 * @param region the region, or {@code list} when the source gave none
 * @param machineType the machine type (e.g. {@code a3-highgpu-8g})
 * @param accelerator the canonical accelerator name points are matched on (e.g. {@code H100})
 * @param acceleratorMemoryGiB memory per accelerator, or {@code null} when the source did not say;
 *     when both this and a point's are known they must agree
 * @param acceleratorDescription the accelerator as the source described it
 * @param acceleratorsPerMachine accelerators in one machine
 * @param pricingModel how the time is paid for
 * @param usdPerMachineHour USD per machine-hour
 * @param asOf the date the source gives, or {@code null} when it gives none
 * @param asOfText the source's dating, verbatim (e.g. {@code not stated (commit 006059e0)})
 * @param source a short name of the source (e.g. {@code cyclenerd-gcp-pricing}, {@code perfdash})
 * @param sourceUrl where the price was read
 * @param lowConfidence whether the reference doubts the figure (see {@code note})
 * @param note caveats
 */
public record PriceRow(
    String provider,
    String region,
    String machineType,
    String accelerator,
    Double acceleratorMemoryGiB,
    String acceleratorDescription,
    int acceleratorsPerMachine,
    PricingModel pricingModel,
    double usdPerMachineHour,
    LocalDate asOf,
    String asOfText,
    String source,
    String sourceUrl,
    boolean lowConfidence,
    String note) {

  public PriceRow {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(machineType, "machineType");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(pricingModel, "pricingModel");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    acceleratorDescription = acceleratorDescription == null ? accelerator : acceleratorDescription;
    asOfText = asOfText == null ? (asOf == null ? "not stated" : asOf.toString()) : asOfText;
    note = note == null ? "" : note;
    if (acceleratorsPerMachine < 1) {
      throw new IllegalArgumentException("acceleratorsPerMachine must be at least 1");
    }
    if (!(usdPerMachineHour > 0 && Double.isFinite(usdPerMachineHour))) {
      throw new IllegalArgumentException(
          "usdPerMachineHour must be a positive number, was " + usdPerMachineHour);
    }
  }

  /** USD per accelerator-hour: the machine price shared evenly by its accelerators. */
  public double usdPerAcceleratorHour() {
    return usdPerMachineHour / acceleratorsPerMachine;
  }

  /** One line naming the row, its price, date and source, for cost bases and messages. */
  public String describe() {
    return source
        + " "
        + provider
        + " "
        + machineType
        + " ("
        + region
        + ") "
        + pricingModel.key()
        + " "
        + usdPerMachineHour
        + " USD/h for "
        + acceleratorsPerMachine
        + " × "
        + accelerator
        + ", as of "
        + asOfText
        + (lowConfidence ? ", low confidence" : "")
        + ", "
        + sourceUrl;
  }
}
