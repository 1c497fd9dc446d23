package ai.llmd.prism.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The accelerator a benchmark ran on: the spelling from the source and its canonical entry.
 *
 * @param raw the name as written in the source (a GKE label, a product string, a machine type)
 * @param name the canonical name (e.g. {@code H100}, {@code TPU v6e}); the raw name when unknown
 * @param vendor the vendor (e.g. {@code NVIDIA}), or {@code null} when unknown
 * @param memoryGiB memory per accelerator in GiB, or {@code null} when unknown
 * @param resolved whether the registry recognised the name
 */
public record AcceleratorRef(
    String raw,
    String name,
    @Nullable String vendor,
    @Nullable Double memoryGiB,
    boolean resolved) {

  public AcceleratorRef {
    raw = Text.clean(Objects.requireNonNull(raw, "raw"));
    name = Text.clean(Objects.requireNonNull(name, "name"));
    vendor = Text.clean(vendor);
    if (name.isBlank()) {
      throw new IllegalArgumentException("an accelerator name must not be blank");
    }
    if (memoryGiB != null && !(memoryGiB > 0 && Double.isFinite(memoryGiB))) {
      throw new IllegalArgumentException("memoryGiB must be positive, was " + memoryGiB);
    }
  }

  /** An accelerator the registry has not (yet) looked at. */
  public static AcceleratorRef unresolved(String raw) {
    String r = Objects.requireNonNull(raw, "raw").strip();
    return new AcceleratorRef(r, r.isEmpty() ? "unknown" : r, null, null, false);
  }
}
