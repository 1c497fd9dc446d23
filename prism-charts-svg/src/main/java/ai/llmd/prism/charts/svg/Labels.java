package ai.llmd.prism.charts.svg;

/** Vertical de-overlap of labels that each want to sit at some y. */
final class Labels {

  private Labels() {}

  /**
   * Positions as close as possible to {@code wanted} (ascending), at least {@code gap} apart and
   * within [{@code lo}, {@code hi}]; null when they cannot all fit.
   */
  static double[] spread(double[] wanted, double gap, double lo, double hi) {
    int n = wanted.length;
    if (n == 0) {
      return new double[0];
    }
    if ((n - 1) * gap > hi - lo) {
      return null;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double min = i == 0 ? lo : y[i - 1] + gap;
      y[i] = Math.max(wanted[i], min);
    }
    // pushed past the bottom: pull back up, keeping the gaps
    for (int i = n - 1; i >= 0; i--) {
      double max = i == n - 1 ? hi : y[i + 1] - gap;
      y[i] = Math.min(y[i], max);
    }
    return y;
  }
}
