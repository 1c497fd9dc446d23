package ai.llmd.prism.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything a piece of code logs or prints while it is open: every {@code
 * java.util.logging} record at every level (and so {@code System.Logger} and SLF4J when bound to
 * JUL), with parameters and stack traces, plus {@code System.out} and {@code System.err}. For tests
 * that assert a secret never leaks. Not for parallel tests: it swaps global state.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger root = Logger.getLogger("");
  private final Level rootLevel = root.getLevel();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  /** Everything captured, in order: {logger name or null, text}. */
  private final List<String[]> entries = new CopyOnWriteArrayList<>();

  private int records;
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          // built whole, then appended once: records from server and client threads never
          // interleave
          StringBuilder b = new StringBuilder();
          b.append(r.getLevel())
              .append(' ')
              .append(r.getLoggerName())
              .append(": ")
              .append(r.getMessage())
              .append('\n');
          if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
              b.append("  param: ").append(p).append('\n');
            }
          }
          if (r.getThrown() != null) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            b.append(w).append('\n');
          }
          synchronized (LogCapture.this) {
            records++;
          }
          add(String.valueOf(r.getLoggerName()), b.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture() {
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
  }

  /** Starts capturing; close to stop. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** Everything captured so far. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (String[] e : entries) {
      b.append(e[1]);
    }
    return b.toString();
  }

  /**
   * Everything captured except the records of loggers whose names start with one of {@code
   * loggerPrefixes} (the standard streams and notes are always included).
   */
  public String textExcept(String... loggerPrefixes) {
    StringBuilder b = new StringBuilder();
    for (String[] e : entries) {
      if (!matches(e[0], loggerPrefixes)) {
        b.append(e[1]);
      }
    }
    return b.toString();
  }

  private static boolean matches(String logger, String[] prefixes) {
    if (logger == null) {
      return false;
    }
    for (String prefix : prefixes) {
      if (logger.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private void add(String logger, String s) {
    entries.add(new String[] {logger, s});
  }

  /** How many log records were captured: a check that logging was on at all. */
  public synchronized int records() {
    return records;
  }

  /** Adds text that did not come through a log or a standard stream (problems, exceptions). */
  public void note(Object o) {
    add(null, o + "\n");
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(rootLevel);
    System.setOut(out);
    System.setErr(err);
  }

  /** Writes to the original stream and to the capture. */
  private final class Tee extends OutputStream {
    private final PrintStream original;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Tee(PrintStream original) {
      this.original = original;
    }

    @Override
    public synchronized void write(int b) {
      original.write(b);
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      if (line.size() > 0) {
        add(null, line.toString(StandardCharsets.UTF_8));
      }
      line.reset();
      original.flush();
    }
  }
}
