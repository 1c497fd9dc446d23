package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command line's contract: help always works, and the exit code says what happened — 0 done, 1
 * some input had problems, 2 a usage error (before anything was read), 3 reserved for a found
 * regression (README, "Exit codes").
 */
class CliContractTest {

  static final String EXAMPLES = AnalysisCommandsTest.examples("llm-d/h200-aggregated-2x-tp4");

  static Stream<String> commands() {
    return new CommandLine(new PrismCli()).getSubcommands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpOfEveryCommandExitsZeroEvenWhenItRequiresSources(String command) {
    Run r = PrismCliTest.prism(command, "--help");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^Usage: prism " + command + " ");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpCommandRendersEveryCommandWithoutPicocliWarnings(String command) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    Run r;
    // picocli reports a bad format string in option text on System.err, not on the command's err
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      r = PrismCliTest.prism("help", command);
    } finally {
      System.setErr(stderr);
    }

    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("(?m)^Usage: prism " + command + " ").doesNotContain("%n");
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpListsTheExitCodes() {
    Run r = PrismCliTest.prism("--help");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Exit codes:")
        .containsPattern("(?m)^ +0 +Success")
        .containsPattern("(?m)^ +1 +Some input had errors")
        .containsPattern("(?m)^ +2 +Usage error")
        .containsPattern("(?m)^ +3 +Reserved: a regression was found");
  }

  @Test
  void prismAlonePrintsTheUsageAsAUsageError() {
    Run r = PrismCliTest.prism();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Usage: prism").contains("Commands:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void exitCodeZeroWhenEveryInputWasRead() {
    Run r = PrismCliTest.prism("points", EXAMPLES);

    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void exitCodeOneWhenSomeInputHadProblemsAndTheRestIsStillShown() {
    Run r = PrismCliTest.prism("points", EXAMPLES, EXAMPLES + "/no-such-file.json");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-file.json: no such file or directory");
    assertThat(r.out().lines()).hasSize(6); // the header and the five points that were read
  }

  /** Every command that reads sources, with the options it needs to run, sources last. */
  static Stream<String> sourceCommands() {
    return Stream.of(
        "points",
        "report -o -",
        "chart -o -",
        "validate",
        "pareto",
        "cost",
        "energy",
        "best --maximize output_throughput/chip",
        "compare",
        "facets",
        "rank --measure output_throughput/chip",
        "mlperf accelerators",
        "mlperf degradation",
        "mlperf rounds");
  }

  static String[] withSources(String command, String... sources) {
    return Stream.concat(Stream.of(command.split(" ")), Stream.of(sources)).toArray(String[]::new);
  }

  @ParameterizedTest
  @MethodSource("sourceCommands")
  void everyCommandExitsZeroOnGoodInputAndOneWhenAnInputHadErrors(String command, @TempDir Path dir)
      throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nothing"));

    Run good = PrismCliTest.prism(withSources(command, EXAMPLES));
    Run missing = PrismCliTest.prism(withSources(command, EXAMPLES, EXAMPLES + "/no-such.json"));
    Run link = PrismCliTest.prism(withSources(command, dangling.toString()));

    assertThat(good.code()).as(good.err()).isZero();
    assertThat(missing.code()).as(missing.err()).isEqualTo(1);
    assertThat(missing.err() + missing.out())
        .containsPattern("no-such.json: (error: )?no such file or directory");
    assertThat(link.code()).as(link.err()).isEqualTo(1);
    assertThat(link.err() + link.out()).contains("gone.json").contains("dangling symbolic link");
  }

  @Test
  void resolveExitsOneForAnUnknownNameAndPluginsZero() {
    assertThat(PrismCliTest.prism("resolve", "accelerator", "H100").code()).isZero();
    assertThat(PrismCliTest.prism("resolve", "accelerator", "no-such-chip-9000").code())
        .isEqualTo(1);
    assertThat(PrismCliTest.prism("plugins").code()).isZero();
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("--threads", new String[] {"points", EXAMPLES, "--threads", "0"}),
        Arguments.of("--threads", new String[] {"validate", EXAMPLES, "--threads", "100000"}),
        Arguments.of("--maximize", new String[] {"best", EXAMPLES, "--maximize", "no_such_metric"}),
        Arguments.of("--minimize", new String[] {"best", EXAMPLES, "--minimize", "ttft.p42"}),
        Arguments.of(
            "--slo",
            new String[] {"best", EXAMPLES, "--maximize", "output_throughput", "--slo", "ttft"}),
        Arguments.of("--slo", new String[] {"report", EXAMPLES, "-o", "-", "--slo", "x<=1"}),
        Arguments.of("--format", new String[] {"points", EXAMPLES, "--format", "no-such"}),
        Arguments.of("--config", new String[] {"points", EXAMPLES, "--config", "no dots=1"}),
        Arguments.of(
            "--config",
            new String[] {
              "points",
              "s3://bucket/prefix/",
              "--no-cache",
              "--config",
              "s3.endpoint=http://127.0.0.1:9",
              "--config",
              "s3.pageSize=many"
            }),
        Arguments.of("--tp", new String[] {"points", EXAMPLES, "--tp", "0"}),
        Arguments.of("--tp", new String[] {"cost", EXAMPLES, "--tp", "2,x"}),
        Arguments.of("--isl", new String[] {"points", EXAMPLES, "--isl", "-5"}),
        Arguments.of("--osl", new String[] {"pareto", EXAMPLES, "--osl", "NaN"}),
        Arguments.of("--pd-ratio", new String[] {"points", EXAMPLES, "--pd-ratio", "x:y"}),
        Arguments.of("-m", new String[] {"pareto", EXAMPLES, "-m", "tpot,nonsense"}),
        Arguments.of("-m", new String[] {"rank", EXAMPLES, "-m", "nonsense"}),
        Arguments.of("-m", new String[] {"compare", EXAMPLES, "--baseline", EXAMPLES, "-m", "x"}),
        Arguments.of("--latency", new String[] {"compare", EXAMPLES, "--latency", "tpot.p7"}),
        Arguments.of("--targets", new String[] {"compare", EXAMPLES, "--targets", "20,-1"}),
        Arguments.of(
            "--band", new String[] {"compare", EXAMPLES, "--baseline", EXAMPLES, "--band", "-1"}),
        Arguments.of("--ratio", new String[] {"cost", EXAMPLES, "--ratio", "0"}),
        Arguments.of(
            "--top",
            new String[] {"best", EXAMPLES, "--maximize", "output_throughput", "--top", "-3"}),
        Arguments.of("-o", new String[] {"report", EXAMPLES, "-o", ""}),
        Arguments.of("-o", new String[] {"chart", EXAMPLES, "-o", EXAMPLES}),
        Arguments.of("pricing model", new String[] {"cost", EXAMPLES, "--pricing", "free"}),
        Arguments.of("--theme", new String[] {"chart", EXAMPLES, "-o", "-", "--theme", "neon"}),
        Arguments.of("--threads", new String[] {"points", EXAMPLES, "--threads", "many"}),
        Arguments.of("--prices", new String[] {"cost", EXAMPLES, "--prices", "/no/such.yaml"}),
        Arguments.of("--prices", new String[] {"report", EXAMPLES, "-o", "-", "--prices", "/"}),
        Arguments.of(
            "--registry", new String[] {"resolve", "model", "x", "--registry", "/no/such.json"}),
        Arguments.of("SOURCE", new String[] {"points"}),
        Arguments.of(
            "--no-such-option", new String[] {"report", EXAMPLES, "-o", "-", "--no-such-option"}),
        Arguments.of("resolve", new String[] {"resolve", "gpu", "H100"}),
        // the commands and options added in 0.2
        Arguments.of("--to", new String[] {"publish", EXAMPLES}),
        Arguments.of("--to", new String[] {"publish", EXAMPLES, "--to", ""}),
        Arguments.of("--point-of", new String[] {"reproduce", EXAMPLES, "--point-of", "x"}),
        Arguments.of("--slo", new String[] {"cost", EXAMPLES, "--ranking", "--slo", "fast"}),
        // named by its shortest name, as every checked option is
        Arguments.of("-m", new String[] {"compare", EXAMPLES, "--measures", "ttft.nope"}),
        Arguments.of(
            "--arena", new String[] {"report", EXAMPLES, "-o", "-", "--arena", "/no/such.json"}),
        Arguments.of("--bogus", new String[] {"datasets", EXAMPLES, "--bogus"}));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("usageErrors")
  void aUsageErrorExitsTwoWithOneLineNamingTheOptionAndNothingOnStandardOutput(
      String option, String[] args) {
    Run r = PrismCliTest.prism(args);

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().findFirst()).get().asString().contains(option);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void debugAndVerboseAreAcceptedAfterTheCommandToo() {
    assertThat(PrismCliTest.prism("points", EXAMPLES, "--debug").code()).isZero();
    assertThat(PrismCliTest.prism("points", EXAMPLES, "--verbose").code()).isZero();
    assertThat(PrismCliTest.prism("--verbose", "points", EXAMPLES).code()).isZero();
  }
}
