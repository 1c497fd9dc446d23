package ai.llmd.prism.charts.svg;

/**
 * Maps values of a domain onto a pixel range, linearly or through log10. StrictMath, because Math
 * may differ in the last bit between JVMs and platforms, and golden files compare bytes.
 */
final class Mapping {

  private final boolean log;
  private final double t0;
  private final double p0;
  private final double pxPerUnit;

  /**
   * @param log whether the scale is logarithmic
   * @param d0 the domain value drawn at {@code p0}
   * @param d1 the domain value drawn at {@code p1}
   * @param p0 pixel position of {@code d0}
   * @param p1 pixel position of {@code d1}
   */
  Mapping(boolean log, double d0, double d1, double p0, double p1) {
    this.log = log;
    this.t0 = log ? StrictMath.log10(d0) : d0;
    double t1 = log ? StrictMath.log10(d1) : d1;
    this.p0 = p0;
    this.pxPerUnit = (p1 - p0) / (t1 - t0);
  }

  double map(double v) {
    return p0 + ((log ? StrictMath.log10(v) : v) - t0) * pxPerUnit;
  }
}
