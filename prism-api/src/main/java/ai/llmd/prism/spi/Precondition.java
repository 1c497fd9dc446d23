package ai.llmd.prism.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a {@link WritableConnector#put} may write.
 *
 * @param kind which condition
 * @param changeToken for {@link Kind#MATCHES}, the change token the object must still have; else
 *     {@code null}
 * @since 0.2
 */
public record Precondition(Kind kind, @Nullable String changeToken) {

  /** The kinds of condition. */
  public enum Kind {
    /** Write whatever is there. */
    NONE,
    /** Write only if no object exists. */
    ABSENT,
    /** Write only if the object exists with the given change token. */
    MATCHES
  }

  public Precondition {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.MATCHES) != (changeToken != null)) {
      throw new IllegalArgumentException("a change token goes with MATCHES, and only with it");
    }
  }

  /** No condition: the write replaces any object. */
  public static Precondition none() {
    return new Precondition(Kind.NONE, null);
  }

  /** Create only: the write fails if the object exists. */
  public static Precondition absent() {
    return new Precondition(Kind.ABSENT, null);
  }

  /** Compare and swap: the write fails unless the object still has {@code changeToken}. */
  public static Precondition matching(String changeToken) {
    return new Precondition(Kind.MATCHES, Objects.requireNonNull(changeToken, "changeToken"));
  }
}
