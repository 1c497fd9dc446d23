package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import ai.llmd.prism.testkit.FakeDriveServer;
import ai.llmd.prism.testkit.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code prism points gdrive://folder/…} end to end: the real CLI and Drive client, a fake. */
class GdriveCliTest {

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

      Run r =
          PrismCliTest.prism(
              "points",
              "gdrive://folder/1r2Z2Xp1L0KonUlvQHvEzed8AO9Xj8IPm",
              "--json",
              "--no-cache",
              "--config",
              "gdrive.rootUrl=" + drive.rootUrl(),
              "--config",
              "gdrive.anonymous=true");

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
}
