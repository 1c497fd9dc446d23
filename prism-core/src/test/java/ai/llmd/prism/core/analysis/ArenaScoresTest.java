package ai.llmd.prism.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.normalize.ModelRegistry;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ArenaScoresTest {

  private static final ModelRegistry REGISTRY = ModelRegistry.builtIn();

  private static ArenaScores sample() throws IOException {
    try (InputStream in =
        ArenaScoresTest.class.getResourceAsStream(
            "/ai/llmd/prism/core/analysis/arena-scores-sample.json")) {
      return ArenaScores.read(in, "arena-scores-sample.json", REGISTRY);
    }
  }

  private static OptionalDouble score(ArenaScores s, String modelAsWritten) {
    Optional<ArenaScores.Score> hit = s.scoreOf(REGISTRY.resolve(modelAsWritten));
    return hit.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(hit.get().score());
  }

  @Test
  void deepseekVersionsStayDistinctModels() throws IOException {
    ArenaScores s = sample();

    // the reference product strips the version and gives all three one key ("deepseek")
    assertThat(score(s, "deepseek-ai/DeepSeek-V3")).hasValue(1358);
    assertThat(score(s, "deepseek-ai/DeepSeek-V3.1")).hasValue(1418);
    assertThat(score(s, "deepseek-ai/DeepSeek-V2.5")).hasValue(1307);
    assertThat(s.scoreOf(REGISTRY.resolve("deepseek-ai/DeepSeek-V3.1")).orElseThrow().name())
        .isEqualTo("deepseek-v3.1");
    // a model with no entry of its own gets none, not a sibling's
    assertThat(score(s, "deepseek-ai/DeepSeek-V3.2")).isEmpty();
    assertThat(score(s, "deepseek-ai/DeepSeek-R1")).isEmpty();
  }

  @Test
  void neverJoinsByPrefixOrSubstring() throws IOException {
    ArenaScores s = sample();

    assertThat(score(s, "Qwen/Qwen3-30B-A3B")).hasValue(1328);
    assertThat(s.problems())
        .contains(
            Problem.info(
                "arena-scores-sample.json",
                "/qwen3-30b-a3b-instruct-2507",
                "'qwen3-30b-a3b-instruct-2507' is not in the model registry; not joined (add an"
                    + " alias to join it)"),
            Problem.info(
                "arena-scores-sample.json",
                "/deepseek-v3.1-thinking",
                "'deepseek-v3.1-thinking' is not in the model registry; not joined (add an alias"
                    + " to join it)"));
    // an unresolved model joins nothing, even when its raw name equals an entry's
    assertThat(s.scoreOf(ModelRef.unresolved("qwen3-30b-a3b-instruct-2507"))).isEmpty();
  }

  @Test
  void precisionsAreKeptApartAndNamesOfOneModelAreNotGuessedBetween() throws IOException {
    ArenaScores s = sample();

    assertThat(score(s, "meta-llama/Llama-3.1-405B-Instruct-FP8")).hasValue(1333);
    assertThat(score(s, "meta-llama/Llama-3.1-405B-Instruct-bf16")).hasValue(1335);
    assertThat(score(s, "meta-llama/Llama-3.1-405B-Instruct")).isEmpty();
    // gpt-oss-120b-instruct is a registry alias of openai/gpt-oss-120b: two scores, neither joins
    assertThat(score(s, "openai/gpt-oss-120b")).isEmpty();
    assertThat(s.problems())
        .contains(
            Problem.warning(
                "arena-scores-sample.json",
                "",
                "'gpt-oss-120b', 'gpt-oss-120b-instruct' all resolve to openai/gpt-oss-120b; none"
                    + " of them is joined"));
  }

  @Test
  void badEntriesAreReportedAndTheRestRead() throws IOException {
    ArenaScores s = sample();

    assertThat(s.scores()).hasSize(10);
    assertThat(s.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.WARNING)
        .extracting(Problem::location, Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "/llama-3.1-8b-instruct/arena_score_text",
                "not a number: \"high\"; entry not read"),
            org.assertj.core.groups.Tuple.tuple(
                "/gemma-3-27b-it/arena_score_text", "missing; entry not read"));
    ArenaScores broken =
        ArenaScores.read(
            new ByteArrayInputStream("[1, 2".getBytes(StandardCharsets.UTF_8)), "x.json", REGISTRY);
    assertThat(broken.scores()).isEmpty();
    assertThat(broken.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR));
  }

  @Test
  void theRealArenaFileJoinsTheModelsItNames() throws IOException {
    ArenaScores s;
    try (InputStream in = Files.newInputStream(Fixtures.require("prism/arena_scores.json"))) {
      s = ArenaScores.read(in);
    }

    assertThat(s.scores()).hasSize(316);
    assertThat(score(s, "meta-llama/Llama-3.1-70B-Instruct")).hasValue(1293);
    assertThat(score(s, "meta-llama/Llama-3.1-8B-Instruct")).hasValue(1211);
    assertThat(score(s, "Qwen/Qwen3-235B-A22B-Instruct-2507")).hasValue(1422);
    assertThat(score(s, "Qwen/Qwen3-235B-A22B")).hasValue(1375);
    assertThat(score(s, "openai/gpt-oss-120b")).hasValue(1354);
    assertThat(score(s, "google/gemma-3-27b-it")).hasValue(1365);
    assertThat(score(s, "mistralai/Mixtral-8x7B-Instruct-v0.1")).hasValue(1197);
    // the §7.2 collision: three versions, three scores
    assertThat(score(s, "deepseek-ai/DeepSeek-V3")).hasValue(1358);
    assertThat(score(s, "deepseek-ai/DeepSeek-V3.1")).hasValue(1418);
    assertThat(score(s, "deepseek-ai/DeepSeek-V2.5")).hasValue(1307);
    assertThat(score(s, "deepseek-ai/DeepSeek-V3.2")).hasValue(1420);
    // MLPerf's benchmark name resolves to the chat model the arena scored
    assertThat(score(s, "llama2-70b-99")).hasValue(1171);
    // names the registry does not know are reported, one INFO each, not guessed
    assertThat(s.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.INFO)
        .hasSize((int) s.scores().stream().filter(x -> !x.model().resolved()).count())
        .anySatisfy(p -> assertThat(p.location()).isEqualTo("/deepseek-v3.2-exp"));
  }
}
