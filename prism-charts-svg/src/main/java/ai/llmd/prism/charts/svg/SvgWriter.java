package ai.llmd.prism.charts.svg;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer for SVG. Attributes come out in the order they are written, text
 * and attribute values are escaped, and characters XML 1.0 forbids become U+FFFD, so any label is
 * safe to pass. Elements are separated by newlines, except inside {@code <text>}, where whitespace
 * would show, and around {@code <title>}, which stays on its parent's line.
 */
final class SvgWriter {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  private final StringBuilder out;
  private final Deque<String> open = new ArrayDeque<>();
  private boolean startTagOpen;
  private int inText;

  SvgWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** Opens an element; attributes may follow until its first child or text. */
  SvgWriter start(String name) {
    // a title (tooltip) stays on its parent's line
    closeStartTag(!name.equals("title"));
    out.append('<').append(name);
    open.push(name);
    startTagOpen = true;
    if (name.equals("text")) {
      inText++;
    }
    return this;
  }

  SvgWriter attr(String name, String value) {
    checkStartTag(name);
    out.append(' ').append(name).append("=\"");
    escape(value, true);
    out.append('"');
    return this;
  }

  /** A numeric attribute, as a coordinate (at most two decimals). */
  SvgWriter attr(String name, double value) {
    checkStartTag(name);
    out.append(' ').append(name).append("=\"");
    Num.appendCoord(out, value);
    out.append('"');
    return this;
  }

  /** The builder to append a path's {@code d} or a polyline's points to, then {@link #endAttr}. */
  StringBuilder beginAttr(String name) {
    checkStartTag(name);
    out.append(' ').append(name).append("=\"");
    return out;
  }

  SvgWriter endAttr() {
    out.append('"');
    return this;
  }

  SvgWriter text(String s) {
    closeStartTag(false);
    escape(s, false);
    return this;
  }

  /** Raw markup the caller guarantees to be well-formed and free of user data (CSS rules). */
  SvgWriter raw(String s) {
    closeStartTag(false);
    out.append(s);
    return this;
  }

  /** Closes the innermost open element. */
  SvgWriter end() {
    String name = open.pop();
    if (startTagOpen) {
      out.append("/>");
      startTagOpen = false;
    } else {
      out.append("</").append(name).append('>');
    }
    if (name.equals("text")) {
      inText--;
    }
    if (inText == 0 && !name.equals("title")) {
      out.append('\n');
    }
    return this;
  }

  /** A {@code <title>} child: the tooltip of the element being written. */
  SvgWriter title(String tooltip) {
    return start("title").text(tooltip).end();
  }

  String finish() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void checkStartTag(String name) {
    if (!startTagOpen) {
      throw new IllegalStateException("attribute " + name + " after content");
    }
  }

  private void closeStartTag(boolean childElement) {
    if (startTagOpen) {
      out.append('>');
      startTagOpen = false;
      if (childElement && inText == 0) {
        out.append('\n');
      }
    }
  }

  private void escape(String s, boolean attribute) {
    if (plain(s)) {
      out.append(s); // the common case, in bulk
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        // in attributes, keep whitespace from being normalised away
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** Whether {@code s} needs no escaping anywhere: printable ASCII other than {@code &<>"}. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"') {
        return false;
      }
    }
    return true;
  }
}
