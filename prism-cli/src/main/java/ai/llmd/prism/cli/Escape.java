package ai.llmd.prism.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Makes control and bidirectional-formatting characters visible as {@code \}{@code uXXXX} (or
 * {@code \n}, {@code \r}, {@code \t}), so that a name or file name read from an input can neither
 * drive the terminal (ESC and C1 sequences), reorder what is shown (bidi overrides), nor start a
 * line of its own that looks like Prism's output. The escapes are JSON's, so a JSON document passed
 * through {@link #writer} keeps its meaning.
 */
final class Escape {

  private Escape() {}

  /** Every unsafe character of {@code s} escaped, line breaks and tabs included: one line. */
  static String text(CharSequence s) {
    if (s == null) {
      return "null";
    }
    int n = s.length();
    int i = 0;
    while (i < n && !unsafe(s, i, false)) {
      i++;
    }
    if (i == n) {
      return s.toString();
    }
    StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (unsafe(s, i, false)) {
        escapeTo(sb, c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Prints {@code line} {@linkplain #text escaped} and a line break: a one-line message that quotes
   * a name stays one line.
   */
  static void line(java.io.PrintWriter out, String line) {
    out.println(text(line));
  }

  /**
   * A writer that escapes what {@link #text} escapes except line feeds (and a carriage return
   * directly before one) and tabs, so documents such as help, JSON, CSV and HTML keep their layout.
   */
  static Writer writer(Writer target) {
    return new EscapingWriter(target);
  }

  /**
   * C0 and C1 controls, DEL, the bidi controls, the line and paragraph separators and unpaired
   * surrogates; with {@code keepLayout}, line feeds and tabs are allowed.
   */
  private static boolean unsafe(CharSequence s, int i, boolean keepLayout) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return !(keepLayout && (c == '\n' || c == '\t'));
    }
    if (c >= 0x7f && c <= 0x9f) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return bidiOrSeparator(c);
  }

  private static boolean bidiOrSeparator(char c) {
    return c == 0x061c // arabic letter mark
        || c == 0x200e // left-to-right mark
        || c == 0x200f // right-to-left mark
        || (c >= 0x202a && c <= 0x202e) // embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069) // isolates
        || c == 0x2028 // line separator
        || c == 0x2029; // paragraph separator
  }

  private static void escapeTo(StringBuilder sb, char c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
    }
  }

  /** Escapes as text arrives; a surrogate pair split across two writes is held back one char. */
  private static final class EscapingWriter extends Writer {

    private final Writer target;
    private final boolean crlf = "\r\n".equals(System.lineSeparator());
    private final StringBuilder pending = new StringBuilder(2);
    private final StringBuilder sb = new StringBuilder();

    EscapingWriter(Writer target) {
      super(target);
      this.target = target;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      synchronized (lock) {
        sb.setLength(0);
        for (int i = off; i < off + len; i++) {
          pending.append(buf[i]);
          drain(false);
        }
        target.write(sb.toString());
      }
    }

    /**
     * Decides what can be decided: a high surrogate waits for its partner, and (where lines end in
     * CR LF) a carriage return waits for the line feed.
     */
    private void drain(boolean end) {
      while (pending.length() > 0) {
        char c = pending.charAt(0);
        boolean waits =
            (Character.isHighSurrogate(c) || (crlf && c == '\r')) && pending.length() == 1;
        if (waits && !end) {
          return;
        }
        if (crlf && c == '\r' && pending.length() > 1 && pending.charAt(1) == '\n') {
          sb.append("\r\n");
          pending.delete(0, 2);
          continue;
        }
        int take = Character.isHighSurrogate(c) && !unsafe(pending, 0, true) ? 2 : 1;
        if (unsafe(pending, 0, true)) {
          escapeTo(sb, c);
        } else {
          sb.append(pending, 0, take);
        }
        pending.delete(0, take);
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (lock) {
        target.flush();
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (lock) {
        sb.setLength(0);
        drain(true);
        target.write(sb.toString());
        target.close();
      }
    }
  }
}
