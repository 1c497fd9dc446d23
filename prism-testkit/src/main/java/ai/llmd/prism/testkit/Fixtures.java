package ai.llmd.prism.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the public real-world fixtures, which may not be committed into the project: the directory
 * named by the {@code PRISM_FIXTURES} environment variable (or {@code prism.fixtures} system
 * property), else {@code ../shared/fixtures} beside the repository root. Tests that need them skip,
 * saying so, where they are absent.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The fixtures directory, or empty when there is none. */
  public static Optional<Path> root() {
    String configured = System.getenv("PRISM_FIXTURES");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("prism.fixtures");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }
    return repositoryRoot()
        .map(r -> r.resolve("../shared/fixtures").normalize())
        .filter(Files::isDirectory);
  }

  /**
   * The fixture at {@code relative} (e.g. {@code prism/llm-d-benchmarks.json}); skips the calling
   * test when the fixtures or that file are absent.
   */
  public static Path require(String relative) {
    Optional<Path> root = root();
    Assumptions.assumeTrue(
        root.isPresent(),
        "public fixtures not found: set PRISM_FIXTURES or place them at ../shared/fixtures");
    Path p = root.get().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p), "fixture absent: " + p);
    return p;
  }

  /** The repository root: {@code prism.repo.root} as set by the build, else found upwards. */
  public static Optional<Path> repositoryRoot() {
    String set = System.getProperty("prism.repo.root");
    if (set != null && !set.isBlank()) {
      return Optional.of(Path.of(set).toAbsolutePath().normalize());
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("prism-api")) && Files.exists(dir.resolve("pom.xml"))) {
        return Optional.of(dir);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
