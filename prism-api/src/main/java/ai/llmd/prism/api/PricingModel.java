package ai.llmd.prism.api;

import java.util.Locale;
import java.util.Optional;

/** How accelerator time is paid for. */
public enum PricingModel {
  ON_DEMAND("on-demand"),
  SPOT("spot"),
  CUD_1Y("cud-1y"),
  CUD_3Y("cud-3y");

  private final String key;

  PricingModel(String key) {
    this.key = key;
  }

  /** The stable name used in data files and on the command line. */
  public String key() {
    return key;
  }

  /** Looks a pricing model up by its {@link #key()} (case-insensitive). */
  public static Optional<PricingModel> byKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (PricingModel p : values()) {
      if (p.key.equals(k)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
