package ai.llmd.prism.charts.svg;

/**
 * Maps values of a domain onto a pixel range, linearly or through log10.
 *
 * @param log whether the scale is logarithmic
 * @param d0 the domain value drawn at {@code p0}
 * @param d1 the domain value drawn at {@code p1}
 * @param p0 pixel position of {@code d0}
 * @param p1 pixel position of {@code d1}
 */
record Mapping(boolean log, double d0, double d1, double p0, double p1) {

  double map(double v) {
    double t0 = log ? Math.log10(d0) : d0;
    double t1 = log ? Math.log10(d1) : d1;
    double t = log ? Math.log10(v) : v;
    return p0 + (t - t0) / (t1 - t0) * (p1 - p0);
  }
}
