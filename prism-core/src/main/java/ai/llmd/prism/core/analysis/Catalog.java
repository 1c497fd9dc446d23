package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory, indexed set of points with faceted filtering and grouping into {@link Series}.
 *
 * <p>Ordering, stable and documented: points by configuration key, then load (concurrency, target
 * rate, stage), then source and location; series by configuration key; facet values in natural
 * order (numbers by value, {@code ~1k} = 1000), {@value Facet#UNKNOWN} last.
 *
 * <p>Facet counts are faceted-search counts: for a facet, the number of distinct configurations
 * (not points) having that value among the points that match every <em>other</em> active filter.
 */
public final class Catalog {

  private final List<BenchmarkPoint> points;
  private final List<Facet> facets;
  private final Map<Facet, Integer> facetIndex = new HashMap<>();
  // values[f][i]: id of facet f's value at point i; dictionaries[f][id]: the value itself.
  private final int[][] values;
  private final String[][] dictionaries;
  private final List<Map<String, Integer>> ids = new ArrayList<>();
  // config[i]: configuration id of point i; points are sorted so that configurations are runs.
  private final int[] config;
  private final Configuration[] configKeys;

  private Catalog(Collection<? extends BenchmarkPoint> in, List<Facet> facets) {
    this.facets = List.copyOf(facets);
    for (int f = 0; f < this.facets.size(); f++) {
      if (facetIndex.put(this.facets.get(f), f) != null) {
        throw new IllegalArgumentException("facet " + this.facets.get(f) + " given twice");
      }
    }
    int n = in.size();
    List<BenchmarkPoint> list = new ArrayList<>(in);
    Configuration[] keys = new Configuration[n];
    Map<BenchmarkPoint, Configuration> keyOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      keyOf.put(list.get(i), Configuration.of(list.get(i)));
    }
    list.sort(
        Comparator.comparing((BenchmarkPoint p) -> keyOf.get(p))
            .thenComparing(Configuration.BY_LOAD)
            .thenComparing(p -> p.provenance().source().toString())
            .thenComparing(p -> p.provenance().location()));
    this.points = Collections.unmodifiableList(list);
    this.config = new int[n];
    List<Configuration> cks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys[i] = keyOf.get(list.get(i));
      if (i == 0 || !keys[i].equals(keys[i - 1])) {
        cks.add(keys[i]);
      }
      config[i] = cks.size() - 1;
    }
    this.configKeys = cks.toArray(new Configuration[0]);
    int fs = this.facets.size();
    this.values = new int[fs][n];
    this.dictionaries = new String[fs][];
    for (int f = 0; f < fs; f++) {
      Facet facet = this.facets.get(f);
      String[] raw = new String[n];
      TreeSet<String> distinct = new TreeSet<>(NATURAL);
      for (int i = 0; i < n; i++) {
        raw[i] = facet.valueOf(list.get(i));
        distinct.add(raw[i]);
      }
      dictionaries[f] = distinct.toArray(new String[0]);
      Map<String, Integer> id = new HashMap<>();
      for (int k = 0; k < dictionaries[f].length; k++) {
        id.put(dictionaries[f][k], k);
      }
      ids.add(id);
      for (int i = 0; i < n; i++) {
        values[f][i] = id.get(raw[i]);
      }
    }
  }

  /** A catalog over {@code points} with the {@linkplain Facet#BUILT_IN built-in facets}. */
  public static Catalog of(Collection<? extends BenchmarkPoint> points) {
    return new Catalog(points, Facet.BUILT_IN);
  }

  /** A catalog over {@code points} with these facets. */
  public static Catalog of(Collection<? extends BenchmarkPoint> points, List<Facet> facets) {
    return new Catalog(points, facets);
  }

  /** Every point, in catalog order. */
  public List<BenchmarkPoint> points() {
    return points;
  }

  /** The facets, in the order given. */
  public List<Facet> facets() {
    return facets;
  }

  /** The unfiltered selection. */
  public Selection all() {
    return new Selection(this, new boolean[facets.size()][]);
  }

  /** Shorthand for {@code all().where(facet, values)}. */
  public Selection where(Facet facet, String... accepted) {
    return all().where(facet, accepted);
  }

  /**
   * The points matching a set of filters: within a facet any accepted value matches, across facets
   * all must. Immutable; each {@code where} returns a new selection.
   */
  public static final class Selection {
    private final Catalog c;
    // allowed[f] == null: facet f is not filtered
    private final boolean[][] allowed;

    private Selection(Catalog c, boolean[][] allowed) {
      this.c = c;
      this.allowed = allowed;
    }

    /** This selection with facet {@code facet} restricted to {@code accepted} (replacing it). */
    public Selection where(Facet facet, String... accepted) {
      return where(facet, Arrays.asList(accepted));
    }

    /** This selection with facet {@code facet} restricted to {@code accepted} (replacing it). */
    public Selection where(Facet facet, Collection<String> accepted) {
      int f = c.index(facet);
      boolean[] a = new boolean[c.dictionaries[f].length];
      for (String v : accepted) {
        Integer id = c.ids.get(f).get(Objects.requireNonNull(v, "value"));
        if (id != null) {
          a[id] = true;
        }
      }
      boolean[][] next = allowed.clone();
      next[f] = a;
      return new Selection(c, next);
    }

    /** This selection without a filter on {@code facet}. */
    public Selection clear(Facet facet) {
      boolean[][] next = allowed.clone();
      next[c.index(facet)] = null;
      return new Selection(c, next);
    }

    private boolean matches(int i) {
      for (int f = 0; f < allowed.length; f++) {
        boolean[] a = allowed[f];
        if (a != null && !a[c.values[f][i]]) {
          return false;
        }
      }
      return true;
    }

    /** The matching points, in catalog order. */
    public List<BenchmarkPoint> points() {
      List<BenchmarkPoint> out = new ArrayList<>();
      for (int i = 0; i < c.points.size(); i++) {
        if (matches(i)) {
          out.add(c.points.get(i));
        }
      }
      return out;
    }

    /** The matching points grouped into series, by configuration key. */
    public List<Series> series() {
      List<Series> out = new ArrayList<>();
      List<BenchmarkPoint> run = new ArrayList<>();
      int current = -1;
      for (int i = 0; i < c.points.size(); i++) {
        if (!matches(i)) {
          continue;
        }
        if (c.config[i] != current && !run.isEmpty()) {
          out.add(new Series(c.configKeys[current], run));
          run = new ArrayList<>();
        }
        current = c.config[i];
        run.add(c.points.get(i));
      }
      if (!run.isEmpty()) {
        out.add(new Series(c.configKeys[current], run));
      }
      return out;
    }

    /** Facet counts for every facet, in facet order (see {@link Catalog}). */
    public Map<Facet, Map<String, Integer>> counts() {
      int fs = allowed.length;
      int[][] counts = new int[fs][];
      int[][] lastConfig = new int[fs][];
      for (int f = 0; f < fs; f++) {
        counts[f] = new int[c.dictionaries[f].length];
        lastConfig[f] = new int[c.dictionaries[f].length];
        Arrays.fill(lastConfig[f], -1);
      }
      int[] active = new int[fs];
      int na = 0;
      for (int f = 0; f < fs; f++) {
        if (allowed[f] != null) {
          active[na++] = f;
        }
      }
      int n = c.config.length;
      int[][] vals = c.values;
      for (int i = 0; i < n; i++) {
        int failed = -1;
        int fails = 0;
        for (int a = 0; a < na && fails < 2; a++) {
          int f = active[a];
          if (!allowed[f][vals[f][i]]) {
            fails++;
            failed = f;
          }
        }
        int cfg = c.config[i];
        if (fails == 0) {
          for (int f = 0; f < fs; f++) {
            int v = vals[f][i];
            if (lastConfig[f][v] != cfg) {
              lastConfig[f][v] = cfg;
              counts[f][v]++;
            }
          }
        } else if (fails == 1) {
          int v = vals[failed][i];
          if (lastConfig[failed][v] != cfg) {
            lastConfig[failed][v] = cfg;
            counts[failed][v]++;
          }
        }
      }
      Map<Facet, Map<String, Integer>> out = new LinkedHashMap<>();
      for (int f = 0; f < fs; f++) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int k = 0; k < counts[f].length; k++) {
          m.put(c.dictionaries[f][k], counts[f][k]);
        }
        out.put(c.facets.get(f), Collections.unmodifiableMap(m));
      }
      return Collections.unmodifiableMap(out);
    }

    /** Facet counts for one facet: every value of it, in natural order, zero counts included. */
    public Map<String, Integer> counts(Facet facet) {
      return counts().get(c.facets.get(c.index(facet)));
    }

    /** The active filters: facet to accepted values. */
    public Map<Facet, Set<String>> filters() {
      Map<Facet, Set<String>> out = new LinkedHashMap<>();
      for (int f = 0; f < allowed.length; f++) {
        if (allowed[f] != null) {
          Set<String> s = new TreeSet<>(NATURAL);
          for (int k = 0; k < allowed[f].length; k++) {
            if (allowed[f][k]) {
              s.add(c.dictionaries[f][k]);
            }
          }
          out.put(c.facets.get(f), Collections.unmodifiableSet(s));
        }
      }
      return out;
    }
  }

  private int index(Facet facet) {
    Integer f = facetIndex.get(facet);
    if (f == null) {
      throw new IllegalArgumentException("this catalog has no facet " + facet);
    }
    return f;
  }

  /**
   * Natural order: runs of digits compare by value ({@code k} after digits multiplies by 1000; so
   * versions order as 3.4 < 3.10), other characters case-insensitively, {@value Facet#UNKNOWN}
   * last.
   */
  static final Comparator<String> NATURAL =
      (a, b) -> {
        boolean ua = a.equals(Facet.UNKNOWN);
        boolean ub = b.equals(Facet.UNKNOWN);
        if (ua || ub) {
          return Boolean.compare(ua, ub);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          char ca = a.charAt(i);
          char cb = b.charAt(j);
          if (Character.isDigit(ca) && Character.isDigit(cb)) {
            int ei = i;
            while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
              ei++;
            }
            int ej = j;
            while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
              ej++;
            }
            double va = number(a, i, ei);
            double vb = number(b, j, ej);
            int r = Double.compare(va, vb);
            if (r != 0) {
              return r;
            }
            i = ei;
            j = ej;
          } else {
            int r = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (r != 0) {
              return r;
            }
            i++;
            j++;
          }
        }
        int r = Integer.compare(a.length() - i, b.length() - j);
        return r != 0 ? r : a.compareTo(b);
      };

  private static double number(String s, int from, int to) {
    double v;
    try {
      v = Double.parseDouble(s.substring(from, to));
    } catch (NumberFormatException e) {
      v = 0;
    }
    if (to < s.length() && (s.charAt(to) == 'k' || s.charAt(to) == 'K')) {
      v *= 1000;
    }
    return v;
  }
}
