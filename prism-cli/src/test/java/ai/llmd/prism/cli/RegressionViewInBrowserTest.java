package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The regression view of {@code prism report examples/llm-d --baseline B} in headless chromium
 * follows the explorer's facet filters: after a facet click its rows and its geometric mean per
 * measure are those {@link RegressionReport} gives for the configurations on that facet value.
 */
class RegressionViewInBrowserTest {

  @TempDir Path tmp;
  ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * A baseline of two matched configurations: the examples' previous release of H100 aggregated,
   * and the H200 P/D sweep as an earlier version whose mean values were each 10 % higher.
   */
  static Path baseline(Path examples, Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(examples.resolve("releases/0.3.0"))) {
      for (Path p : old.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Pattern mean = Pattern.compile("(\\bmean: )([0-9.]+)");
    try (Stream<Path> h200 = Files.list(examples.resolve("llm-d/h200-disaggregated-1p1d-tp4"))) {
      for (Path p : h200.toList()) {
        String yaml = Files.readString(p).replace(":0.3.1'", ":0.3.0'");
        Matcher m = mean.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          double v = Double.parseDouble(m.group(2)) * 1.1;
          m.appendReplacement(out, m.group(1) + String.format(Locale.ROOT, "%.6f", v));
        }
        m.appendTail(out);
        Files.writeString(dir.resolve("h200-" + p.getFileName()), out.toString());
      }
    }
    return dir;
  }

  /** The rows of table {@code id}: see {@link Browser#rows}. */
  List<List<String>> rows(String id, String... cells) {
    return Browser.rows(browser, id, cells);
  }

  /** The changes Java keeps, as the view's rows [name, measure, change %], sorted. */
  static List<List<String>> changes(RegressionReport rr, Predicate<RegressionReport.Change> keep) {
    Labels names = Labels.of(rr.configurations());
    List<List<String>> out = new ArrayList<>();
    for (RegressionReport.Change c : rr.changes()) {
      if (c.verdict() != RegressionReport.Verdict.NO_DATA && keep.test(c)) {
        out.add(
            List.of(
                names.name(c.configuration()),
                Labels.measure(c.measure()),
                Double.toString(c.percentChange())));
      }
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  List<List<String>> shownChanges() {
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : rows("regression-table", "configuration", "measure", "change")) {
      out.add(List.of(r.get(0), r.get(1), Double.toString(Double.parseDouble(r.get(2)))));
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** The geometric means shown equal Java's for the kept configurations, measure by measure. */
  void assertGeomeans(RegressionReport rr, Predicate<RegressionReport.Change> keep) {
    List<RegressionReport.Geomean> want = rr.geomeans(keep);
    List<List<String>> shown = rows("regression-geomeans", "measure", "configurations", "change");
    assertThat(shown).hasSize(want.size());
    for (int i = 0; i < want.size(); i++) {
      RegressionReport.Geomean g = want.get(i);
      assertThat(shown.get(i).get(0)).isEqualTo(Labels.measure(g.measure()));
      assertThat(Integer.parseInt(shown.get(i).get(1))).isEqualTo(g.configurations());
      if (g.configurations() == 0) {
        assertThat(shown.get(i).get(2)).isEqualTo("–");
      } else {
        // the page takes its logarithms in JavaScript: equal to the last bits
        assertThat(Double.parseDouble(shown.get(i).get(2)))
            .as(g.measure().toString())
            .isCloseTo(g.percentChange(), within(1e-9));
      }
    }
  }

  static Predicate<RegressionReport.Change> on(String accelerator) {
    return c -> Facet.ACCELERATOR.valueOf(c.candidatePoints().get(0)).equals(accelerator);
  }

  @Test
  void aFacetClickFiltersTheRowsAndTheGeometricMeansAsRegressionReportDoes() throws Exception {
    Browser.assumeInstalled();
    Path examples = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(examples), "examples/ absent: " + examples);
    Path current = examples.resolve("llm-d");
    Path base = baseline(examples, tmp.resolve("baseline"));
    Path page = tmp.resolve("report.html");
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            new String[] {
              "report", current.toString(), "--baseline", base.toString(), "-o", page.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    RegressionReport rr =
        Findings.builder(Prism.create().load(current.toString()))
            .baseline(Prism.create().load(base.toString()))
            .build()
            .regression()
            .orElseThrow();
    assertThat(rr.changes().stream().map(RegressionReport.Change::configuration).distinct())
        .as("matched configurations")
        .hasSize(2);

    browser = Browser.start(1280, 1600);
    browser.get(page.toUri().toString());
    Browser.awaitReady(browser, "#app");
    Browser.awaitReady(browser, "#regression-view");
    assertThat(browser.findElement(By.id("regression-static")).isDisplayed()).isFalse();
    assertThat(shownChanges()).isEqualTo(changes(rr, c -> true));
    assertGeomeans(rr, c -> true);

    browser
        .findElement(By.cssSelector(".facet button[data-facet=accelerator][data-value=H200]"))
        .click();
    assertThat(changes(rr, on("H200"))).isNotEmpty().hasSizeLessThan(changes(rr, c -> true).size());
    assertThat(shownChanges()).isEqualTo(changes(rr, on("H200")));
    assertGeomeans(rr, on("H200"));
    // every H200 mean was 10 % higher in the baseline: throughput fell, latency improved
    assertThat(rows("regression-table", "verdict")).contains(List.of("regressed"));

    browser
        .findElement(By.cssSelector(".facet button[data-facet=accelerator][data-value=H200]"))
        .click();
    browser
        .findElement(By.cssSelector(".facet button[data-facet=accelerator][data-value=H100]"))
        .click();
    assertThat(shownChanges()).isEqualTo(changes(rr, on("H100")));
    assertGeomeans(rr, on("H100"));
    assertThat(browser.findElement(By.id("regression-unmatched")).getText()).contains("entries");
    assertThat(Browser.consoleProblems(browser)).isEmpty();
  }
}
