package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.analysis.PricingProfile;
import ai.llmd.prism.core.findings.Findings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where prices come from and which catalog rows price a point. The flags are hard filters; the
 * profile (the file given, else {@code ~/.config/prism/pricing.yaml} when it exists, else the
 * catalog's default) only ranks rows, so every point whose accelerator has a row is priced
 * (docs/pricing.md). The same mixin on every command that shows a cost ({@code best}, {@code cost},
 * {@code report}), so {@code --prices} is always a catalog file and {@code --pricing} always a
 * pricing model.
 */
final class PriceOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A pricing catalog (JSON/YAML) whose rows override the built-in ones.")
  Path prices;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "Price rows of this provider only (GCP, AWS, Azure).")
  String provider;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Price rows of this region only.")
  String region;

  @Option(
      names = "--machine-type",
      paramLabel = "TYPE",
      description = "Price rows of this machine type only.")
  String machineType;

  @Option(
      names = "--pricing-profile",
      paramLabel = "FILE",
      description =
          "Preferred provider, region, machine types and sources (YAML); default:"
              + " ~/.config/prism/pricing.yaml when present, else the catalog's default profile.")
  Path profile;

  @Option(
      names = "--ratio",
      paramLabel = "R",
      description = "Output:input token cost ratio (default: ${DEFAULT-VALUE}).")
  double ratio = CostEstimator.DEFAULT_OUTPUT_INPUT_RATIO;

  CostEstimator apply(CostEstimator costs) {
    CostEstimator c = costs.withOutputInputRatio(ratio);
    Path file = profile != null ? profile : PricingProfile.USER_FILE;
    if (profile != null || Files.isRegularFile(file)) {
      try {
        c = c.withProfile(PricingProfile.load(file));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new ParameterException(
            spec.commandLine(), "--pricing-profile " + file + ": no such file");
      } catch (IOException | IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--pricing-profile " + file + ": " + e.getMessage());
      }
    }
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
