package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The explorer of {@code prism report examples/} in headless chromium: what the page computes in
 * JavaScript (facet counts, plotted points, frontiers and knees, prices) is what the library
 * computes in Java ({@link Catalog}, {@link Pareto}, {@link CostEstimator}).
 */
class ReportInBrowserTest {

  static final Measure X = Measure.parse("tpot.mean");
  static final Measure Y = Measure.parse("output_throughput/chip");

  @TempDir static Path tmp;
  static ChromeDriver browser;
  static Path page;
  static List<BenchmarkPoint> points;
  static Catalog catalog;

  @BeforeAll
  static void writeTheReportAndStartTheBrowser() {
    Browser.assumeInstalled();
    Path examples = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(examples), "examples/ absent: " + examples);
    page = tmp.resolve("report.html");
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            new String[] {"report", examples.toString(), "-o", page.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    LoadResult loaded = Prism.create().load(examples.toString());
    catalog = Catalog.of(loaded.points());
    points = catalog.points();
    browser = Browser.start(1280, 1600);
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void open() {
    browser.get("about:blank");
    browser.get(page.toUri().toString());
    Browser.awaitReady(browser, "#app");
  }

  String attr(String css, String name) {
    return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
  }

  /** facet -> value -> count, as the page shows them. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Integer>> shownCounts() {
    List<List<Object>> rows =
        (List<List<Object>>)
            browser.executeScript(
                "return Array.from(document.querySelectorAll('.facet button')).map(function(b){"
                    + "return [b.dataset.facet,b.dataset.value,b.lastChild.textContent];});");
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (List<Object> r : rows) {
      out.computeIfAbsent((String) r.get(0), k -> new TreeMap<>())
          .put((String) r.get(1), Integer.parseInt((String) r.get(2)));
    }
    return out;
  }

  static Map<String, Map<String, Integer>> expectedCounts(Catalog.Selection s) {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    s.counts().forEach((f, m) -> out.put(f.name(), new TreeMap<>(m)));
    return out;
  }

  static long plottable(List<BenchmarkPoint> ps, Measure x, Measure y) {
    return ps.stream().filter(p -> x.valueOf(p).isPresent() && y.valueOf(p).isPresent()).count();
  }

  void click(String facet, String value) {
    for (var b : browser.findElements(By.cssSelector(".facet button"))) {
      if (facet.equals(b.getDomAttribute("data-facet"))
          && value.equals(b.getDomAttribute("data-value"))) {
        b.click();
        return;
      }
    }
    throw new AssertionError("no button for " + facet + "=" + value);
  }

  @Test
  void clickingAFacetChangesCountsAndPlottedPointsAsTheCatalogSays() {
    assertThat(shownCounts()).isEqualTo(expectedCounts(catalog.all()));
    assertThat(attr("#plot", "data-points")).isEqualTo(Long.toString(plottable(points, X, Y)));

    click("accelerator", "H200");
    Catalog.Selection h200 = catalog.where(Facet.ACCELERATOR, "H200");
    assertThat(shownCounts()).isEqualTo(expectedCounts(h200));
    assertThat(attr("#plot", "data-points"))
        .isEqualTo(Long.toString(plottable(h200.points(), X, Y)))
        .isNotEqualTo(Long.toString(plottable(points, X, Y)));

    click("architecture", "disaggregated");
    Catalog.Selection both = h200.where(Facet.ARCHITECTURE, "disaggregated");
    assertThat(shownCounts()).isEqualTo(expectedCounts(both));
    assertThat(attr("#plot", "data-points"))
        .isEqualTo(Long.toString(plottable(both.points(), X, Y)));
  }

  @Test
  void aFilterChangeRedrawsTheChartAtOnceAndTheTableAfterThatPaint() {
    // in the click's own task: chart and counts are new, the table still shows every point
    @SuppressWarnings("unchecked")
    List<Object> atClick =
        (List<Object>)
            browser.executeScript(
                "document.querySelector('.facet button[data-facet=accelerator][data-value=H200]')"
                    + ".click();return [document.getElementById('plot').getAttribute('data-points'),"
                    + "document.getElementById('app').getAttribute('data-ready'),"
                    + "document.querySelectorAll('#points-table tbody tr').length];");
    Catalog.Selection h200 = catalog.where(Facet.ACCELERATOR, "H200");
    assertThat(atClick.get(0)).isEqualTo(Long.toString(plottable(h200.points(), X, Y)));
    assertThat(atClick.get(1)).isEqualTo("0");
    assertThat(((Number) atClick.get(2)).intValue()).isEqualTo(points.size());
    assertThat(shownCounts()).isEqualTo(expectedCounts(h200));

    Browser.settled(browser);
    List<String> shown = new ArrayList<>();
    for (var row : browser.findElements(By.cssSelector("#points-table tbody tr"))) {
      shown.add(
          Facet.ACCELERATOR.valueOf(
              points.get(Integer.parseInt(row.getDomAttribute("data-point")))));
    }
    assertThat(shown).hasSize(h200.points().size()).containsOnly("H200");
  }

  @Test
  void theFrontierAndKneeInThePageAreParetosOnTheUnfilteredView() {
    assertThat(attr("#plot", "data-frontier")).isEqualTo(indices(Pareto.frontier(points, X, Y)));
    assertThat(attr("#plot", "data-knees"))
        .isEqualTo(indexOf(Pareto.frontier(points, X, Y).knee().orElseThrow().point()));

    new Select(browser.findElement(By.id("group"))).selectByValue("accelerator");
    Map<String, List<BenchmarkPoint>> groups = new TreeMap<>();
    for (BenchmarkPoint p : points) {
      groups.computeIfAbsent(Facet.ACCELERATOR.valueOf(p), k -> new ArrayList<>()).add(p);
    }
    // the page orders groups by first appearance in catalog order
    List<String> frontier = new ArrayList<>();
    List<String> knees = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (BenchmarkPoint p : points) {
      String g = Facet.ACCELERATOR.valueOf(p);
      if (X.valueOf(p).isPresent() && Y.valueOf(p).isPresent() && !order.contains(g)) {
        order.add(g);
      }
    }
    for (String g : order) {
      ParetoResult r = Pareto.frontier(groups.get(g), X, Y);
      if (!r.frontier().isEmpty()) {
        frontier.add(indices(r));
      }
      r.knee().ifPresent(k -> knees.add(indexOf(k.point())));
    }
    assertThat(attr("#plot", "data-frontier")).isEqualTo(String.join(" ", frontier));
    assertThat(attr("#plot", "data-knees")).isEqualTo(String.join(" ", knees));
  }

  String indices(ParetoResult r) {
    List<String> out = new ArrayList<>();
    for (BenchmarkPoint p : r.frontierPoints()) {
      out.add(indexOf(p));
    }
    return String.join(" ", out);
  }

  String indexOf(BenchmarkPoint p) {
    Map<BenchmarkPoint, Integer> at = new IdentityHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      at.put(points.get(i), i);
    }
    return Integer.toString(at.get(p));
  }

  @Test
  void switchingThePricingModelChangesTheCostColumnToThatModelsPrices() {
    CostEstimator costs = CostEstimator.of(PricingCatalog.builtIn());
    for (PricingModel model : List.of(PricingModel.SPOT, PricingModel.ON_DEMAND)) {
      new Select(browser.findElement(By.id("pricing"))).selectByValue(model.key());
      Browser.settled(browser);
      assertThat(browser.findElement(By.cssSelector("#points-table th[data-col=cost]")).getText())
          .endsWith(model.key());
      int priced = 0;
      for (var row : browser.findElements(By.cssSelector("#points-table tbody tr"))) {
        BenchmarkPoint p = points.get(Integer.parseInt(row.getDomAttribute("data-point")));
        OptionalDouble want =
            costs
                .estimate(p, model)
                .map(c -> c.perMillion(CostEstimate.Tokens.OUTPUT))
                .orElse(OptionalDouble.empty());
        String got = row.findElement(By.cssSelector("td.cost")).getDomAttribute("data-v");
        if (want.isPresent()) {
          assertThat(Double.parseDouble(got)).isEqualTo(want.getAsDouble());
          priced++;
        } else {
          assertThat(got).isNull();
        }
      }
      assertThat(priced).as("rows priced under %s", model.key()).isPositive();
    }
    assertThat(browser.getCurrentUrl()).endsWith("pricing=on-demand");
  }

  @Test
  void changingTheAxesReplotsAndTheCopiedUrlReopensTheSameView() {
    new Select(browser.findElement(By.id("x"))).selectByValue("output_throughput.mean");
    new Select(browser.findElement(By.id("y"))).selectByValue("ttft.p90");
    browser.findElement(By.id("logx")).click();
    click("accelerator", "H100");
    new Select(browser.findElement(By.id("pricing"))).selectByValue("spot");
    Measure x = Measure.parse("output_throughput");
    Measure y = Measure.parse("ttft.p90");
    List<BenchmarkPoint> h100 = catalog.where(Facet.ACCELERATOR, "H100").points();
    String plotted = attr("#plot", "data-points");
    assertThat(plotted).isEqualTo(Long.toString(plottable(h100, x, y)));
    String frontier = attr("#plot", "data-frontier");
    assertThat(frontier).isNotEmpty();
    String status = browser.findElement(By.id("status")).getText();

    String url = browser.getCurrentUrl();
    assertThat(url).contains("#explore?", "x=output_throughput.mean", "lx=1", "f.accelerator=H100");
    browser.get("about:blank");
    browser.get(url);
    Browser.awaitReady(browser, "#app");
    assertThat(attr("#plot", "data-points")).isEqualTo(plotted);
    assertThat(attr("#plot", "data-frontier")).isEqualTo(frontier);
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(status);
    assertThat(new Select(browser.findElement(By.id("x"))).getFirstSelectedOption().getText())
        .startsWith("output_throughput.mean");
    assertThat(browser.findElement(By.id("logx")).isSelected()).isTrue();
    assertThat(new Select(browser.findElement(By.id("pricing"))).getFirstSelectedOption().getText())
        .isEqualTo("spot");
    assertThat(shownCounts()).isEqualTo(expectedCounts(catalog.where(Facet.ACCELERATOR, "H100")));
  }

  @Test
  void aLinkNamingWhatThisReportLacksOpensTheDefaultsForThoseParts() {
    String plotted = attr("#plot", "data-points");
    String status = browser.findElement(By.id("status")).getText();
    browser.get("about:blank");
    browser.get(
        page.toUri()
            + "#explore?x=nonsense&y=ttft.p999&group=nofacet&pricing=free&sort=nocolumn&desc=1"
            + "&f.nofacet=x&f.accelerator=TPU9&q=%E0%A4%A");
    Browser.awaitReady(browser, "#app");
    Browser.settled(browser);
    assertThat(Browser.consoleProblems(browser)).isEmpty();
    // no facet value matches and the search is the literal text: nothing is selected
    assertThat(shownCounts()).isEqualTo(expectedCounts(catalog.all()));
    assertThat(new Select(browser.findElement(By.id("group"))).getFirstSelectedOption().getText())
        .isEqualTo(new Select(browser.findElement(By.id("group"))).getOptions().get(0).getText());
    assertThat(new Select(browser.findElement(By.id("pricing"))).getFirstSelectedOption())
        .isNotNull();
    browser.findElement(By.id("q")).clear();
    Browser.settled(browser);
    assertThat(attr("#plot", "data-points")).isEqualTo(plotted);
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(status);
  }

  @Test
  void thePageLogsNoErrorAndNoContentSecurityPolicyViolation() {
    click("accelerator", "H100");
    new Select(browser.findElement(By.id("y"))).selectByValue("cost");
    browser.findElement(By.id("q")).sendKeys("H100");
    Browser.settled(browser);
    browser.findElement(By.cssSelector("#points-table th[data-col=x]")).click();
    assertThat(Browser.consoleProblems(browser)).isEmpty();
    Browser.settled(browser);
    assertThat(browser.findElements(By.cssSelector("#points-table tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("html")).getDomAttribute("data-sortable"))
        .isEqualTo("ready");
  }
}
