package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's text output, one-line messages as much as tables, shows a hostile model or
 * accelerator name (a line feed, a tab, ESC {@code [31m}, a bidi override) as escapes: no input can
 * start a line of its own, colour the terminal or reorder what is shown.
 */
class EscapeEveryCommandTest {

  /** YAML double-quoted escapes: a line feed, a tab, ESC, a right-to-left override. */
  static final String HOSTILE = "evil\\nFORGED LINE\\t\\e[31mred\\u202Ex";

  /** Anything raw that a terminal acts on or that breaks a line: tabs too, tables use spaces. */
  static final Pattern RAW = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");

  @TempDir static Path dir;

  /** The examples with every model renamed, and one deployment's accelerator renamed too. */
  @BeforeAll
  static void hostileCopies() throws Exception {
    Path examples = Path.of(AnalysisCommandsTest.examples(""));
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String rel = examples.relativize(f).toString();
        String yaml = Files.readString(f, StandardCharsets.UTF_8);
        String renamed =
            yaml.replace("name: 'meta-llama/Llama-3.1-70B-Instruct'", "name: \"" + HOSTILE + "\"");
        if (rel.startsWith("llm-d/h200-aggregated")) {
          renamed = renamed.replace("model: 'NVIDIA-H200'", "model: \"gpu" + HOSTILE + "\"");
        }
        Path copy = dir.resolve(rel);
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, renamed, StandardCharsets.UTF_8);
      }
    }
  }

  static List<String> commands() {
    return List.of(
        "points llm-d",
        "pareto llm-d --by model",
        "pareto llm-d --by accelerator",
        "best llm-d --maximize output_throughput/chip",
        "best llm-d --maximize output_throughput/chip --slo ttft.p90<=1ms",
        "best llm-d --cheapest --pricing spot --slo tpot.mean<=30ms",
        "cost llm-d --pricing spot,on-demand",
        "energy llm-d",
        "compare llm-d",
        "compare llm-d/h100-aggregated-4x-tp2",
        "compare releases/0.3.0 --baseline llm-d",
        "facets llm-d",
        "rank llm-d --measure output_throughput/chip --by model",
        "rank llm-d --measure output_throughput/chip --by accelerator",
        "validate llm-d",
        "reproduce llm-d");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aHostileNameIsEscapedInEveryLine(String command) {
    // sources and baselines are the hostile copies
    String[] args =
        Stream.of(command.split(" "))
            .map(a -> Files.exists(dir.resolve(a)) ? dir.resolve(a).toString() : a)
            .toArray(String[]::new);

    Run r = PrismCliTest.prism(args);

    if (command.startsWith("reproduce")) {
      // several configurations and no --point: the keys are listed, and the choice is the user's
      assertThat(r.code()).as(r.err()).isEqualTo(2);
    } else {
      assertThat(r.code()).as(r.err()).isIn(0, 1);
    }
    for (String stream : List.of(r.out(), r.err())) {
      assertThat(RAW.matcher(stream).find()).as(stream).isFalse();
      // the name's line feed is shown as \n, so its second half never starts a line
      assertThat(
              stream
                  .lines()
                  .filter(l -> l.strip().toLowerCase(java.util.Locale.ROOT).startsWith("forged")))
          .as(stream)
          .isEmpty();
    }
    assertThat(r.out() + r.err()).containsIgnoringCase("evil\\nforged line");
  }

  @ParameterizedTest
  @MethodSource("commandsThatMayLeaveTheModelOut")
  void aHostileNameIsEscapedWhereverItIsShown(String command) {
    String[] args =
        Stream.of(command.split(" "))
            .map(a -> Files.exists(dir.resolve(a)) ? dir.resolve(a).toString() : a)
            .toArray(String[]::new);

    Run r = PrismCliTest.prism(args);

    assertThat(r.code()).as(r.err()).isIn(0, 1);
    assertThat(RAW.matcher(r.out() + r.err()).find()).as(r.out()).isFalse();
    // labels leave out what every configuration shares: the name may not be shown at all
    assertThat(r.out() + r.err()).doesNotContainPattern("(?i)evil(?!\\\\nforged line)");
  }

  static List<String> commandsThatMayLeaveTheModelOut() {
    return List.of(
        "cost llm-d --ranking --slo tpot.mean<=30ms",
        // one configuration on each side: its short label is what sets it apart, not the model
        "compare llm-d/h100-aggregated-4x-tp2 --baseline releases/0.3.0",
        "compare llm-d/h100-aggregated-4x-tp2 --baseline releases/0.3.0 --markdown");
  }
}
