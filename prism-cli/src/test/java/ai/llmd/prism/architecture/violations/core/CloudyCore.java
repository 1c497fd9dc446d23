package ai.llmd.prism.architecture.violations.core;

/** Breaks the rule: the core must not see a cloud SDK type. */
public class CloudyCore {
  public com.google.cloud.prismtest.FakeStorage storage;
}
