package ai.llmd.prism.spi;

import java.io.IOException;
import java.net.URI;

/**
 * A conditional write found the object not as required: it exists when it should not, or it changed
 * since it was read. Nothing was written; read again and retry.
 *
 * @since 0.2
 */
public class PreconditionFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The write to {@code object} under {@code precondition} did not happen. */
  public PreconditionFailedException(URI object, Precondition precondition) {
    super(
        object
            + ": "
            + (precondition.kind() == Precondition.Kind.ABSENT
                ? "already exists"
                : "changed since it was read")
            + "; not written");
  }
}
