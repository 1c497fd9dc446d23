package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.normalize.AcceleratorRegistry;
import ai.llmd.prism.core.normalize.ModelRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Filters shared by every command. Names are resolved through the registries first, so {@code
 * --model Llama-3.1-70B} and {@code --accelerator nvidia-h100-80gb} match however the sources
 * spelled them. Several values of one option mean "any of them".
 */
final class FilterOptions {

  @Option(names = "--model", paramLabel = "NAME", description = "Keep these models.", split = ",")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--accelerator",
      paramLabel = "NAME",
      description = "Keep these accelerators (any alias: H100, nvidia-h100-80gb, a3-highgpu-8g…).",
      split = ",")
  List<String> accelerators = new ArrayList<>();

  @Option(
      names = "--architecture",
      paramLabel = "KIND",
      description = "aggregated or disaggregated.",
      split = ",")
  List<String> architectures = new ArrayList<>();

  @Option(names = "--engine", paramLabel = "NAME", description = "Keep these engines.", split = ",")
  List<String> engines = new ArrayList<>();

  @Option(
      names = "--pd-ratio",
      paramLabel = "P:D",
      description = "Keep these P:D ratios.",
      split = ",")
  List<String> pdRatios = new ArrayList<>();

  @Option(
      names = "--tp",
      paramLabel = "N",
      description = "Keep these tensor-parallel sizes.",
      split = ",")
  List<String> tps = new ArrayList<>();

  @Option(
      names = "--isl",
      paramLabel = "TOKENS",
      description = "Keep points whose mean input length is within 5%% of TOKENS.")
  Double isl;

  @Option(
      names = "--osl",
      paramLabel = "TOKENS",
      description = "Keep points whose mean output length is within 5%% of TOKENS.")
  Double osl;

  List<BenchmarkPoint> apply(List<BenchmarkPoint> points) {
    Catalog.Selection s = Catalog.of(points).all();
    if (!models.isEmpty()) {
      ModelRegistry registry = ModelRegistry.builtIn();
      s = s.where(Facet.MODEL, models.stream().map(m -> registry.resolve(m).id()).toList());
    }
    if (!accelerators.isEmpty()) {
      AcceleratorRegistry registry = AcceleratorRegistry.builtIn();
      s =
          s.where(
              Facet.ACCELERATOR,
              accelerators.stream().map(a -> registry.resolve(a).name()).toList());
    }
    if (!architectures.isEmpty()) {
      s = s.where(Facet.ARCHITECTURE, lower(architectures));
    }
    if (!engines.isEmpty()) {
      s = s.where(Facet.ENGINE, engines);
    }
    if (!pdRatios.isEmpty()) {
      s = s.where(Facet.PD_RATIO, pdRatios);
    }
    if (!tps.isEmpty()) {
      s = s.where(Facet.TP, tps);
    }
    // keep the load order: the catalog orders by configuration, the output promises load order
    Set<BenchmarkPoint> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    kept.addAll(s.points());
    return points.stream()
        .filter(kept::contains)
        .filter(p -> near(p.workload().inputLength(), isl))
        .filter(p -> near(p.workload().outputLength(), osl))
        .toList();
  }

  private static boolean near(ai.llmd.prism.api.Distribution lengths, Double wanted) {
    if (wanted == null) {
      return true;
    }
    if (lengths == null || lengths.mean().isEmpty()) {
      return false;
    }
    return Math.abs(lengths.mean().getAsDouble() - wanted) <= 0.05 * wanted;
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}
