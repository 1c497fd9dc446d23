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

  /** Indices (ascending) of the non-dominated rows of {@code cols[k][row]}. */
  static int[] compute(double[][] cols) {
    int n = cols[0].length;
    if (n == 0) {
      return new int[0];
    }
    int[] order = lexDescending(cols, n);
    boolean[] keep = cols.length == 2 ? sweep2d(cols[0], cols[1], order) : sfs(cols, order);
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
   * 2-D sweep in x-descending, y-descending order: a point survives when it has its x-group's best
   * y and that y beats every y seen at a strictly greater x.
   */
  private static boolean[] sweep2d(double[] x, double[] y, int[] order) {
    boolean[] keep = new boolean[x.length];
    double bestBefore = Double.NEGATIVE_INFINITY;
    double groupX = Double.NaN;
    double groupMax = Double.NEGATIVE_INFINITY;
    boolean first = true;
    for (int i : order) {
      double xi = x[i];
      double yi = y[i];
      if (first || xi != groupX) {
        if (!first) {
          bestBefore = Math.max(bestBefore, groupMax);
        }
        first = false;
        groupX = xi;
        groupMax = yi; // lexicographic order: the group's first point has its best y
      }
      keep[i] = yi == groupMax && (yi > bestBefore);
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
    long[] keysTmp = new long[n];
    int[] idxTmp = new int[n];
    int[] counts = new int[256];
    for (int k = cols.length - 1; k >= 0; k--) {
      double[] c = cols[k];
      for (int i = 0; i < n; i++) {
        keys[i] = descendingKey(c[idx[i]]);
      }
      for (int shift = 0; shift < 64; shift += 8) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
          counts[(int) (keys[i] >>> shift) & 0xFF]++;
        }
        if (counts[(int) (keys[0] >>> shift) & 0xFF] == n) {
          continue; // every key has the same digit here
        }
        int sum = 0;
        for (int b = 0; b < 256; b++) {
          int c0 = counts[b];
          counts[b] = sum;
          sum += c0;
        }
        for (int i = 0; i < n; i++) {
          int pos = counts[(int) (keys[i] >>> shift) & 0xFF]++;
          keysTmp[pos] = keys[i];
          idxTmp[pos] = idx[i];
        }
        long[] tk = keys;
        keys = keysTmp;
        keysTmp = tk;
        int[] ti = idx;
        idx = idxTmp;
        idxTmp = ti;
      }
    }
    return idx;
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
