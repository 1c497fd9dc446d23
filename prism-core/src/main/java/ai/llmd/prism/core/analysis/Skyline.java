package ai.llmd.prism.core.analysis;

import java.util.Arrays;

/**
 * Exact skylines over primitive columns where every column is "higher is better". A point is on the
 * skyline unless another point is at least as good in every column and strictly better in one;
 * exact duplicates therefore never dominate each other and are all kept.
 */
final class Skyline {

  private static final int SMALL = 64;

  private Skyline() {}

  /** Inputs larger than this are first thinned by a few pivots from a sample's frontier. */
  static final int PREFILTER_MIN = 4096;

  private static final int SAMPLE = 1024;
  private static final int PIVOTS = 16;

  /** Indices (ascending) of the non-dominated rows of {@code cols[k][row]}. */
  static int[] compute(double[][] cols) {
    return cols[0].length > PREFILTER_MIN ? prefiltered(cols) : exact(cols);
  }

  /**
   * Drops rows dominated by a few pivots (frontier points of an evenly spaced sample), then
   * computes the exact skyline of the rest. Exact: a dropped row is dominated, and every row's
   * dominators lead, by transitivity, to a frontier row, which is never dropped.
   */
  private static int[] prefiltered(double[][] cols) {
    int d = cols.length;
    int n = cols[0].length;
    double[][] sample = new double[d][SAMPLE];
    for (int j = 0; j < SAMPLE; j++) {
      int i = (int) ((long) j * n / SAMPLE);
      for (int k = 0; k < d; k++) {
        sample[k][j] = cols[k][i];
      }
    }
    int[] sf = exact(sample);
    if (sf.length > SAMPLE / 8) {
      return exact(cols); // a large sample frontier: few rows would be pruned
    }
    int pc = Math.min(PIVOTS, sf.length);
    double[] piv = new double[pc * d];
    for (int q = 0; q < pc; q++) {
      int row = sf[(int) ((long) q * sf.length / pc)];
      for (int k = 0; k < d; k++) {
        piv[q * d + k] = sample[k][row];
      }
    }
    int[] survivors = new int[n];
    int ns = 0;
    for (int i = 0; i < n; i++) {
      boolean dominated = false;
      for (int q = 0, off = 0; q < pc && !dominated; q++, off += d) {
        boolean geAll = true;
        boolean strict = false;
        for (int k = 0; k < d; k++) {
          double pk = piv[off + k];
          double v = cols[k][i];
          if (pk < v) {
            geAll = false;
            break;
          }
          if (pk > v) {
            strict = true;
          }
        }
        dominated = geAll && strict;
      }
      if (!dominated) {
        survivors[ns++] = i;
      }
    }
    double[][] sub = new double[d][ns];
    for (int k = 0; k < d; k++) {
      double[] c = cols[k];
      double[] t = sub[k];
      for (int j = 0; j < ns; j++) {
        t[j] = c[survivors[j]];
      }
    }
    int[] f = exact(sub);
    for (int j = 0; j < f.length; j++) {
      f[j] = survivors[f[j]]; // survivors ascend, so the result does too
    }
    return f;
  }

  /** The skyline without prefiltering. */
  static int[] exact(double[][] cols) {
    int n = cols[0].length;
    if (n == 0) {
      return new int[0];
    }
    boolean[] keep =
        cols.length == 2 ? sweep2d(cols[0], cols[1]) : sfs(cols, lexDescending(cols, n));
    int count = 0;
    for (boolean b : keep) {
      if (b) {
        count++;
      }
    }
    int[] out = new int[count];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        out[j++] = i;
      }
    }
    return out;
  }

  /**
   * 2-D sweep in x-descending order, one group of equal x at a time: a point survives when it has
   * its group's best y and that y beats every y seen at a strictly greater x.
   */
  private static boolean[] sweep2d(double[] x, double[] y) {
    int n = x.length;
    long[] keys = new long[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = descendingKey(x[i]);
      idx[i] = i;
    }
    sortByKey(keys, idx);
    boolean[] keep = new boolean[n];
    double bestBefore = Double.NEGATIVE_INFINITY;
    int s = 0;
    while (s < n) {
      long k = keys[s];
      int e = s + 1;
      double groupMax = y[idx[s]];
      while (e < n && keys[e] == k) {
        groupMax = Math.max(groupMax, y[idx[e]]);
        e++;
      }
      if (groupMax > bestBefore) {
        for (int i = s; i < e; i++) {
          int row = idx[i];
          keep[row] = y[row] == groupMax;
        }
        bestBefore = groupMax;
      }
      s = e;
    }
    return keep;
  }

  /**
   * Sort-filter-skyline: in lexicographically descending order every dominator of a point comes
   * before it, so comparing against the skyline found so far is enough.
   */
  private static boolean[] sfs(double[][] cols, int[] order) {
    int d = cols.length;
    int n = cols[0].length;
    boolean[] keep = new boolean[n];
    double[] window = new double[Math.max(16, d * 16)];
    int size = 0;
    double[] p = new double[d];
    for (int i : order) {
      for (int k = 0; k < d; k++) {
        p[k] = cols[k][i];
      }
      boolean dominated = false;
      for (int w = 0, off = 0; w < size && !dominated; w++, off += d) {
        boolean geAll = true;
        boolean strict = false;
        for (int k = 0; k < d; k++) {
          double wk = window[off + k];
          if (wk < p[k]) {
            geAll = false;
            break;
          }
          if (wk > p[k]) {
            strict = true;
          }
        }
        dominated = geAll && strict;
      }
      if (!dominated) {
        keep[i] = true;
        if ((size + 1) * d > window.length) {
          window = Arrays.copyOf(window, window.length * 2);
        }
        System.arraycopy(p, 0, window, size * d, d);
        size++;
      }
    }
    return keep;
  }

  /** Row indices sorted by column 0 descending, then column 1, ... (stable LSD radix sort). */
  static int[] lexDescending(double[][] cols, int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n <= SMALL) {
      insertionSort(idx, cols);
      return idx;
    }
    long[] keys = new long[n];
    for (int k = cols.length - 1; k >= 0; k--) {
      double[] c = cols[k];
      for (int i = 0; i < n; i++) {
        keys[i] = descendingKey(c[idx[i]]);
      }
      sortByKey(keys, idx);
    }
    return idx;
  }

  /**
   * Sorts {@code keys} ascending as unsigned numbers, moving {@code idx} along; stable (LSD radix,
   * 11-bit digits, passes where every key has the same digit skipped).
   */
  private static void sortByKey(long[] keys, int[] idx) {
    int n = keys.length;
    if (n <= 256) {
      for (int i = 1; i < n; i++) {
        long k = keys[i];
        int v = idx[i];
        int j = i - 1;
        while (j >= 0 && Long.compareUnsigned(keys[j], k) > 0) {
          keys[j + 1] = keys[j];
          idx[j + 1] = idx[j];
          j--;
        }
        keys[j + 1] = k;
        idx[j + 1] = v;
      }
      return;
    }
    long[] kt = new long[n];
    int[] it = new int[n];
    int[] counts = new int[1 << 11];
    long[] k0 = keys;
    int[] i0 = idx;
    for (int shift = 0; shift < 64; shift += 11) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[(int) (k0[i] >>> shift) & 0x7FF]++;
      }
      if (counts[(int) (k0[0] >>> shift) & 0x7FF] == n) {
        continue; // every key has the same digit here
      }
      int sum = 0;
      for (int b = 0; b < counts.length; b++) {
        int c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long key = k0[i];
        int pos = counts[(int) (key >>> shift) & 0x7FF]++;
        kt[pos] = key;
        it[pos] = i0[i];
      }
      long[] tk = k0;
      k0 = kt;
      kt = tk;
      int[] ti = i0;
      i0 = it;
      it = ti;
    }
    if (k0 != keys) {
      System.arraycopy(k0, 0, keys, 0, n);
      System.arraycopy(i0, 0, idx, 0, n);
    }
  }

  /** A key whose unsigned ascending order is the numeric descending order of {@code v}. */
  private static long descendingKey(double v) {
    long bits = Double.doubleToRawLongBits(v + 0.0); // -0.0 and 0.0 share a key
    long ascending = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    return ~ascending;
  }

  private static void insertionSort(int[] idx, double[][] cols) {
    for (int i = 1; i < idx.length; i++) {
      int v = idx[i];
      int j = i - 1;
      while (j >= 0 && lexCompareDesc(cols, idx[j], v) > 0) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = v;
    }
  }

  private static int lexCompareDesc(double[][] cols, int a, int b) {
    for (double[] c : cols) {
      int r = Double.compare(c[b] + 0.0, c[a] + 0.0);
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }
}
