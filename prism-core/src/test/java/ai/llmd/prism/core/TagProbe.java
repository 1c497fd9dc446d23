package ai.llmd.prism.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class a hostile YAML tag names ({@code !!ai.llmd.prism.core.TagProbe}): if any parser ever
 * constructed an object from a tag, this counter would show it.
 */
public final class TagProbe {

  static final AtomicInteger CONSTRUCTED = new AtomicInteger();

  private String message;

  public TagProbe() {
    CONSTRUCTED.incrementAndGet();
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    CONSTRUCTED.incrementAndGet();
    this.message = message;
  }
}
