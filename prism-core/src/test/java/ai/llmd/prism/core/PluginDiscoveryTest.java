package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.normalize.Normalizer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

  @Test
  void aReaderFromOutsideTheProjectIsDiscoveredLikeABuiltIn() {
    Plugins plugins = Plugins.builder().discover().build();

    assertThat(plugins.reader("third-party")).get().isInstanceOf(ThirdPartyReader.class);
    assertThat(plugins.describe())
        .filteredOn(p -> p.id().equals("third-party"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(PluginInfo.Kind.FORMAT_READER);
              assertThat(p.origin()).contains("test-classes");
              assertThat(p.available()).isTrue();
            });
    assertThat(plugins.problems()).isEmpty();
  }

  @Test
  void aDiscoveredReaderIsChosenBySniffingAndReads() {
    LoadResult r =
        Prism.create()
            .read(
                "pasted",
                new ByteArrayInputStream(
                    "third-party model=Llama-3.1-8B tps=1234.5\n"
                        .getBytes(StandardCharsets.UTF_8)));

    assertThat(r.problems()).isEmpty();
    assertThat(r.points())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.model().raw()).isEqualTo("Llama-3.1-8B");
              assertThat(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)).hasValue(1234.5);
              assertThat(p.provenance().format()).isEqualTo("third-party");
            });
  }

  @Test
  void aBrokenProviderIsReportedAndDoesNotHideTheOthers() {
    // A class loader whose service file names one missing class before the working one.
    ClassLoader broken =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public java.util.Enumeration<java.net.URL> getResources(String name)
              throws java.io.IOException {
            if (!name.equals("META-INF/services/ai.llmd.prism.spi.FormatReader")) {
              return super.getResources(name);
            }
            Path f = Files.createTempFile("services", ".txt");
            Files.writeString(f, "com.example.Missing\nai.llmd.prism.core.ThirdPartyReader\n");
            return java.util.Collections.enumeration(java.util.List.of(f.toUri().toURL()));
          }
        };

    Plugins plugins = Plugins.builder().discover(broken).build();

    assertThat(plugins.reader("third-party")).isPresent();
    assertThat(plugins.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("com.example.Missing");
            });
  }

  @Test
  void oneBadLineIsAProblemAndTheOtherLinesStillLoad(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("a.txt"), "third-party model=a tps=1\nthird-party model=b tps=oops\n");
    Files.writeString(dir.resolve("b.txt"), "third-party model=c tps=3\n");
    Files.writeString(dir.resolve("notes.md"), "# not a benchmark\n");

    // Reading only: unknown model names "a" and "c" would otherwise add normalization infos.
    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("a", "c");
    assertThat(r.problems())
        .extracting(Problem::severity)
        .containsExactly(Problem.Severity.ERROR, Problem.Severity.INFO);
    assertThat(r.problems().get(0).toString()).contains("a.txt").contains("could not finish");
    assertThat(r.problems().get(1).toString()).contains("notes.md").contains("skipped");
  }
}
