package ai.llmd.prism.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes strings safe for every output: a lone UTF-16 surrogate (which a JSON reader accepts from
 * {@code "\ud800"} but no UTF-8 encoder can write) becomes U+FFFD. Applied once, in the model's
 * constructors, so that no writer meets one.
 */
final class Text {

  private Text() {}

  /** {@code s} itself when it is well-formed UTF-16 (the usual case, no copy), else a repair. */
  static @Nullable String clean(@Nullable String s) {
    if (s == null) {
      return null;
    }
    int bad = firstLoneSurrogate(s);
    return bad < 0 ? s : repair(s, bad);
  }

  /** Every element cleaned; the same list when none needed it. */
  static List<String> clean(List<String> list) {
    List<String> out = null;
    for (int i = 0; i < list.size(); i++) {
      String s = list.get(i);
      String c = clean(s);
      if (c != s && out == null) {
        out = new ArrayList<>(list);
      }
      if (out != null) {
        out.set(i, c);
      }
    }
    return out == null ? list : out;
  }

  private static int firstLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static String repair(String s, int from) {
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, from);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else {
        b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
