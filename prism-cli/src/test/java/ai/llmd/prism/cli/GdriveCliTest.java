package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.testkit.FakeDriveServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prism points gdrive://folder/…} end to end: the real CLI and Drive client, a fake. */
class GdriveCliTest {

  /** {@code prism points gdrive://folder/<folder> --json}, anonymously against {@code drive}. */
  private static Run points(FakeDriveServer drive, String folder) {
    return PrismCliTest.prism(
        "points",
        "gdrive://folder/" + folder,
        "--json",
        "--no-cache",
        "--config",
        "gdrive.rootUrl=" + drive.rootUrl(),
        "--config",
        "gdrive.anonymous=true");
  }

  @Test
  void pointsReadsEveryFileOfANestedDriveFolder() throws Exception {
    Path examples =
        Fixtures.repositoryRoot().orElseThrow().resolve("examples/llm-d/h200-aggregated-2x-tp4");
    try (FakeDriveServer drive = FakeDriveServer.start()) {
      drive.folder("1r2Z2Xp1L0KonUlvQHvEzed8AO9Xj8IPm", "BenchmarkData", null);
      try (var files = Files.list(examples)) {
        for (Path f : files.sorted().toList()) {
          drive.put(
              "1r2Z2Xp1L0KonUlvQHvEzed8AO9Xj8IPm",
              "runs/h200/" + f.getFileName(),
              Files.readAllBytes(f));
        }
      }

      Run r = points(drive, "1r2Z2Xp1L0KonUlvQHvEzed8AO9Xj8IPm");

      assertThat(r.code()).as(r.err()).isZero();
      JsonNode points = new ObjectMapper().readTree(r.out());
      assertThat(points).hasSize(5);
      String id =
          drive.childNamed(
              drive.childNamed(
                  drive.childNamed("1r2Z2Xp1L0KonUlvQHvEzed8AO9Xj8IPm", "runs"), "h200"),
              "concurrency-008.yaml");
      assertThat(points.get(0).at("/provenance/uri").asText()).isEqualTo("gdrive://file/" + id);
      assertThat(points.get(0).at("/accelerator/name").asText()).isEqualTo("H200");
    }
  }

  @Test
  void aSheetInADriveFolderIsReadPerTabThroughTheMappingBesideIt() throws Exception {
    try (FakeDriveServer drive = FakeDriveServer.start()) {
      drive.folder("team", "Team", null);
      Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
      tabs.put(
          "H100", List.of(List.of("Model", "TTFT p90 (s)"), List.<Object>of("llama-3.1-8b", 0.25)));
      tabs.put(
          "Notes", List.of(List.of("Model", "TTFT p90 (s)"), List.<Object>of("qwen3-0.6b", "n/a")));
      drive.spreadsheet("team", "Summary", tabs);
      drive.put(
          "team",
          "prism-mapping.yaml",
          ("units: suffix\ncolumns: {model: Model}\n"
                  + "metrics: [{column: TTFT p90, metric: ttft, statistic: p90}]\n")
              .getBytes(StandardCharsets.UTF_8));

      Run r = points(drive, "team");

      JsonNode points = new ObjectMapper().readTree(r.out());
      assertThat(points).as(r.err()).hasSize(1);
      assertThat(points.get(0).at("/provenance/uri").asText()).endsWith("/Summary/H100.csv?gid=0");
      assertThat(r.out()).contains("250");
      // the bad cell of the other tab is an error at its row and column: exit 1, saying where
      assertThat(r.err()).contains("Summary/Notes.csv").contains("row 2, column 'TTFT p90'");
    }
  }

  @Test
  void mappingAppliesAGivenMappingFileToALocalCsv(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("runs.csv"), "model,ttft_s\nllama,0.5\n");
    Path mapping = dir.resolve("layout.json");
    Files.writeString(
        mapping,
        "{\"columns\":{\"model\":\"model\"},"
            + "\"metrics\":[{\"column\":\"ttft_s\",\"metric\":\"ttft\",\"unit\":\"s\"}]}");

    Run r =
        PrismCliTest.prism(
            "points",
            dir.resolve("runs.csv").toString(),
            "--mapping",
            mapping.toString(),
            "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode points = new ObjectMapper().readTree(r.out());
    assertThat(points).hasSize(1);
    assertThat(points.get(0).at("/provenance/format").asText()).isEqualTo("mapped");
    assertThat(r.out()).contains("500");
  }
}
