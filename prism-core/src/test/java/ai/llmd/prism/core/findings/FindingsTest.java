package ai.llmd.prism.core.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings over the project's illustrative examples/ data: what each part answers. */
class FindingsTest {

  static Path examples() {
    Path ex = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(ex), "the project's examples/ directory is absent: " + ex);
    return ex;
  }

  static LoadResult load(Path... dirs) {
    return Prism.create().load(List.of(dirs).stream().map(Path::toString).toArray(String[]::new));
  }

  @Test
  void pointsOfOneSweepAreOneConfigurationAndAVersionMakesAnother() {
    LoadResult r = load(examples().resolve("llm-d"), examples().resolve("releases/0.3.0"));
    List<Series> series = Catalog.of(r.points()).all().series();
    for (Series s : series) {
      // every load level of one directory is one configuration
      assertThat(s.points()).allMatch(p -> Configuration.of(p).equals(s.configuration()));
      assertThat(s.points()).extracting(Configuration::loadLevel).doesNotHaveDuplicates();
    }
    // the 0.3.0 release differs from the current h100 aggregated run only in its engine version
    List<Configuration> h100agg =
        series.stream()
            .map(Series::configuration)
            .filter(c -> c.acceleratorLabel().startsWith("H100"))
            .filter(c -> c.deployment().architecture() == Architecture.AGGREGATED)
            .toList();
    assertThat(h100agg).hasSize(2);
    assertThat(h100agg.get(0)).isNotEqualTo(h100agg.get(1));
    assertThat(h100agg.get(0).withoutEngineVersion())
        .isEqualTo(h100agg.get(1).withoutEngineVersion());
    // aggregated and disaggregated H100 serving are one workload group
    assertThat(
            series.stream()
                .map(s -> s.configuration().workloadGroup())
                .filter(g -> g.accelerator().startsWith("H100"))
                .distinct())
        .hasSize(1);
  }

  @Test
  void pdGroupsKeepOneSidedWorkloadsAndSaySo() {
    Findings both = Findings.of(load(examples().resolve("llm-d")));
    assertThat(both.pdVsAggregated().groups())
        .isNotEmpty()
        .allMatch(g -> g.sides() == PdComparison.Sides.BOTH);
    assertThat(both.pdVsAggregated().compared()).hasSameSizeAs(both.pdVsAggregated().groups());

    Findings oneSided = Findings.of(load(examples().resolve("llm-d/h100-aggregated-4x-tp2")));
    PdComparison pd = oneSided.pdVsAggregated();
    assertThat(pd.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.sides()).isEqualTo(PdComparison.Sides.AGGREGATED_ONLY);
              assertThat(g.rows()).allMatch(row -> row.disaggregated() == null);
            });
    assertThat(pd.compared()).isEmpty();
    assertThat(pd.targets()).isEqualTo(Findings.DEFAULT_LATENCY_TARGETS);
  }

  @Test
  void winnersAreTheBestFeasibleConfigurationsUnderTheSlo() {
    Findings f = Findings.builder(load(examples().resolve("llm-d"))).slo("tpot.mean<=30ms").build();
    Winners w = f.winners();
    assertThat(w.unit()).isEqualTo("tokens/s per chip");
    assertThat(w.winner()).isPresent();
    List<Double> values = w.ranked().stream().map(Optimum.Candidate::objective).toList();
    assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    for (Optimum.Candidate c : w.ranked()) {
      assertThat(c.point().metrics().mean(ai.llmd.prism.api.Metric.TPOT).orElseThrow())
          .isLessThanOrEqualTo(30.0);
      assertThat(w.infeasible()).doesNotContainKey(c.configuration());
    }
    // asked twice, computed once: the very same object
    assertThat(f.winners()).isSameAs(w);
  }

  @Test
  void everyPointIsPricedOrSaysWhyPerPricingModel() {
    Findings f =
        Findings.builder(load(examples().resolve("llm-d"), examples().resolve("giq")))
            .pricing(List.of(PricingModel.SPOT, PricingModel.ON_DEMAND))
            .build();
    Costs c = f.costs();
    assertThat(c.models()).containsExactly(PricingModel.SPOT, PricingModel.ON_DEMAND);
    for (Costs.ForModel m : c.byModel().values()) {
      assertThat(m.points()).hasSize(f.points().size());
      long unpriced = m.points().stream().filter(p -> p.estimate() == null).count();
      assertThat(m.noPrice().stream().mapToInt(n -> n.points().size()).sum())
          .isEqualTo((int) unpriced);
      assertThat(m.noPrice()).allMatch(n -> !n.reason().isBlank());
      for (Costs.PricedCandidate pc : m.cheapest()) {
        assertThat(pc.estimate().perMillion(ai.llmd.prism.core.analysis.CostEstimate.Tokens.OUTPUT))
            .hasValue(pc.candidate().objective());
      }
    }
    // the GKE Inference Quickstart example states its costs: those are priced, not estimated
    assertThat(c.byModel().get(PricingModel.SPOT).points())
        .filteredOn(p -> "giq".equals(p.point().provenance().format()))
        .isNotEmpty()
        .allMatch(p -> p.estimate() != null && !p.estimate().estimated());
  }

  @Test
  void baselineFilesLeaveTheAnalysisAndRegressionListsWhatIsUnmatched() {
    LoadResult all = load(examples());
    LoadResult base = load(examples().resolve("releases/0.3.0"));
    Findings f = Findings.builder(all).baseline(base).build();
    assertThat(f.sources().leftOutAsBaseline()).isEqualTo(base.points().size());
    assertThat(f.points()).hasSize(all.points().size() - base.points().size());
    var rr = f.regression().orElseThrow();
    assertThat(rr.changes()).isNotEmpty();
    assertThat(rr.changes()).allMatch(ch -> !ch.configuration().key().contains("version="));
    assertThat(Findings.of(all).regression()).isEmpty();
  }

  @Test
  void facetCountsAreTheCatalogsAndLabelsAreUnique() {
    LoadResult r = load(examples().resolve("llm-d"));
    Findings f =
        Findings.builder(r)
            .facetFilter(ai.llmd.prism.core.analysis.Facet.ARCHITECTURE, List.of("aggregated"))
            .build();
    var catalog =
        Catalog.of(r.points())
            .all()
            .where(ai.llmd.prism.core.analysis.Facet.ARCHITECTURE, "aggregated");
    assertThat(f.facets().points()).isEqualTo(catalog.points().size());
    assertThat(f.facets().facets().get("accelerator"))
        .extracting(FacetCounts.ValueCount::value, FacetCounts.ValueCount::count)
        .containsExactlyElementsOf(
            catalog.counts(ai.llmd.prism.core.analysis.Facet.ACCELERATOR).entrySet().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
                .toList());
    Labels labels = Findings.of(r).labels();
    assertThat(labels.names().values()).doesNotHaveDuplicates().allMatch(n -> n.contains("×"));
  }

  @Test
  void problemsGroupByKindWithoutMatchingText() {
    Problem plain = Problem.error("f.json", "/a", "broken");
    assertThat(plain.kind()).isEqualTo(Problem.Kind.GENERAL);
    Problem limit = plain.withKind(Problem.Kind.LIMIT);
    LoadResult r = new LoadResult(List.<BenchmarkPoint>of(), List.of(plain, limit, plain));
    SourcesSummary s = Findings.of(r).sources();
    assertThat(s.byKind().get(Problem.Kind.GENERAL)).hasSize(2);
    assertThat(s.byKind().get(Problem.Kind.LIMIT)).containsExactly(limit);
    assertThat(s.count(Problem.Severity.ERROR)).isEqualTo(3);
  }
}
