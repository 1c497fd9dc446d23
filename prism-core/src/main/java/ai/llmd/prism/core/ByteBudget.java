package ai.llmd.prism.core;

import java.util.HashSet;
import java.util.Set;

/**
 * The bytes that the files of one load may hold at once. A read reserves its file's size before it
 * starts and returns it when its outcome is made; a read that does not fit waits, in arrival order,
 * so a large file is never starved by a stream of small ones. A reservation is never larger than
 * the budget (the caller refuses such a file), so every wait ends.
 */
final class ByteBudget {

  private final long capacity;
  private final Set<Long> abandoned = new HashSet<>();
  private long free;
  private long nextTicket;
  private long serving;

  ByteBudget(long capacity) {
    this.capacity = capacity;
    this.free = capacity;
  }

  /** Waits until {@code bytes} (at most the capacity) are free and this caller is first in line. */
  synchronized void acquire(long bytes) throws InterruptedException {
    if (bytes > capacity) {
      throw new IllegalArgumentException(bytes + " bytes is more than the budget of " + capacity);
    }
    long ticket = nextTicket++;
    try {
      while (ticket != serving || free < bytes) {
        wait();
      }
    } catch (InterruptedException e) {
      // give up the place in line without blocking those behind it
      abandoned.add(ticket);
      advance();
      throw e;
    }
    free -= bytes;
    serving++;
    advance();
  }

  /** Returns what {@link #acquire} reserved. */
  synchronized void release(long bytes) {
    free += bytes;
    notifyAll();
  }

  private void advance() {
    while (abandoned.remove(serving)) {
      serving++;
    }
    notifyAll();
  }
}
