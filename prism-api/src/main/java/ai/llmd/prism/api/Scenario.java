package ai.llmd.prism.api;

import java.util.Objects;

/** Everything that was held fixed while a point was measured: model, deployment and load. */
public record Scenario(ModelRef model, Deployment deployment, Workload workload) {

  public Scenario {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(workload, "workload");
  }
}
