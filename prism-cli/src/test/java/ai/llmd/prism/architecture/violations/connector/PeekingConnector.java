package ai.llmd.prism.architecture.violations.connector;

/** Breaks the rule: only the core may use its internal package. */
public class PeekingConnector {
  public ai.llmd.prism.architecture.violations.core.internal.Secret secret;
}
