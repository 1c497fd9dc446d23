package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.findings.Findings;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where prices come from and which catalog rows price a point when several could: the catalog never
 * picks one of several differing prices by itself, so the user narrows them. The same mixin on
 * every command that shows a cost ({@code best}, {@code cost}, {@code report}), so {@code --prices}
 * is always a catalog file and {@code --pricing} always a pricing model.
 */
final class PriceOptions {

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A pricing catalog (JSON/YAML) whose rows override the built-in ones.")
  Path prices;

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

  @Option(
      names = "--ratio",
      paramLabel = "R",
      description = "Output:input token cost ratio (default: ${DEFAULT-VALUE}).")
  double ratio = CostEstimator.DEFAULT_OUTPUT_INPUT_RATIO;

  CostEstimator apply(CostEstimator costs) {
    CostEstimator c = costs.withOutputInputRatio(ratio);
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

  /** The narrowed estimator over the catalog. */
  CostEstimator estimator(CommandSpec spec) {
    return apply(CostEstimator.of(catalog(spec)));
  }

  /** The catalog and the narrowing, set on findings. */
  Findings.Builder apply(CommandSpec spec, Findings.Builder findings) {
    return findings.prices(catalog(spec)).costs(this::apply);
  }

  private PricingCatalog catalog(CommandSpec spec) {
    PricingCatalog builtIn = PricingCatalog.builtIn();
    if (prices == null) {
      return builtIn;
    }
    try {
      return builtIn.overriddenBy(PricingCatalog.load(prices));
    } catch (IOException | RuntimeException e) {
      throw new ParameterException(
          spec.commandLine(), "--prices " + prices + ": " + e.getMessage());
    }
  }
}
