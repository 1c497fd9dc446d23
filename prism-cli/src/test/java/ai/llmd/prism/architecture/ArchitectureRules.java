package ai.llmd.prism.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The dependency rules of DESIGN.md, parameterised by the root package so that the same rules can
 * be shown to fail on a deliberately broken set of classes.
 */
final class ArchitectureRules {

  private ArchitectureRules() {}

  /**
   * The model and the SPI depend on nothing but the JDK at run time; JSpecify's nullness
   * annotations are compile-only (a {@code requires static} module, a {@code provided} jar).
   */
  static ArchRule apiDependsOnlyOnTheJdk(String root) {
    return classes()
        .that()
        .resideInAnyPackage(root + ".api..", root + ".spi..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify.annotations", root + ".api..", root + ".spi..");
  }

  /** No cloud SDK type reaches the API or the core: those live in the connector modules. */
  static ArchRule noCloudSdkInApiOrCore(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".api..", root + ".spi..", root + ".core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon..",
            "com.amazonaws..",
            "com.google.cloud..",
            "com.google.auth..",
            "com.google.api..");
  }

  /** The core knows nothing of connectors, charts, the report or the command line. */
  static ArchRule coreDependsOnNoPlugin(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".api..", root + ".spi..", root + ".core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".connector..", root + ".charts..", root + ".report..", root + ".cli..");
  }

  /**
   * The report draws through the renderer {@code Plugins} has for a format, never a built-in
   * renderer class, so a renderer a user installs is the one used.
   */
  static ArchRule reportDrawsThroughPlugins(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".charts..");
  }

  /** The command line and the benchmarks are leaves: nothing depends on them. */
  static ArchRule nothingDependsOnCliOrBenchmarks(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(root + ".cli..", root + ".benchmarks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".cli..", root + ".benchmarks..");
  }

  /** No two packages depend on each other, directly or around a loop. */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }

  /** Only the core uses its {@code internal} package: it is not API, benchmarks included. */
  static ArchRule internalStaysInCore(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + ".core..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".core.internal..");
  }

  /**
   * Outputs (command line, report, charts) render findings and compute nothing: they call no
   * analysis entry point ({@code Pareto}, {@code Optimum}, {@code Comparisons}, {@code
   * CostRanking}, {@code Mlperf}, a {@code CostEstimator}'s estimate) directly; the findings do,
   * once. Configuring an estimator (its {@code of}/{@code with...} methods) is an option, not an
   * analysis. No class is exempt.
   */
  static ArchRule outputsComputeNothing(String root) {
    String analysis = root + ".core.analysis.";
    Set<String> owners =
        Set.of(
            analysis + "Pareto",
            analysis + "Optimum",
            analysis + "Comparisons",
            analysis + "CostRanking",
            analysis + "Mlperf");
    DescribedPredicate<JavaCall<?>> analysisCall =
        new DescribedPredicate<>("an analysis entry point") {
          @Override
          public boolean test(JavaCall<?> call) {
            String owner = call.getTargetOwner().getName();
            return owners.contains(owner)
                || (owner.equals(analysis + "CostEstimator")
                    && Set.of("estimate", "whyNoPrice").contains(call.getName()));
          }
        };
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".cli..", root + ".report..", root + ".charts..")
        .should()
        .callCodeUnitWhere(analysisCall);
  }
}
