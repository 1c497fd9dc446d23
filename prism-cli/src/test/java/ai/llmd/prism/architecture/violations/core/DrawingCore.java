package ai.llmd.prism.architecture.violations.core;

/** Breaks the rule: the core must not depend on a renderer. */
public class DrawingCore {
  public ai.llmd.prism.architecture.violations.charts.Chart chart;
}
