package ai.llmd.prism.architecture.violations.charts;

/** A stand-in for a renderer class. */
public class Chart {}
