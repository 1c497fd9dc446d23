package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Plugins} treats plugin API versions and two plugins that claim one id. */
class PluginRegistrationTest {

  /** A reader that claims an id and a plugin API version chosen by the test. */
  private static class Claiming implements FormatReader {
    private final String id;
    private final String version;

    Claiming(String id, String version) {
      this.id = id;
      this.version = version;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String requestedApiVersion() {
      return version;
    }

    @Override
    public String description() {
      return "claims " + id;
    }

    @Override
    public Detection detect(Sniff sniff) {
      return Detection.NO;
    }

    @Override
    public void read(SourceFile file, ReadSink sink) {}
  }

  private static final class OtherClaiming extends Claiming {
    OtherClaiming(String id, String version) {
      super(id, version);
    }
  }

  @Test
  void theApiVersionRuleIsSameMajorAndWhileZeroTheSameMinor() {
    assertThat(PluginApi.compatible(PluginApi.VERSION)).isTrue();
    assertThat(PluginApi.compatible(PluginApi.VERSION + ".7")).isTrue();
    assertThat(PluginApi.compatible("0.1")).isFalse();
    assertThat(PluginApi.compatible("0.99")).isFalse();
    assertThat(PluginApi.compatible("1.0")).isFalse();
  }

  @Test
  void everyBuiltInPluginDeclaresTheCurrentApi() {
    Plugins plugins = Plugins.builder().discover().build();

    assertThat(plugins.describe())
        .filteredOn(p -> p.origin().endsWith("prism-core/target/classes"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.apiVersion()).isEqualTo(PluginApi.VERSION));
  }

  @Test
  void aPluginBuiltForAnotherApiIsSkippedWithAnError() {
    Plugins plugins = Plugins.builder().reader(new Claiming("future", "0.99")).build();

    assertThat(plugins.reader("future")).isEmpty();
    assertThat(plugins.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("plugin API 0.99", "skipped");
            });
  }

  @Test
  void anUnreadableVersionIsSkippedWithAnError() {
    Plugins plugins = Plugins.builder().reader(new Claiming("odd", "two")).build();

    assertThat(plugins.reader("odd")).isEmpty();
    assertThat(plugins.problems()).singleElement().asString().contains("'two'");
  }

  @Test
  void aPluginThatDoesNotSayIsAcceptedAndListedAsUndeclared() {
    Plugins plugins = Plugins.builder().reader(new Claiming("quiet", null)).build();

    assertThat(plugins.reader("quiet")).isPresent();
    assertThat(plugins.problems()).isEmpty();
    assertThat(plugins.describe()).singleElement().extracting(PluginInfo::apiVersion).isEqualTo("");
  }

  @Test
  void anExplicitRegistrationReplacesTheDiscoveredReaderAndSaysSo() {
    Claiming mine = new Claiming("vllm-bench", PluginApi.VERSION);
    Plugins plugins = Plugins.builder().discover().reader(mine).build();

    assertThat(plugins.reader("vllm-bench")).containsSame(mine);
    assertThat(plugins.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(p.message()).contains("registered explicitly", "VllmBenchReader");
            });
  }

  @Test
  void aSecondExplicitRegistrationWinsWithAWarning() {
    Claiming first = new Claiming("mine", PluginApi.VERSION);
    Claiming second = new OtherClaiming("mine", PluginApi.VERSION);
    Plugins plugins = Plugins.builder().reader(first).reader(second).build();

    assertThat(plugins.reader("mine")).containsSame(second);
    assertThat(plugins.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING));
  }

  @Test
  void discoveryProblemsReachEveryLoadResult(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.txt"), "nothing to see");
    Plugins plugins = Plugins.builder().reader(new Claiming("future", "0.99")).build();

    LoadResult result = Prism.of(plugins, LoadOptions.defaults()).load(dir);

    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("plugin API 0.99"));
  }
}
