package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.core.findings.QualityView;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.formats.DatasetSummary;
import ai.llmd.prism.core.formats.TokenLengths;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The rankings and MLPerf views of {@code prism report} in headless chromium: the numbers the page
 * shows for each group are the ones {@link Mlperf#perAccelerator} and {@link Findings#ranking()}
 * compute in Java on the same files.
 */
class DashboardViewsInBrowserTest {

  @TempDir Path tmp;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    Browser.assumeInstalled();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  Path report(Path input, String... more) {
    Path page = tmp.resolve("report.html");
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("report", input.toString(), "-o", page.toString()));
    args.addAll(List.of(more));
    int code =
        PrismCli.run(
            args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    browser = Browser.start(1280, 1600);
    browser.get(page.toUri().toString());
    return page;
  }

  /** The rows of table {@code id}: see {@link Browser#rows}. */
  List<List<String>> rows(String id, String... cells) {
    return Browser.rows(browser, id, cells);
  }

  void choose(String id, String value) {
    new Select(browser.findElement(By.id(id))).selectByValue(value);
  }

  @Test
  void theMlperfViewShowsMlperfPerAcceleratorForEveryRoundBenchmarkAndScenario() {
    Path dir = Fixtures.require("perfdash/mlperf-data");
    report(dir);
    Browser.awaitReady(browser, "#mlperf-view");
    List<BenchmarkPoint> points = Prism.create().load(dir.toString()).points();
    Ranking<Mlperf.Group> want =
        Mlperf.perAccelerator(points, Metric.OUTPUT_THROUGHPUT, Findings.DEFAULT_TOP);
    assertThat(want.groups()).hasSizeGreaterThan(10);
    List<String> rounds = new ArrayList<>();
    choose("mlperf-metric", Metric.OUTPUT_THROUGHPUT.key());
    for (Map.Entry<Mlperf.Group, List<Ranking.Entry>> g : want.groups().entrySet()) {
      choose("mlperf-round", g.getKey().round());
      choose("mlperf-benchmark", g.getKey().benchmark());
      choose("mlperf-scenario", g.getKey().scenario());
      List<List<String>> expected = new ArrayList<>();
      for (Ranking.Entry e : g.getValue()) {
        expected.add(
            List.of(Integer.toString(e.rank()), e.configuration(), Double.toString(e.value())));
      }
      assertThat(
              rows("mlperf-per-accelerator", "rank", "system", "per-accelerator").stream()
                  .map(
                      r ->
                          List.of(
                              r.get(0), r.get(1), Double.toString(Double.parseDouble(r.get(2)))))
                  .toList())
          .as("%s", g.getKey())
          .isEqualTo(expected);
      if (!rounds.contains(g.getKey().round())) {
        rounds.add(g.getKey().round());
      }
    }
    assertThat(rounds).containsExactlyInAnyOrder("5.0", "5.1", "6.0");
    assertNoConsoleError();
  }

  @Test
  void theRankingsViewShowsFindingsRankingPerGroup() {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    report(examples);
    Browser.awaitReady(browser, "#rankings-view");
    Ranking<String> want = Findings.of(Prism.create().load(examples.toString())).ranking();
    assertThat(want.groups()).isNotEmpty();
    for (Map.Entry<String, List<Ranking.Entry>> g : want.groups().entrySet()) {
      choose("rankings-group", g.getKey());
      List<List<String>> expected = new ArrayList<>();
      for (Ranking.Entry e : g.getValue()) {
        expected.add(List.of(Integer.toString(e.rank()), Double.toString(e.value())));
      }
      assertThat(
              rows("rankings-table", "rank", "value").stream()
                  .map(r -> List.of(r.get(0), Double.toString(Double.parseDouble(r.get(1)))))
                  .toList())
          .as(g.getKey())
          .isEqualTo(expected);
    }
    assertNoConsoleError();
  }

  @Test
  void theDatasetsViewShowsEachSummarysPercentilesAndHistogram() {
    Path summaries = Fixtures.require("perfdash/datasets/summaries");
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    report(examples, "--datasets", summaries.toString());
    Browser.awaitReady(browser, "#datasets-view");
    DatasetSummaries.Result read = DatasetSummaries.read(summaries);
    assertThat(read.summaries()).hasSize(4);
    for (DatasetSummary s : read.summaries()) {
      choose("datasets-name", s.name());
      List<List<String>> stats = rows("datasets-stats", "side", "count", "p50", "p90", "p99");
      List<List<String>> want = new ArrayList<>();
      want.add(lengths("input", s.input()));
      s.output().ifPresent(o -> want.add(lengths("output", o)));
      assertThat(stats).as(s.name()).isEqualTo(want);
      @SuppressWarnings("unchecked")
      List<String> bins =
          (List<String>)
              browser.executeScript(
                  "return Array.from(document.querySelectorAll("
                      + "'#datasets-input-histogram .bin')).map(function(b){"
                      + "return b.getAttribute('data-count');});");
      assertThat(bins)
          .isEqualTo(
              s.input().histogram(40).stream().map(b -> Integer.toString(b.count())).toList());
    }
    assertNoConsoleError();
  }

  @Test
  void thePdViewFollowsTheFacetFiltersOfExplore() {
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    report(examples);
    Browser.awaitReady(browser, "#app");
    Browser.awaitReady(browser, "#pd-filtered-view");
    PdComparison pd = Findings.of(Prism.create().load(examples.toString())).pdVsAggregated();
    assertThat(pdValues()).isEqualTo(pdValues(pd, null));

    browser
        .findElement(By.cssSelector(".facet button[data-facet=accelerator][data-value=H200]"))
        .click();
    List<String> h200 = pdValues(pd, "H200");
    assertThat(h200).isNotEmpty().hasSizeLessThan(pdValues(pd, null).size());
    assertThat(pdValues()).isEqualTo(h200);
    assertNoConsoleError();
  }

  /** The P/D column as shown: the exact value, or "-" where the side has no candidate. */
  List<String> pdValues() {
    return rows("pd-table", "pd-value").stream()
        .map(r -> r.get(0).equals("–") ? "-" : Double.toString(Double.parseDouble(r.get(0))))
        .toList();
  }

  /** The P/D column Java computes for the groups on {@code accelerator} (null: all). */
  static List<String> pdValues(PdComparison pd, String accelerator) {
    List<String> out = new ArrayList<>();
    for (PdComparison.Group g : pd.compared()) {
      boolean on = accelerator == null;
      for (var row : g.rows()) {
        for (var c : java.util.Arrays.asList(row.aggregated(), row.disaggregated())) {
          on |= c != null && Facet.ACCELERATOR.valueOf(c.point()).equals(accelerator);
        }
      }
      if (!on) {
        continue;
      }
      for (var row : g.rows()) {
        out.add(
            row.disaggregated() == null ? "-" : Double.toString(row.disaggregated().objective()));
      }
    }
    return out;
  }

  @Test
  void theQualityViewShowsEachModelsArenaScoreAsFindingsJoinsIt() throws Exception {
    Path scores = Fixtures.require("prism/arena_scores.json");
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    report(examples, "--arena", scores.toString());
    Browser.awaitReady(browser, "#quality-view");
    ArenaScores read;
    try (var in = Files.newInputStream(scores)) {
      read = ArenaScores.read(in);
    }
    QualityView want =
        Findings.builder(Prism.create().load(examples.toString())).arena(read).build().quality();
    List<List<String>> expected = new ArrayList<>();
    for (QualityView.Model m : want.models()) {
      expected.add(
          List.of(
              m.model(),
              m.arena().map(v -> Double.toString(v)).orElse("-"),
              Double.toString(m.best().value())));
    }
    assertThat(
            rows("quality-table", "model", "arena", "value").stream()
                .map(
                    r ->
                        List.of(
                            r.get(0),
                            r.get(1).equals("–")
                                ? "-"
                                : Double.toString(Double.parseDouble(r.get(1))),
                            Double.toString(Double.parseDouble(r.get(2)))))
                .toList())
        .isEqualTo(expected);
    assertThat(want.scored()).isPositive();
    assertNoConsoleError();
  }

  @Test
  void theArenaScoreIsAnExplorerMeasureOfTheModelsItJoinsOnly() throws Exception {
    Path scores = Fixtures.require("prism/arena_scores.json");
    Path examples = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples));
    // the H200 P/D sweep renamed to a model the arena has no entry for
    Path other = Files.createDirectories(tmp.resolve("qwen"));
    try (var files = Files.list(examples.resolve("llm-d/h200-disaggregated-1p1d-tp4"))) {
      for (Path p : files.toList()) {
        Files.writeString(
            other.resolve(p.getFileName()),
            Files.readString(p).replace("meta-llama/Llama-3.1-70B-Instruct", "Qwen/Qwen3-0.6B"));
      }
    }
    report(examples, other.toString(), "--arena", scores.toString());
    Browser.awaitReady(browser, "#app");
    Findings f;
    try (var in = Files.newInputStream(scores)) {
      f =
          Findings.builder(Prism.create().load(examples.toString(), other.toString()))
              .arena(ArenaScores.read(in))
              .build();
    }
    Measure y = Measure.parse("output_throughput/chip");
    long scoredWithY =
        f.points().stream()
            .filter(p -> y.valueOf(p).isPresent() && f.arenaScore(p).isPresent())
            .count();
    Set<String> joined = new TreeSet<>();
    f.points().forEach(p -> f.arenaScore(p).ifPresent(s -> joined.add(Double.toString(s.score()))));
    assertThat(scoredWithY).isPositive();
    assertThat(f.points()).anyMatch(p -> f.arenaScore(p).isEmpty());

    choose("y", "output_throughput.mean/chip");
    choose("x", "arena");
    assertThat(browser.findElement(By.id("plot")).getDomAttribute("data-points"))
        .isEqualTo(Long.toString(scoredWithY));
    assertThat(browser.findElement(By.id("status")).getText())
        .contains("of models without an arena score");
    // the table: a joined model's rows carry its score; another model's rows carry none
    String scored =
        Facet.MODEL.valueOf(
            f.points().stream().filter(p -> f.arenaScore(p).isPresent()).findFirst().orElseThrow());
    String unscored =
        Facet.MODEL.valueOf(
            f.points().stream().filter(p -> f.arenaScore(p).isEmpty()).findFirst().orElseThrow());
    modelFacet(scored);
    Set<String> shown = new TreeSet<>();
    rows("points-table", "x")
        .forEach(r -> shown.add(Double.toString(Double.parseDouble(r.get(0)))));
    assertThat(shown).isEqualTo(joined);
    modelFacet(scored);
    modelFacet(unscored);
    assertThat(rows("points-table", "x")).isNotEmpty().allMatch(r -> r.get(0).equals("–"));
    assertThat(browser.findElement(By.id("plot")).getDomAttribute("data-points")).isEqualTo("0");
    assertNoConsoleError();
  }

  void modelFacet(String model) {
    for (var b : browser.findElements(By.cssSelector(".facet button[data-facet=model]"))) {
      if (model.equals(b.getDomAttribute("data-value"))) {
        b.click();
        return;
      }
    }
    throw new AssertionError("no model facet button for " + model);
  }

  static List<String> lengths(String side, TokenLengths t) {
    return List.of(
        side,
        Integer.toString(t.count()),
        Integer.toString(t.percentile(50)),
        Integer.toString(t.percentile(90)),
        Integer.toString(t.percentile(99)));
  }

  void assertNoConsoleError() {
    assertThat(Browser.consoleProblems(browser)).isEmpty();
  }
}
