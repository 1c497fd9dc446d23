package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.internal.PathSourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Prism#readFile} reads one file as a load reads each file it finds. */
class ReadFileTest {

  private static final String LINE = "third-party model=%s tps=1\n";

  @Test
  void oneFileGivesWhatLoadingItGives(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), LINE.formatted("m") + LINE.formatted("n"));
    Prism prism = Prism.create();

    LoadResult one = prism.readFile(new PathSourceFile(f, f.toString(), Long.MAX_VALUE), true);

    assertThat(one.points()).hasSize(2);
    assertThat(one).isEqualTo(prism.load(f.toString()));
  }

  @Test
  void anUnrecognisedFileIsAnErrorWhenNamedAndInfoWhenListed(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("notes.md"), "# not a benchmark\n");
    PathSourceFile file = new PathSourceFile(f, "notes.md", Long.MAX_VALUE);

    assertThat(Prism.create().readFile(file, true).problems())
        .singleElement()
        .extracting(Problem::severity)
        .isEqualTo(Problem.Severity.ERROR);
    assertThat(Prism.create().readFile(file, false).problems())
        .singleElement()
        .extracting(Problem::severity)
        .isEqualTo(Problem.Severity.INFO);
  }
}
