package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.core.Views;
import java.util.OptionalInt;

/** Short, human descriptions of a point's configuration and load level for tables. */
final class Describe {

  private Describe() {}

  static String configuration(BenchmarkPoint p) {
    Deployment d = p.deployment();
    OptionalInt n = Views.accelerators(d);
    String accel =
        (d.accelerator() == null ? "?" : d.accelerator().name())
            + (n.isPresent() ? " x" + n.getAsInt() : "");
    String topology =
        d.pdRatio() != null
            ? "P/D " + d.pdRatio()
            : d.roles().isEmpty()
                ? ""
                : d.replicas(ai.llmd.prism.api.Role.Kind.AGGREGATED) + " replicas";
    return p.model().id() + " | " + accel + (topology.isEmpty() ? "" : " | " + topology);
  }

  static String load(BenchmarkPoint p) {
    if (p.workload().concurrency() != null) {
      return "c=" + Format.number(p.workload().concurrency());
    }
    if (p.workload().targetRequestRate() != null) {
      return Format.number(p.workload().targetRequestRate()) + " req/s";
    }
    return p.workload().stage() == null ? "-" : "stage " + p.workload().stage();
  }

  static String source(BenchmarkPoint p) {
    String path = p.provenance().source().getPath();
    String name =
        path == null
            ? p.provenance().source().toString()
            : path.substring(path.lastIndexOf('/') + 1);
    return p.provenance().location().isEmpty() ? name : name + " " + p.provenance().location();
  }
}
