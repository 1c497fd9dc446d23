package ai.llmd.prism.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.findings.DatasetViews;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.MlperfViews;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.core.findings.QualityView;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.formats.DatasetSummary;
import ai.llmd.prism.core.formats.TokenLengths;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rankings and MLPerf data the page embeds are the findings', entry for entry. */
class DashboardViewsTest {

  static JsonNode block(String html, String id) throws Exception {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/octet-stream\" id=\""
                    + id
                    + "-data\" data-encoding=\"gzip\\+base64\">([A-Za-z0-9+/=]*)</script>")
            .matcher(html);
    assertThat(m.find()).as("the %s data block", id).isTrue();
    return new ObjectMapper().readTree(Packing.unpacked(m.group(1)));
  }

  @Test
  void theMlperfBlockHoldsFindingsMlperfOnTheThreeRounds() throws Exception {
    LoadResult loaded = Prism.create().load(Fixtures.require("perfdash/mlperf-data").toString());
    String html = HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml();
    JsonNode d = block(html, DashboardViews.MLPERF);
    MlperfViews want = Findings.of(loaded).mlperf();
    assertThat(d.get("points").asInt()).isEqualTo(want.mlperfPoints()).isPositive();

    Iterator<JsonNode> metrics = d.get("perAccelerator").elements();
    for (Map.Entry<Metric, Ranking<Mlperf.Group>> m : want.perAccelerator().entrySet()) {
      JsonNode metric = metrics.next();
      assertThat(metric.get("metric").asText()).isEqualTo(m.getKey().key());
      Iterator<JsonNode> groups = metric.get("groups").elements();
      for (Map.Entry<Mlperf.Group, List<Ranking.Entry>> g : m.getValue().groups().entrySet()) {
        JsonNode group = groups.next();
        assertThat(
                List.of(
                    group.get("round").asText(),
                    group.get("benchmark").asText(),
                    group.get("scenario").asText()))
            .isEqualTo(List.of(g.getKey().round(), g.getKey().benchmark(), g.getKey().scenario()));
        assertThat(group.get("entries")).hasSize(g.getValue().size());
        for (int i = 0; i < g.getValue().size(); i++) {
          Ranking.Entry e = g.getValue().get(i);
          JsonNode row = group.get("entries").get(i);
          assertThat(row.get(0).asInt()).isEqualTo(e.rank());
          assertThat(row.get(1).asText()).isEqualTo(e.configuration());
          assertThat(row.get(5).asDouble()).isEqualTo(e.value());
          // the result divided by the chip count is the value ranked
          assertThat(row.get(4).asDouble() / row.get(3).asDouble()).isEqualTo(e.value());
        }
      }
      assertThat(groups.hasNext()).isFalse();
    }
    assertThat(metrics.hasNext()).isFalse();

    assertThat(d.get("degradation")).hasSize(want.degradation().drops().size());
    for (int i = 0; i < want.degradation().drops().size(); i++) {
      Mlperf.Degradation x = want.degradation().drops().get(i);
      JsonNode row = d.get("degradation").get(i);
      assertThat(row.get(3).asText()).isEqualTo(x.system());
      assertThat(row.get(6).asDouble()).isEqualTo(x.dropPercent());
    }
    assertThat(d.get("rounds")).hasSize(want.rounds().tracks().size()).isNotEmpty();
    for (int i = 0; i < want.rounds().tracks().size(); i++) {
      Mlperf.Track t = want.rounds().tracks().get(i);
      JsonNode track = d.get("rounds").get(i);
      assertThat(track.get("steps")).hasSize(t.steps().size());
      for (int k = 0; k < t.steps().size(); k++) {
        assertThat(track.get("steps").get(k).get(4).asDouble())
            .isEqualTo(t.steps().get(k).changePercent());
      }
    }
  }

  @Test
  void theRankingsBlockHoldsFindingsRanking() throws Exception {
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html = HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml();
    JsonNode d = block(html, DashboardViews.RANKINGS);
    Ranking<String> want = Findings.of(loaded).ranking();
    assertThat(d.get("groups")).hasSize(want.groups().size()).isNotEmpty();
    Iterator<JsonNode> groups = d.get("groups").elements();
    for (Map.Entry<String, List<Ranking.Entry>> g : want.groups().entrySet()) {
      JsonNode group = groups.next();
      assertThat(group.get("group").asText()).isEqualTo(g.getKey());
      assertThat(group.get("entries")).hasSize(g.getValue().size());
      for (int i = 0; i < g.getValue().size(); i++) {
        assertThat(group.get("entries").get(i).get(0).asInt())
            .isEqualTo(g.getValue().get(i).rank());
        assertThat(group.get("entries").get(i).get(2).asDouble())
            .isEqualTo(g.getValue().get(i).value());
      }
    }
  }

  @Test
  void withoutMlperfPointsTheMlperfSectionIsAOneLineNote() {
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html = HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml();
    assertThat(HtmlReportTest.section(html, DashboardViews.MLPERF))
        .contains("class=\"omitted\"")
        .contains("no point was read from an MLPerf export")
        .doesNotContain("mlperf-data");
  }

  @Test
  void theDatasetsBlockHoldsEachSummarysPercentilesAndBins() throws Exception {
    DatasetSummaries.Result read =
        DatasetSummaries.read(Fixtures.require("perfdash/mlperf-data/summaries"));
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html =
        HtmlReport.of(
                Findings.builder(loaded).datasets(read).build(), HtmlReport.Options.defaults())
            .toHtml();
    JsonNode d = block(html, DashboardViews.DATASETS);
    assertThat(d.get("datasets")).hasSize(read.summaries().size()).hasSizeGreaterThan(3);
    for (int i = 0; i < read.summaries().size(); i++) {
      DatasetSummary s = read.summaries().get(i);
      JsonNode ds = d.get("datasets").get(i);
      assertThat(ds.get("name").asText()).isEqualTo(s.name());
      JsonNode in = ds.get("input");
      assertThat(in.get("count").asInt()).isEqualTo(s.input().count());
      assertThat(in.get("percentiles").get("p90").asInt()).isEqualTo(s.input().percentile(90));
      assertThat(in.get("percentiles").get("p99").asInt()).isEqualTo(s.input().percentile(99));
      List<TokenLengths.Bin> bins = s.input().histogram(DatasetViews.BINS);
      for (int b = 0; b < bins.size(); b++) {
        assertThat(in.get("bins").get(b).get(2).asInt()).isEqualTo(bins.get(b).count());
        assertThat(in.get("bins").get(b).get(0).asDouble()).isEqualTo(bins.get(b).lower());
      }
      assertThat(ds.has("output")).isEqualTo(s.output().isPresent());
    }
  }

  @Test
  void withoutDatasetsTheDatasetsSectionSaysHowToGiveThem() {
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html = HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml();
    assertThat(HtmlReportTest.section(html, DashboardViews.DATASETS))
        .contains("class=\"omitted\"")
        .contains("--datasets DIR");
  }

  @Test
  void thePdBlockHoldsFindingsPdComparisonWithEachGroupsFacets() throws Exception {
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html = HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml();
    JsonNode d = block(html, DashboardViews.PD);
    PdComparison want = Findings.of(loaded).pdVsAggregated();
    assertThat(d.get("groups")).hasSize(want.compared().size()).isNotEmpty();
    for (int i = 0; i < want.compared().size(); i++) {
      PdComparison.Group g = want.compared().get(i);
      JsonNode group = d.get("groups").get(i);
      assertThat(group.get("workload").asText()).isEqualTo(g.workload().key());
      assertThat(group.get("facets").get("model").asText()).isNotEmpty();
      // the architecture differs between the two sides, so it is no facet of the group
      assertThat(group.get("facets").has("architecture")).isFalse();
      assertThat(group.get("rows")).hasSize(g.rows().size());
      for (int k = 0; k < g.rows().size(); k++) {
        var row = g.rows().get(k);
        JsonNode got = group.get("rows").get(k);
        assertThat(got.get(0).asDouble()).isEqualTo(row.latencyTarget());
        if (row.aggregated() != null) {
          assertThat(got.get(3).asDouble()).isEqualTo(row.aggregated().objective());
        } else {
          assertThat(got.get(3).isNull()).isTrue();
        }
        if (row.disaggregated() != null) {
          assertThat(got.get(6).asDouble()).isEqualTo(row.disaggregated().objective());
        } else {
          assertThat(got.get(6).isNull()).isTrue();
        }
      }
    }
  }

  @Test
  void theQualityBlockHoldsEachModelsArenaScoreAndBestConfiguration() throws Exception {
    ArenaScores scores;
    try (var in = java.nio.file.Files.newInputStream(Fixtures.require("prism/arena_scores.json"))) {
      scores = ArenaScores.read(in);
    }
    LoadResult loaded = Prism.create().load(HtmlReportTest.examples().toString());
    String html =
        HtmlReport.of(Findings.builder(loaded).arena(scores).build(), HtmlReport.Options.defaults())
            .toHtml();
    JsonNode d = block(html, DashboardViews.QUALITY);
    QualityView want = Findings.builder(loaded).arena(scores).build().quality();
    assertThat(d.get("models")).hasSize(want.models().size()).isNotEmpty();
    for (int i = 0; i < want.models().size(); i++) {
      QualityView.Model m = want.models().get(i);
      JsonNode row = d.get("models").get(i);
      assertThat(row.get(0).asText()).isEqualTo(m.model());
      assertThat(row.get(1).isNull() ? null : row.get(1).asDouble())
          .isEqualTo(m.arena().orElse(null));
      assertThat(row.get(4).asDouble()).isEqualTo(m.best().value());
    }
    assertThat(HtmlReport.of(Findings.of(loaded), HtmlReport.Options.defaults()).toHtml())
        .contains("No arena scores given");
  }
}
