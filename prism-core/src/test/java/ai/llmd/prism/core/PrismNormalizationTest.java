package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.normalize.Normalizer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrismNormalizationTest {

  private static final String TWO_LINES =
      "third-party model=Llama-3.1-70B tps=10\nthird-party model=Acme-7B tps=20\n"
          + "third-party model=Acme-7B tps=30\n";

  @Test
  void everyLoadedPointIsNormalizedAndUnknownNamesAreReportedOnce() {
    LoadResult r = Prism.create().read("pasted", in(TWO_LINES));

    assertThat(r.points())
        .extracting(p -> p.model().id())
        .containsExactly("meta-llama/Llama-3.1-70B-Instruct", "acme-7b", "acme-7b");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
              assertThat(p.file()).isEqualTo("pasted");
              assertThat(p.location()).isEqualTo("line 2");
              assertThat(p.message()).startsWith("model 'Acme-7B' is not in the model registry");
            });
  }

  @Test
  void normalizationCanBeSwitchedOff() {
    Prism raw = Prism.create().withNormalizer(Normalizer.none());
    LoadResult r = raw.read("pasted", in(TWO_LINES));

    assertThat(r.points()).extracting(p -> p.model().resolved()).containsOnly(false);
    assertThat(r.problems()).isEmpty();
    assertThat(raw.withOptions(raw.options().withThreads(1)).normalizer())
        .isSameAs(Normalizer.none());
  }

  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
