package ai.llmd.prism.architecture.violations.api;

/** Breaks the rule: the API must not expose Jackson. */
public class LeakyModel {
  public com.fasterxml.jackson.databind.JsonNode tree;
}
