package ai.llmd.prism.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module on this class path obey DESIGN.md's rules. */
class ArchitectureTest {

  static final String ROOT = "ai.llmd.prism";
  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void apiDependsOnlyOnTheJdk() {
    ArchitectureRules.apiDependsOnlyOnTheJdk(ROOT).check(production);
  }

  @Test
  void noCloudSdkInApiOrCore() {
    ArchitectureRules.noCloudSdkInApiOrCore(ROOT).check(production);
  }

  @Test
  void coreDependsOnNoPlugin() {
    ArchitectureRules.coreDependsOnNoPlugin(ROOT).check(production);
  }

  @Test
  void reportDrawsThroughPlugins() {
    ArchitectureRules.reportDrawsThroughPlugins(ROOT).check(production);
  }

  @Test
  void nothingDependsOnCliOrBenchmarks() {
    ArchitectureRules.nothingDependsOnCliOrBenchmarks(ROOT).check(production);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles(ROOT).check(production);
  }

  @Test
  void internalStaysInCore() {
    ArchitectureRules.internalStaysInCore(ROOT).check(production);
  }

  @Test
  void outputsComputeNothing() {
    ArchitectureRules.outputsComputeNothing(ROOT).check(production);
  }
}
