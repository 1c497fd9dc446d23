package ai.llmd.prism.core.analysis;

import static ai.llmd.prism.core.analysis.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static BenchmarkPoint p(String acc, String engine, double conc) {
    return point(acc + engine + conc)
        .accelerators(acc, 8)
        .engine(engine, "1.0")
        .role(Role.Kind.AGGREGATED, 1, 8)
        .lengths(1000, 1000)
        .concurrency(conc)
        .mean(Metric.OUTPUT_THROUGHPUT, conc * 10)
        .build();
  }

  private final BenchmarkPoint a64 = p("H100", "vLLM", 64);
  private final BenchmarkPoint a8 = p("H100", "vLLM", 8);
  private final BenchmarkPoint b1 = p("H100", "SGLang", 1);
  private final BenchmarkPoint c1 = p("B200", "vLLM", 1);
  private final BenchmarkPoint c16 = p("B200", "vLLM", 16);
  private final BenchmarkPoint c2 = p("B200", "vLLM", 2);
  private final Catalog catalog = Catalog.of(List.of(a64, a8, b1, c1, c16, c2));

  @Test
  void agreedFacetsAreTheOnesAllPointsShare() {
    List<Facet> fs = List.of(Facet.ACCELERATOR, Facet.ENGINE, Facet.HARNESS);
    assertThat(Facet.agreed(fs, List.of(a64, a8)))
        .containsExactly(
            entry("accelerator", "H100"), entry("engine", "vLLM"), entry("harness", "unknown"));
    assertThat(Facet.agreed(fs, List.of(a64, b1)))
        .containsExactly(entry("accelerator", "H100"), entry("harness", "unknown"));
    assertThat(Facet.agreed(fs, List.of())).isEmpty();
  }

  @Test
  void countsDistinctConfigurationsUnderTheOtherActiveFilters() {
    assertThat(catalog.all().counts(Facet.ACCELERATOR))
        .containsExactly(entry("B200", 1), entry("H100", 2));
    assertThat(catalog.all().counts(Facet.ENGINE))
        .containsExactly(entry("SGLang", 1), entry("vLLM", 2));

    Catalog.Selection h100 = catalog.where(Facet.ACCELERATOR, "H100");
    // A facet's own filter does not narrow its counts, the others' do.
    assertThat(h100.counts(Facet.ACCELERATOR)).containsExactly(entry("B200", 1), entry("H100", 2));
    assertThat(h100.counts(Facet.ENGINE)).containsExactly(entry("SGLang", 1), entry("vLLM", 1));

    Catalog.Selection both = h100.where(Facet.ENGINE, "vLLM");
    assertThat(both.counts(Facet.ACCELERATOR)).containsExactly(entry("B200", 1), entry("H100", 1));
    assertThat(both.counts(Facet.ENGINE)).containsExactly(entry("SGLang", 1), entry("vLLM", 1));
    assertThat(both.points()).containsExactly(a8, a64);
    assertThat(both.clear(Facet.ACCELERATOR).points()).containsExactly(c1, c2, c16, a8, a64);
    assertThat(both.filters()).containsOnlyKeys(Facet.ACCELERATOR, Facet.ENGINE);
  }

  @Test
  void groupsIntoSeriesInLoadOrderWhateverTheInputOrder() {
    List<BenchmarkPoint> shuffled = new ArrayList<>(catalog.points());
    Collections.shuffle(shuffled, new java.util.Random(7));

    List<Series> series = Catalog.of(shuffled).all().series();

    assertThat(series).extracting(s -> s.points().size()).containsExactly(3, 1, 2);
    assertThat(series.get(0).points()).containsExactly(c1, c2, c16);
    assertThat(series.get(0).configuration().key())
        .isEqualTo(
            "llama-3.1-8b | accelerator=B200 | count=8 | engine=vLLM | version=1.0"
                + " | roles=1A-TP8-x8 | isl=~1k | osl=~1k");
    assertThat(Catalog.of(shuffled).points()).isEqualTo(catalog.points());
  }

  @Test
  void unknownValuesSortLastAndNumbersByValue() {
    BenchmarkPoint unknownAcc = point("u").mean(Metric.OUTPUT_THROUGHPUT, 1).build();
    BenchmarkPoint two = point("two").accelerators("H100", 2).build();
    BenchmarkPoint sixteen = point("16").accelerators("H100", 16).build();

    Catalog c = Catalog.of(List.of(unknownAcc, sixteen, two));

    assertThat(c.all().counts(Facet.ACCELERATOR_COUNT).keySet())
        .containsExactly("2", "16", Facet.UNKNOWN);
    assertThat(Catalog.NATURAL.compare("~128", "~1k")).isNegative();
    assertThat(Catalog.NATURAL.compare("~8k", "~128k+")).isNegative();
  }

  @Test
  void customAndLabelFacetsWorkLikeBuiltIns() {
    BenchmarkPoint r1 = point("r1").label("release", "3.4").build();
    BenchmarkPoint r2 = point("r2").label("release", "3.10").build();
    Facet release = Facet.label("release");

    Catalog c = Catalog.of(List.of(r1, r2), List.of(Facet.MODEL, release));

    assertThat(c.all().counts(release).keySet()).containsExactly("3.4", "3.10");
    assertThat(c.where(release, "3.10").points()).containsExactly(r2);
    assertThatThrownBy(() -> c.where(Facet.ENGINE, "vLLM")).hasMessageContaining("no facet engine");
  }

  @Test
  void facetsOfThePdSweep() {
    Catalog c = Catalog.of(LlmdBenchmarksJson.load());

    assertThat(c.all().series()).hasSize(19).allSatisfy(s -> assertThat(s.points()).hasSize(6));
    assertThat(c.all().counts(Facet.ARCHITECTURE))
        .containsExactly(entry("aggregated", 14), entry("disaggregated", 5));
    assertThat(c.all().counts(Facet.ACCELERATOR_COUNT))
        .containsExactly(
            entry("2", 1),
            entry("4", 2),
            entry("6", 1),
            entry("8", 3),
            entry("10", 1),
            entry("12", 2),
            entry("14", 1),
            entry("16", 8));

    Catalog.Selection disagg = c.where(Facet.ARCHITECTURE, "disaggregated");
    assertThat(disagg.counts(Facet.ACCELERATOR_COUNT)).containsEntry("16", 5).containsEntry("2", 0);
    assertThat(disagg.counts(Facet.PD_RATIO))
        .containsExactly(
            entry("1:1", 1),
            entry("1:3", 1),
            entry("2:1", 1),
            entry("2:2", 1),
            entry("3:1", 1),
            entry("aggregated", 0));
    assertThat(disagg.counts(Facet.TP))
        .containsEntry("P:TP4 D:TP8", 1)
        .containsEntry("TP4", 3)
        .containsEntry("TP8", 1)
        .containsEntry("TP2", 0);
    assertThat(disagg.where(Facet.PD_RATIO, "1:1").counts(Facet.ARCHITECTURE))
        .containsExactly(entry("aggregated", 0), entry("disaggregated", 1));
    assertThat(disagg.points()).hasSize(30);
  }
}
