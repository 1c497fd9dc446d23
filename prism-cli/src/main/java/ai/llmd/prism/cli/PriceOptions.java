package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.CostEstimator;
import picocli.CommandLine.Option;

/**
 * Which catalog rows price a point when several could: the catalog never picks one of several
 * differing prices by itself, so the user narrows them.
 */
final class PriceOptions {

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "Price rows of this provider (GCP, AWS, Azure).")
  String provider;

  @Option(names = "--region", paramLabel = "REGION", description = "Price rows of this region.")
  String region;

  @Option(
      names = "--machine-type",
      paramLabel = "TYPE",
      description = "Price rows of this machine type.")
  String machineType;

  CostEstimator apply(CostEstimator costs) {
    CostEstimator c = costs;
    if (provider != null) {
      c = c.withProvider(provider);
    }
    if (region != null) {
      c = c.withRegion(region);
    }
    if (machineType != null) {
      c = c.withMachineType(machineType);
    }
    return c;
  }
}
