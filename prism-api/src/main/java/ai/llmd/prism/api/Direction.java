package ai.llmd.prism.api;

/** Which way a metric improves; Pareto and regression analysis take each metric's own direction. */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  /** Neither direction is better (e.g. a request count); such a metric cannot be optimised. */
  NEUTRAL;

  /**
   * Returns a positive number when {@code a} is better than {@code b}, negative when worse, and 0
   * when they are equal or the direction is neutral.
   */
  public int compare(double a, double b) {
    return switch (this) {
      case HIGHER_IS_BETTER -> Double.compare(a, b);
      case LOWER_IS_BETTER -> Double.compare(b, a);
      case NEUTRAL -> 0;
    };
  }
}
