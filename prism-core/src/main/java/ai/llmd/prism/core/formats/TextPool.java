package ai.llmd.prism.core.formats;

/**
 * One {@code String} per distinct short text of one file, looked up from the parser's characters
 * before any {@code String} is made: model, accelerator, configuration and source names repeat from
 * entry to entry, and making each afresh, then hashing it to find its first copy, cost more than
 * parsing it. Not thread-safe; one per read.
 */
final class TextPool {

  /** Longer texts are made as they come: rarely repeated, and comparing them costs. */
  static final int MAX_LENGTH = 128;

  private final int maxEntries;
  private String[] table = new String[256];
  private int size;

  /** A pool that keeps at most {@code maxEntries} texts, then makes the rest afresh. */
  TextPool(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The text of {@code chars[offset, offset + length)}, the same instance for the same text. */
  String get(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + chars[offset + i]; // String.hashCode, which each pooled String caches
    }
    int mask = table.length - 1;
    int slot = spread(h) & mask;
    for (String s; (s = table[slot]) != null; slot = (slot + 1) & mask) {
      if (s.hashCode() == h && same(s, chars, offset, length)) {
        return s;
      }
    }
    String made = new String(chars, offset, length);
    if (size < maxEntries) {
      table[slot] = made;
      if (++size > table.length >> 1) {
        grow();
      }
    }
    return made;
  }

  private static boolean same(String s, char[] chars, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length << 1];
    int mask = table.length - 1;
    for (String s : old) {
      if (s != null) {
        int slot = spread(s.hashCode()) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = s;
      }
    }
  }
}
