package ai.llmd.prism.core.internal;

import java.io.IOException;

/**
 * A read stopped at one of the load's bounds (a file's size, the deadline per remote object), so
 * the problem it becomes has kind {@code LIMIT} without its message being matched.
 */
public final class OverLimitException extends IOException {

  private static final long serialVersionUID = 1;

  /**
   * @param message which bound was reached and how to raise it
   */
  public OverLimitException(String message) {
    super(message);
  }
}
