package ai.llmd.prism.architecture.violations.core.analysis;

/** A stand-in for an analysis entry point. */
public final class Pareto {
  private Pareto() {}

  /** Stands for computing a frontier. */
  public static int frontier() {
    return 0;
  }
}
