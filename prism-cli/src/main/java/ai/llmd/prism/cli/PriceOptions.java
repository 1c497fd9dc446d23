package ai.llmd.prism.cli;

import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PricingProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which catalog rows price a point. The flags are hard filters; the profile (the file given, else
 * {@code ~/.config/prism/pricing.yaml} when it exists, else the catalog's default) only ranks rows,
 * so every point whose accelerator has a row is priced (docs/pricing.md).
 */
final class PriceOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

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

  CostEstimator apply(CostEstimator costs) {
    CostEstimator c = costs;
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
}
