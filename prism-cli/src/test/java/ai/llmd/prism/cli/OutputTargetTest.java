package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.cli.PrismCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code -o} may write: never over an input, and a refusal always says why. */
class OutputTargetTest {

  static Path copyOfExamples(Path dir) throws Exception {
    Path from = Path.of(AnalysisCommandsTest.examples("llm-d/h200-aggregated-2x-tp4"));
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return dir.resolve("concurrency-008.yaml");
  }

  @Test
  void anOutputThatIsAnInputGivenByNameIsRefused(@TempDir Path dir) throws Exception {
    Path input = copyOfExamples(dir);
    byte[] before = Files.readAllBytes(input);

    Run report = PrismCliTest.prism("report", input.toString(), "-o", input.toString());
    Run chart = PrismCliTest.prism("chart", input.toString(), "-o", input.toString());

    for (Run r : new Run[] {report, chart}) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("is the input").contains("refusing to overwrite");
    }
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void anOutputThatIsAFileReadFromAnInputDirectoryIsRefusedByItsRealPath(@TempDir Path dir)
      throws Exception {
    Path input = copyOfExamples(Files.createDirectory(dir.resolve("results")));
    byte[] before = Files.readAllBytes(input);
    // another spelling of the same file
    String target = dir.resolve("results/../results/./concurrency-008.yaml").toString();

    Run r = PrismCliTest.prism("report", dir.resolve("results").toString(), "-o", target);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("refusing to overwrite");
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void aBaselineFileIsAnInputToo(@TempDir Path dir) throws Exception {
    Path input = copyOfExamples(dir);
    String current = AnalysisCommandsTest.examples("llm-d/h100-aggregated-4x-tp2");

    Run r =
        PrismCliTest.prism(
            "report", current, "--baseline", input.toString(), "-o", input.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("refusing to overwrite");
  }

  @Test
  void aPreviousReportInTheInputDirectoryMayBeReplaced(@TempDir Path dir) throws Exception {
    copyOfExamples(dir);
    Path report = dir.resolve("report.html");

    Run first = PrismCliTest.prism("report", dir.toString(), "-o", report.toString());
    Run second = PrismCliTest.prism("report", dir.toString(), "-o", report.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.readString(report)).contains("<html");
  }

  @Test
  void anEmptyOutputNameIsAUsageErrorNotADirectoryError() {
    Run r = PrismCliTest.prism("report", CliContractTest.EXAMPLES, "-o", "");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("-o")
        .contains("needs a file name")
        .doesNotContain("Is a directory");
  }

  @Test
  void aReadOnlyTargetSaysWhy(@TempDir Path dir) throws Exception {
    Path target = Files.writeString(dir.resolve("locked.html"), "old");
    assumeTrue(target.toFile().setWritable(false));
    assumeFalse(Files.isWritable(target), "running as root: permissions do not stop writes");

    Run r = PrismCliTest.prism("report", CliContractTest.EXAMPLES, "-o", target.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("-o " + target + ": could not be written: permission denied");
  }

  @Test
  void aTargetTheSystemRefusesSaysWhy() {
    Path target = Path.of("/proc/version");
    assumeTrue(Files.isRegularFile(target), "needs Linux /proc");

    Run r = PrismCliTest.prism("chart", CliContractTest.EXAMPLES, "-o", target.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .containsPattern("-o /proc/version: could not be written: \\w+");
  }
}
