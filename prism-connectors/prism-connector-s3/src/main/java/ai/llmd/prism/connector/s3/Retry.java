package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.RemoteConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries what the SDK cannot (a body cut off after the headers arrived): exponential backoff with
 * full jitter, at most {@code maxAttempts} tries, and never past {@code deadline} from the first.
 */
record Retry(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

  /** Reads the store's {@code maxAttempts}, {@code retryDelay} and {@code deadline}. */
  static Retry of(RemoteConfig remote) {
    return new Retry(
        remote.maxAttempts(5),
        remote.retryDelay(Duration.ofMillis(200)),
        Duration.ofSeconds(20),
        remote.deadline(Duration.ofMinutes(2)));
  }

  /** A failure that retrying here cannot help: the SDK already did, or the answer is final. */
  static final class Permanent extends IOException {
    private static final long serialVersionUID = 1L;

    Permanent(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One try of something that reads. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws IOException;
  }

  <T> T call(String what, Attempt<T> attempt) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (FileNotFoundException | Permanent | InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        if (n >= maxAttempts) {
          throw e;
        }
        long cap = Math.min(maxDelay.toNanos(), baseDelay.toNanos() << Math.min(n - 1, 20));
        long pause = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (System.nanoTime() + pause > end) {
          throw new IOException(
              e.getMessage()
                  + " (gave up at the deadline of "
                  + deadline
                  + " after "
                  + n
                  + " tries)",
              e);
        }
        try {
          Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException(what + " was interrupted while waiting to retry");
        }
      }
    }
  }
}
