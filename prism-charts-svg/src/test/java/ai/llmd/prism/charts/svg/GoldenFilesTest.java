package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.ChartSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample renders to exactly the bytes of its golden file. After an intended change, rewrite
 * them with {@code -Dprism.golden.update=true}, look at them, and commit them with the change.
 */
class GoldenFilesTest {

  static Stream<Arguments> samples() {
    return Samples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void rendersExactlyTheGoldenBytes(String name, ChartSpec spec) throws IOException {
    String svg = new SvgChartRenderer().toSvg(spec);
    if (Boolean.getBoolean("prism.golden.update")) {
      Path dir = Path.of("src/test/resources/golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".svg"), svg, StandardCharsets.UTF_8);
    }
    assertThat(svg).isEqualTo(golden(name));
  }

  static String golden(String name) throws IOException {
    Path updated = Path.of("src/test/resources/golden", name + ".svg");
    if (Boolean.getBoolean("prism.golden.update")) {
      return Files.readString(updated, StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".svg")) {
      assertThat(in).as("golden file for %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
