package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.normalize.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {

  static final String LINE = "third-party model=%s tps=1\n";

  @Test
  void aSymlinkLeadingOutOfTheDirectoryIsSkippedAndSaidSo(@TempDir Path tmp) throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.txt"), LINE.formatted("outside"));
    Path dir = Files.createDirectories(tmp.resolve("results"));
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("inside"));
    Files.createSymbolicLink(dir.resolve("link.txt"), outside);

    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("inside");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.file()).endsWith("link.txt");
              assertThat(p.message()).contains("outside").contains("followSymlinks");
            });
  }

  @Test
  void aSymlinkOutOfTheDirectoryIsFollowedWhenAsked(@TempDir Path tmp) throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.txt"), LINE.formatted("outside"));
    Path dir = Files.createDirectories(tmp.resolve("results"));
    Files.createSymbolicLink(dir.resolve("link.txt"), outside);

    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(LoadOptions.defaults().withFollowSymlinks(true))
            .load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("outside");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aSymlinkWithinTheDirectoryIsRead(@TempDir Path dir) throws Exception {
    Path real = Files.writeString(dir.resolve("a.txt"), LINE.formatted("a"));
    Files.createSymbolicLink(dir.resolve("b.txt"), real);

    assertThat(Prism.create().withNormalizer(Normalizer.none()).load(dir).points()).hasSize(2);
  }

  @Test
  void filesAreReadInPathOrderWhateverTheThreadCount(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 40; i++) {
      Path sub = Files.createDirectories(dir.resolve("d" + (i % 3)));
      Files.writeString(sub.resolve("f" + i + ".txt"), LINE.formatted("m" + i));
    }

    LoadResult one =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(LoadOptions.defaults().withThreads(1))
            .load(dir);
    LoadResult many =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(LoadOptions.defaults().withThreads(16))
            .load(dir);

    assertThat(many.points()).isEqualTo(one.points()).hasSize(40);
    assertThat(one.points().get(0).provenance().source().getPath()).endsWith("d0/f0.txt");
  }

  @Test
  void dotFilesAndDirectoriesAreNotRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".hidden.txt"), LINE.formatted("hidden"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.txt"), LINE.formatted("git"));
    Files.writeString(dir.resolve("seen.txt"), LINE.formatted("seen"));

    assertThat(Prism.create().withNormalizer(Normalizer.none()).load(dir).points())
        .extracting(p -> p.model().raw())
        .containsExactly("seen");
  }

  @Test
  void aMissingPathIsAnErrorAndTheOtherSourcesStillLoad(@TempDir Path dir) throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.txt"), LINE.formatted("ok"));

    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .load(dir.resolve("missing").toString(), ok.toString());

    assertThat(r.points()).hasSize(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).endsWith("missing: no such file or directory"));
  }

  @Test
  void aFileOverTheSizeLimitIsSkippedNamingTheLimit(@TempDir Path dir) throws Exception {
    Path big = Files.writeString(dir.resolve("big.txt"), LINE.formatted("x").repeat(100));

    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(LoadOptions.defaults().withMaxFileBytes(64))
            .load(big);

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("over the limit of 64 bytes"));
  }

  @Test
  void anUnreadableSubdirectoryIsReportedAndTheWalkGoesOn(@TempDir Path dir) throws Exception {
    Path locked = Files.createDirectories(dir.resolve("b-locked"));
    Files.writeString(locked.resolve("x.txt"), LINE.formatted("hidden"));
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("a"));
    Files.writeString(
        Files.createDirectories(dir.resolve("c")).resolve("c.txt"), LINE.formatted("c"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "running as a user who can read anything (root)");

      LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(dir);

      assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("a", "c");
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(p.file()).endsWith("/b-locked");
                assertThat(p.message()).isEqualTo("could not be listed: permission denied");
              });
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aSymlinkLoopIsCalledALoopAndTheWalkGoesOn(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("a"));
    Files.createSymbolicLink(sub.resolve("loop"), dir);
    Files.writeString(sub.resolve("x.txt"), LINE.formatted("x"));
    Files.writeString(
        Files.createDirectories(dir.resolve("b")).resolve("y.txt"), LINE.formatted("y"));

    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(LoadOptions.defaults().withFollowSymlinks(true))
            .load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("x", "y");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("a/loop");
              assertThat(p.message()).contains("symbolic link loop").doesNotContain("outside");
            });
  }

  @Test
  void aDanglingLinkIsCalledDangling(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nothing-here"));
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("a"));

    for (boolean follow : new boolean[] {false, true}) {
      LoadResult r =
          Prism.create()
              .withNormalizer(Normalizer.none())
              .withOptions(LoadOptions.defaults().withFollowSymlinks(follow))
              .load(dir);

      assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("a");
      assertThat(r.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file()).endsWith("gone.txt");
                assertThat(p.message()).contains("dangling").doesNotContain("outside");
              });
    }
  }

  @Test
  void aLoopOrADanglingLinkGivenAsTheSourceIsAnErrorCalledWhatItIs(@TempDir Path dir)
      throws Exception {
    Files.createSymbolicLink(dir.resolve("ping"), dir.resolve("pong"));
    Files.createSymbolicLink(dir.resolve("pong"), dir.resolve("ping"));
    Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nothing-here"));

    LoadResult loop = Prism.create().load(dir.resolve("ping"));
    LoadResult dangling = Prism.create().load(dir.resolve("gone.json"));

    assertThat(loop.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).isEqualTo("a symbolic link loop (it leads back to itself)");
            });
    assertThat(dangling.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("dangling");
            });
  }

  @Test
  void aNameThatLostBytesToUtf8DecodingSaysWhyItIsNotFound(@TempDir Path dir) {
    // what Java makes of the argument bad\xff.json: the byte became U+FFFD
    LoadResult r = Prism.create().load(dir.resolve("bad\uFFFD.json").toString());

    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("no such file or directory")
                    .contains("not UTF-8")
                    .contains("load its directory"));
  }

  @Test
  void aLinkToItselfIsALoopNotADanglingLink(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("self"), dir.resolve("self"));
    Files.createSymbolicLink(dir.resolve("ping"), dir.resolve("pong"));
    Files.createSymbolicLink(dir.resolve("pong"), dir.resolve("ping"));
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("a"));

    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(dir);

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("a");
    assertThat(r.problems())
        .extracting(Problem::message)
        .containsOnly("skipped: a symbolic link loop (it leads back to itself)")
        .hasSize(3);
  }

  @Test
  void aSymlinkToADirectoryGivenAsTheSourceLoadsItsContents(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("results"));
    Files.writeString(dir.resolve("a.txt"), LINE.formatted("a"));
    Path link = Files.createSymbolicLink(tmp.resolve("latest"), dir);

    LoadResult r = Prism.create().withNormalizer(Normalizer.none()).load(link.toString());

    assertThat(r.points()).extracting(p -> p.model().raw()).containsExactly("a");
    assertThat(r.problems()).isEmpty();
    assertThat(r.points().get(0).provenance().source().getPath()).endsWith("results/a.txt");
  }
}
