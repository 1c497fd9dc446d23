package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a directory says exactly what a load of it reads, without reading. */
class ListingTest {

  @Test
  void theListingIsTheLoadsFilesInItsOrderWithItsNames() {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    String label = examples.toString();
    Prism prism = Prism.create();

    Listing listing = prism.list(examples, label);
    List<java.net.URI> loaded =
        prism.load(label).points().stream()
            .map(BenchmarkPoint::provenance)
            .map(p -> p.source())
            .distinct()
            .toList();

    assertThat(listing.problems()).isEmpty();
    // every file that gave points, in the same order (README.md gives none)
    assertThat(listing.files().stream().map(e -> e.path().toUri()).filter(loaded::contains))
        .containsExactlyElementsOf(loaded);
    assertThat(listing.files())
        .allSatisfy(e -> assertThat(e.name()).startsWith(label + "/").doesNotContain("/./"));
  }

  @Test
  void hiddenFilesAreLeftOutAndADanglingLinkIsAProblemNamedAsTheLoadNamesIt(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("b.json"), "{}");
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/c.json"), "{}");
    Files.writeString(dir.resolve(".hidden.json"), "{}");
    Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere.json"));

    Listing listing = Prism.create().list(dir, "runs");

    assertThat(listing.files())
        .extracting(Listing.Entry::name)
        .containsExactly("runs/a/c.json", "runs/b.json");
    assertThat(listing.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("runs/gone.json");
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("dangling");
            });
  }
}
