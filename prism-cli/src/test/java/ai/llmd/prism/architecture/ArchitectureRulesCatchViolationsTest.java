package ai.llmd.prism.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a small tree of classes that breaks exactly it (see the {@code violations}
 * package), so a rule that stopped checking anything would be noticed.
 */
class ArchitectureRulesCatchViolationsTest {

  static final String BROKEN = "ai.llmd.prism.architecture.violations";
  static JavaClasses broken;

  @BeforeAll
  static void importBrokenTree() {
    broken = new ClassFileImporter().importPackages(BROKEN);
  }

  static void assertFails(Function<String, ArchRule> rule, String offender) {
    assertThatThrownBy(() -> rule.apply(BROKEN).check(broken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender);
  }

  @Test
  void anApiClassUsingJacksonBreaksApiDependsOnlyOnTheJdk() {
    assertFails(ArchitectureRules::apiDependsOnlyOnTheJdk, "LeakyModel");
  }

  @Test
  void aCoreClassUsingACloudSdkBreaksNoCloudSdkInApiOrCore() {
    assertFails(ArchitectureRules::noCloudSdkInApiOrCore, "CloudyCore");
  }

  @Test
  void aCoreClassUsingAChartBreaksCoreDependsOnNoPlugin() {
    assertFails(ArchitectureRules::coreDependsOnNoPlugin, "DrawingCore");
  }

  @Test
  void aReportUsingTheSvgRendererDirectlyBreaksReportDrawsThroughPlugins() {
    assertFails(ArchitectureRules::reportDrawsThroughPlugins, "HardWiredReport");
  }

  @Test
  void aConnectorUsingTheCliBreaksNothingDependsOnCliOrBenchmarks() {
    assertFails(ArchitectureRules::nothingDependsOnCliOrBenchmarks, "ChattyConnector");
  }

  @Test
  void twoPackagesUsingEachOtherBreakNoPackageCycles() {
    assertFails(ArchitectureRules::noPackageCycles, "cycle");
  }

  @Test
  void aConnectorUsingCoreInternalsBreaksInternalStaysInCore() {
    assertFails(ArchitectureRules::internalStaysInCore, "PeekingConnector");
  }

  @Test
  void aCommandComputingAFrontierBreaksOutputsComputeNothing() {
    assertFails(r -> ArchitectureRules.outputsComputeNothing(r), "ComputingCommand");
  }
}
