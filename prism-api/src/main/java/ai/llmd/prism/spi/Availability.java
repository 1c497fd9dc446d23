package ai.llmd.prism.spi;

import java.util.Objects;

/**
 * Whether a plugin can work in this JVM, and if not, why.
 *
 * @param available whether it can be used
 * @param reason what is missing, for a person; empty when available
 */
public record Availability(boolean available, String reason) {

  /** Available, nothing to say. */
  public static final Availability AVAILABLE = new Availability(true, "");

  public Availability {
    Objects.requireNonNull(reason, "reason");
  }

  /** Unavailable because of {@code reason}. */
  public static Availability unavailable(String reason) {
    return new Availability(false, reason);
  }
}
