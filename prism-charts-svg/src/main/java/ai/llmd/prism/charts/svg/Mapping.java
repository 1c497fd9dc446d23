package ai.llmd.prism.charts.svg;

/**
 * Maps values of a domain onto a pixel range, linearly or through log10. StrictMath, because Math
 * may differ in the last bit between JVMs and platforms, and golden files compare bytes.
 */
final class Mapping {

  private final boolean log;
  private final int scale;
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
    double a = log ? StrictMath.log10(d0) : d0;
    double b = log ? StrictMath.log10(d1) : d1;
    // Work in units of the domain's own power of two, so that the span of -1e308..1e308 does not
    // overflow and that of 0..5e-324 does not vanish; scaling by a power of two is exact, so
    // ordinary domains map to the same bits as without it.
    this.scale = -Math.getExponent(Math.max(Math.abs(a), Math.abs(b)));
    this.t0 = Math.scalb(a, scale);
    double t1 = Math.scalb(b, scale);
    this.p0 = p0;
    this.pxPerUnit = (p1 - p0) / (t1 - t0);
  }

  /** The pixel position of {@code v}; not finite only if {@code v} is not in the scale's reach. */
  double map(double v) {
    return p0 + (Math.scalb(log ? StrictMath.log10(v) : v, scale) - t0) * pxPerUnit;
  }
}
