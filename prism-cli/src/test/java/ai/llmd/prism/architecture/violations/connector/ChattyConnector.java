package ai.llmd.prism.architecture.violations.connector;

/** Breaks the rule: nothing may depend on the command line. */
public class ChattyConnector {
  public ai.llmd.prism.architecture.violations.cli.Command command;
}
