package ai.llmd.prism.architecture.violations.cli;

/** Breaks the rule: an output renders findings and computes nothing itself. */
public class ComputingCommand {
  public int run() {
    return ai.llmd.prism.architecture.violations.core.analysis.Pareto.frontier();
  }
}
