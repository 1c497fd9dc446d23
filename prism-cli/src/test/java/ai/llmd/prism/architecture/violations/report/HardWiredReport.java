package ai.llmd.prism.architecture.violations.report;

/** Breaks the rule: the report must draw through Plugins, not a renderer class. */
public class HardWiredReport {
  public ai.llmd.prism.architecture.violations.charts.Chart chart;
}
