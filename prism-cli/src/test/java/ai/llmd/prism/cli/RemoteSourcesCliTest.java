package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.testkit.FakeGcsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prism points gs://…} end to end: the real CLI, the real GCS client, a local server. */
class RemoteSourcesCliTest {

  @Test
  void pointsReadsEveryObjectUnderAGcsPrefixAndTheCacheSparesTheSecondDownload(@TempDir Path cache)
      throws Exception {
    Path examples =
        Fixtures.repositoryRoot().orElseThrow().resolve("examples/llm-d/h200-aggregated-2x-tp4");
    try (FakeGcsServer gcs = FakeGcsServer.start()) {
      gcs.createBucket("bench");
      try (var files = Files.list(examples)) {
        for (Path f : files.sorted().toList()) {
          gcs.put("bench", "runs/h200/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
      String[] args = {
        "points",
        "gs://bench/runs/",
        "--json",
        "--config",
        "gcs.host=" + gcs.endpoint(),
        "--cache",
        cache.toString()
      };

      Run first = PrismCliTest.prism(args);
      Run second = PrismCliTest.prism(args);

      assertThat(first.code()).as(first.err()).isZero();
      JsonNode points = new ObjectMapper().readTree(first.out());
      assertThat(points).hasSize(5);
      assertThat(points.get(0).at("/provenance/uri").asText())
          .isEqualTo("gs://bench/runs/h200/concurrency-008.yaml");
      assertThat(points.get(0).at("/accelerator/name").asText()).isEqualTo("H200");
      assertThat(second.out()).isEqualTo(first.out());
      // each object downloaded once: the second load was served by the cache
      assertThat(gcs.downloads("bench", "runs/h200/concurrency-008.yaml")).isEqualTo(1);
    }
  }

  @Test
  void anUnknownSchemeIsOneClearLine() {
    Run r = PrismCliTest.prism("points", "ftp://example.com/x.json", "--no-cache");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").contains("no connector for 'ftp://'");
  }
}
