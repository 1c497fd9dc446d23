package ai.llmd.prism.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.PluginInfo;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.FormatWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in writers, found by discovery like any plugin, on the project's examples. */
class FormatWritersTest {

  private static final Plugins PLUGINS = Plugins.builder().discover().build();

  static List<BenchmarkPoint> examplePoints() {
    Path ex = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(ex), "the project's examples/ directory is absent: " + ex);
    LoadResult r = Prism.create().load(ex.toString());
    assertThat(r.points()).isNotEmpty();
    return r.points();
  }

  static String write(String id, List<BenchmarkPoint> points) throws IOException {
    FormatWriter w = PLUGINS.writer(id).orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(points, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writersAreDiscoveredAndDescribed() {
    assertThat(PLUGINS.writers()).extracting(FormatWriter::id).contains("prism-jsonl", "prism-csv");
    assertThat(PLUGINS.describe())
        .filteredOn(p -> p.kind() == PluginInfo.Kind.FORMAT_WRITER)
        .extracting(PluginInfo::id)
        .contains("prism-jsonl", "prism-csv");
    assertThat(PLUGINS.problems()).isEmpty();
  }

  @Test
  void jsonLinesHoldsOnePointPerLineWithUnitsAndDerivedFlags() throws IOException {
    List<BenchmarkPoint> points = examplePoints();
    String text = write("prism-jsonl", points);

    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(points.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = json.readTree(lines.get(i));
      BenchmarkPoint p = points.get(i);
      assertThat(n.path("model").path("id").asText()).isEqualTo(p.model().id());
      assertThat(n.path("provenance").path("location").asText())
          .isEqualTo(p.provenance().location());
      p.metrics()
          .values()
          .forEach(
              v -> {
                JsonNode m = n.path("metrics").path(v.metric().key());
                assertThat(m.path("unit").asText()).isEqualTo(v.metric().unit().symbol());
                assertThat(m.path("derived").asBoolean()).isEqualTo(v.isDerived());
              });
    }
  }

  @Test
  void csvHoldsAHeaderAndOneRowPerPointAndLeavesTheStreamOpen() throws IOException {
    List<BenchmarkPoint> points = examplePoints();
    FormatWriter w = PLUGINS.writer("prism-csv").orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(points, out);
    w.write(points.subList(0, 1), out); // still open: a second write appends

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(points.size() + 1 + 2);
    assertThat(lines.get(0)).startsWith("model_id,").contains("ttft_mean_ms");
  }
}
