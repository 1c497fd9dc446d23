package ai.llmd.prism.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of labels sorted by key, kept as two arrays: a point's labels cost a few
 * references instead of a tree of entries, which matters at a million points.
 */
final class Labels extends AbstractMap<String, String> {

  private static final Labels EMPTY = new Labels(new String[0], new String[0]);

  // The key set of the last labels made: points of one source share it, and so its array.
  private static volatile String[] lastKeys = new String[0];

  private final String[] keys;
  private final String[] values;

  private Labels(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The labels of {@code map}, sorted, strings cleaned; no null keys. */
  static Map<String, String> of(Map<String, String> map) {
    if (map instanceof Labels l) {
      return l;
    }
    if (map.isEmpty()) {
      return EMPTY;
    }
    String[] k = null;
    String[] v = null;
    if (map instanceof SortedMap<String, String> s && s.comparator() == null) {
      k = new String[map.size()];
      v = new String[k.length];
      int i = 0;
      // already sorted by key: no second tree, unless cleaning changes a key (and so the order)
      for (Entry<String, String> e : map.entrySet()) {
        String key = Objects.requireNonNull(e.getKey(), "a label key");
        if (Text.clean(key) != key) {
          k = null;
          break;
        }
        k[i] = key;
        v[i++] = Text.clean(e.getValue());
      }
    }
    if (k == null) {
      TreeMap<String, String> sorted = new TreeMap<>();
      map.forEach(
          (key, value) ->
              sorted.put(
                  Text.clean(Objects.requireNonNull(key, "a label key")), Text.clean(value)));
      k = sorted.keySet().toArray(new String[0]);
      v = sorted.values().toArray(new String[0]);
    }
    return shared(k, v);
  }

  private static Labels shared(String[] k, String[] v) {
    String[] last = lastKeys;
    if (Arrays.equals(last, k)) {
      k = last;
    } else {
      lastKeys = k;
    }
    return new Labels(k, v);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && Arrays.binarySearch(keys, s) >= 0;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    if (!(key instanceof String s)) {
      return null;
    }
    int i = Arrays.binarySearch(keys, s);
    return i < 0 ? null : values[i];
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
