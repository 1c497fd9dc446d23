package ai.llmd.prism.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QualityViewTest {

  @Test
  void theExamplesModelJoinsItsOwnArenaEntryAndNoOther() throws Exception {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    LoadResult loaded = Prism.create().load(examples.toString());
    ArenaScores scores;
    try (InputStream in = Files.newInputStream(Fixtures.require("prism/arena_scores.json"))) {
      scores = ArenaScores.read(in);
    }
    Findings f = Findings.builder(loaded).arena(scores).build();
    QualityView q = f.quality();
    assertThat(f.quality()).as("memoised").isSameAs(q);
    assertThat(q.models()).hasSize(f.ranking().groups().size());
    QualityView.Model llama = q.models().get(0);
    assertThat(llama.model()).isEqualTo("meta-llama/Llama-3.1-70B-Instruct");
    // llama-3.1-70b-instruct, not llama-3.1-nemotron-70b-instruct nor llama-3.3-70b-instruct
    assertThat(llama.arenaName()).contains("llama-3.1-70b-instruct");
    assertThat(llama.arena()).isPresent();
    assertThat(q.scored()).isEqualTo(1);
    assertThat(llama.best().value())
        .isEqualTo(f.ranking().groups().get(llama.model()).get(0).value());
    // per point, the overlay scores the points of that model and no other
    for (var p : f.points()) {
      boolean isLlama = p.model().id().equals(llama.model());
      assertThat(f.arenaScore(p).map(ArenaScores.Score::score))
          .as(p.model().id())
          .isEqualTo(isLlama ? llama.arena() : java.util.Optional.empty());
    }
  }

  @Test
  void withoutScoresNoModelIsScored() {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    QualityView q = Findings.of(Prism.create().load(examples.toString())).quality();
    assertThat(q.models()).isNotEmpty().allMatch(m -> m.arena().isEmpty());
    assertThat(q.scored()).isZero();
    Findings f = Findings.of(Prism.create().load(examples.toString()));
    assertThat(f.points()).allMatch(p -> f.arenaScore(p).isEmpty());
  }
}
