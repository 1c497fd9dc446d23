package ai.llmd.prism.cli;

import ai.llmd.prism.core.LoadProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on standard error, redrawn in place while sources load and erased when
 * done. Only used when a person is watching: a console and a terminal on standard error.
 */
final class ProgressBar implements LoadProgress {

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final AtomicInteger listed = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private long lastDraw;
  private int drawnLength;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** Whether standard error is a terminal someone watches (never when piped or redirected). */
  static boolean wanted() {
    if (System.console() == null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false; // no way to tell: stay quiet
    }
  }

  @Override
  public void listed(String source, int inputs) {
    listed.addAndGet(inputs);
    draw(false);
  }

  @Override
  public void read(String name, long n, boolean ok) {
    done.incrementAndGet();
    if (!ok) {
      failed.incrementAndGet();
    }
    bytes.addAndGet(n);
    draw(false);
  }

  /** Erases the bar, leaving standard error as it was. */
  synchronized void finish() {
    if (drawnLength > 0) {
      out.print("\r" + " ".repeat(drawnLength) + "\r");
      out.flush();
      drawnLength = 0;
    }
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && drawnLength > 0 && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = render(listed.get(), done.get(), failed.get(), bytes.get(), WIDTH);
    out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    out.flush();
    drawnLength = line.length();
  }

  /** The bar for {@code done} of {@code listed} inputs read, {@code failed} of them not. */
  static String render(int listed, int done, int failed, long bytes, int width) {
    int filled = listed <= 0 ? 0 : (int) ((long) Math.min(done, listed) * width / listed);
    StringBuilder b = new StringBuilder("[");
    b.append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
    b.append(done).append('/').append(listed).append(" read, ").append(size(bytes));
    if (failed > 0) {
      b.append(", ").append(failed).append(" failed");
    }
    return b.toString();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
