package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.cli.PrismCli;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.report.HtmlReport;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Measurements of the report in a real browser, not CI assertions: {@code prism report} over {@link
 * ReportBenchmark}'s generated files (wall time and page size), then, in headless chromium, the
 * time from a facet click to the redrawn chart ({@code performance.now()} in the page: the click
 * handler, to the next frame, and to the table and views painted after it). With {@code
 * --screenshots DIR} it writes screenshots of the report of {@code examples/} instead (and of the
 * MLPerf view, given a directory of MLPerf exports).
 *
 * <pre>
 * java -cp prism-benchmarks/target/benchmarks.jar ai.llmd.prism.benchmarks.ExplorerHarness 10000
 * java -cp ... ExplorerHarness 100000 --no-browser
 * java -cp ... ExplorerHarness --size 10000 examples --browser [--keep PAGE.html]
 * java -cp ... ExplorerHarness --page PAGE.html
 * java -cp ... ExplorerHarness --screenshots docs/images examples [MLPERF_DIR [DATASETS_DIR]]
 * </pre>
 */
public final class ExplorerHarness {

  private ExplorerHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("--screenshots")) {
      screenshots(Path.of(args[1]), Path.of(args[2]));
      if (args.length >= 4) {
        mlperfScreenshot(Path.of(args[1]), Path.of(args[3]));
      }
      if (args.length >= 5) {
        datasetsScreenshot(Path.of(args[1]), Path.of(args[2]), Path.of(args[4]));
      }
      return;
    }
    if (args.length >= 3 && args[0].equals("--size")) {
      int keep = List.of(args).indexOf("--keep");
      size(
          Integer.parseInt(args[1]),
          Path.of(args[2]),
          List.of(args).contains("--browser"),
          keep > 0 && keep + 1 < args.length ? Path.of(args[keep + 1]) : null);
      return;
    }
    // the timing alone, on a page kept earlier: to compare changes to the page itself
    if (args.length == 2 && args[0].equals("--page")) {
      filterTiming(Path.of(args[1]).toAbsolutePath());
      return;
    }
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean browser = !List.of(args).contains("--no-browser");
    ReportBenchmark bench = new ReportBenchmark();
    bench.files = files;
    bench.generate();
    try {
      long t0 = System.nanoTime();
      long bytes = bench.report();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "prism report over %,d files: %.2f s, %,d bytes (%.2f MB)%n",
          files,
          seconds,
          bytes,
          bytes / 1e6);
      if (browser) {
        filterTiming(bench.output());
      }
    } finally {
      bench.delete();
    }
  }

  /**
   * The page size for {@code n} points: the points of {@code examples/} repeated, each copy from
   * its own file, rendered in process (no parsing; the page is what is measured); with {@code
   * --browser}, then the facet-click timing on that page; with {@code --keep PAGE}, the page is
   * also written there (time it again, changed, with {@code --page PAGE}).
   */
  private static void size(int n, Path examples, boolean browser, Path keep) throws Exception {
    List<BenchmarkPoint> base = Prism.create().load(examples.toString()).points();
    List<BenchmarkPoint> many = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BenchmarkPoint p = base.get(i % base.size());
      Provenance v = p.provenance();
      many.add(
          new BenchmarkPoint(
              p.scenario(),
              p.metrics(),
              p.costs(),
              p.labels(),
              new Provenance(
                  URI.create(v.source() + "-copy" + (i / base.size())),
                  v.format(),
                  v.formatVersion(),
                  v.location())));
    }
    long t0 = System.nanoTime();
    String html =
        HtmlReport.of(Findings.of(new LoadResult(many, List.of())), HtmlReport.Options.defaults())
            .toHtml();
    int data = html.indexOf("</script>") - html.indexOf("id=\"prism-data\"");
    System.out.printf(
        Locale.ROOT,
        "report of %,d points: %,d bytes (%.2f MB), data block %,d bytes, rendered in %.1f s%n",
        n,
        html.getBytes(StandardCharsets.UTF_8).length,
        html.getBytes(StandardCharsets.UTF_8).length / 1e6,
        data,
        (System.nanoTime() - t0) / 1e9);
    if (keep != null) {
      Files.writeString(keep, html);
    }
    if (browser) {
      Path page = Files.createTempFile("prism-report", ".html");
      try {
        Files.writeString(page, html);
        filterTiming(page);
      } finally {
        Files.deleteIfExists(page);
      }
    }
  }

  static ChromeDriver chromium(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height);
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build(),
        options);
  }

  private static void filterTiming(Path page) {
    ChromeDriver d = chromium(1280, 1000);
    try {
      long t0 = System.nanoTime();
      d.get(page.toUri().toString());
      ready(d, "#app");
      System.out.printf(
          Locale.ROOT, "page load to explorer ready: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      System.out.println("status: " + d.findElement(By.id("status")).getText());
      // where each frame's time goes, from Chromium's Long Animation Frames API (frames > 50 ms)
      d.executeScript(
          "window.__loaf=[];if(window.PerformanceObserver&&PerformanceObserver"
              + ".supportedEntryTypes.indexOf('long-animation-frame')>=0){new PerformanceObserver("
              + "function(l){l.getEntries().forEach(function(e){window.__loaf.push([e.duration,"
              + "e.renderStart?e.renderStart-e.startTime:e.duration,"
              + "e.renderStart?e.styleAndLayoutStart-e.renderStart:0,"
              + "e.renderStart?e.startTime+e.duration-e.styleAndLayoutStart:0]);});})"
              + ".observe({type:'long-animation-frame'});}");
      d.executeCdpCommand("Performance.enable", java.util.Map.of());
      java.util.Map<String, Double> before = cdpMetrics(d);
      List<Double> handler = new ArrayList<>();
      List<Double> frame = new ArrayList<>();
      List<Double> settled = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        @SuppressWarnings("unchecked")
        List<Number> t =
            (List<Number>)
                d.executeAsyncScript(
                    "var cb=arguments[arguments.length-1];"
                        // the first facet with two values or more: toggles between them
                        + "var f=Array.from(document.querySelectorAll('.facet')).find(function(x){"
                        + "return x.querySelectorAll('button').length>1;});"
                        + "var b=f.querySelectorAll('button')[arguments[0]%2];"
                        // this frame callback is asked for before the click's own, so its
                        // timer runs right after the frame that paints the chart, before the
                        // table's (which follows that frame); then it waits for the table too
                        + "var t0,t1,t2,app=document.getElementById('app');"
                        + "requestAnimationFrame(function(){setTimeout(function(){"
                        + "t2=performance.now();(function wait(){"
                        + "if(app.getAttribute('data-ready')!=='1'){setTimeout(wait,0);return;}"
                        + "requestAnimationFrame(function(){setTimeout(function(){"
                        + "cb([t1-t0,t2-t0,performance.now()-t0]);},0);});})();},0);});"
                        + "t0=performance.now();b.click();t1=performance.now();",
                    i);
        if (i > 0) { // the first click warms the JIT
          handler.add(t.get(0).doubleValue());
          frame.add(t.get(1).doubleValue());
          settled.add(t.get(2).doubleValue());
        }
      }
      java.util.Map<String, Double> after = cdpMetrics(d);
      StringBuilder per = new StringBuilder("per click (Chrome DevTools Performance.getMetrics):");
      for (String k :
          List.of(
              "ScriptDuration",
              "RecalcStyleDuration",
              "LayoutDuration",
              "RecalcStyleCount",
              "LayoutCount",
              "Nodes")) {
        double delta = after.getOrDefault(k, 0.0) - before.getOrDefault(k, 0.0);
        per.append(
            String.format(
                Locale.ROOT,
                " %s %.1f%s;",
                k,
                k.endsWith("Duration") ? delta * 1000 / 21 : k.equals("Nodes") ? delta : delta / 21,
                k.endsWith("Duration") ? " ms" : ""));
      }
      System.out.println(per);
      System.out.println("status after: " + d.findElement(By.id("status")).getText());
      @SuppressWarnings("unchecked")
      List<List<Number>> loaf = (List<List<Number>>) d.executeScript("return window.__loaf;");
      if (!loaf.isEmpty()) {
        String[] parts = {"frame", "script", "rAF callbacks", "style, layout and paint"};
        StringBuilder line =
            new StringBuilder("long animation frames (" + loaf.size() + "), median");
        for (int k = 0; k < parts.length; k++) {
          List<Double> xs = new ArrayList<>();
          for (List<Number> f : loaf) {
            xs.add(f.get(k).doubleValue());
          }
          line.append(String.format(Locale.ROOT, " %s %.1f ms;", parts[k], median(xs)));
        }
        System.out.println(line);
      }
      System.out.println(
          "last update: " + d.findElement(By.id("app")).getDomAttribute("data-timing"));
      System.out.printf(
          Locale.ROOT,
          "facet click to redrawn chart over %d clicks: handler median %.1f ms (max %.1f),"
              + " to next frame median %.1f ms (max %.1f); table and views redrawn and painted"
              + " median %.1f ms (max %.1f)%n",
          handler.size(),
          median(handler),
          Collections.max(handler),
          median(frame),
          Collections.max(frame),
          median(settled),
          Collections.max(settled));
    } finally {
      d.quit();
    }
  }

  /** Chrome's cumulative page metrics (durations in seconds), by name. */
  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Double> cdpMetrics(ChromeDriver d) {
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    for (java.util.Map<String, Object> m :
        (List<java.util.Map<String, Object>>)
            d.executeCdpCommand("Performance.getMetrics", java.util.Map.of()).get("metrics")) {
      out.put((String) m.get("name"), ((Number) m.get("value")).doubleValue());
    }
    return out;
  }

  /** Waits for the page to inflate its data and draw {@code css} ({@code data-ready="1"}). */
  static void ready(ChromeDriver d, String css) {
    new WebDriverWait(d, Duration.ofSeconds(120))
        .until(x -> "1".equals(x.findElement(By.cssSelector(css)).getDomAttribute("data-ready")));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void screenshots(Path dir, Path examples) throws Exception {
    Files.createDirectories(dir);
    Path page =
        reportPage(
            examples.toString(), "--baseline", examples.resolve("releases/0.3.0").toString());
    ChromeDriver d = chromium(1400, 1000);
    try {
      d.get(page.toUri().toString());
      ready(d, "#app");
      shot(d.findElement(By.id("explore")), dir.resolve("report-explorer.png"));
      new Select(d.findElement(By.id("group"))).selectByValue("accelerator");
      new Select(d.findElement(By.id("x"))).selectByValue("output_throughput.mean");
      new Select(d.findElement(By.id("y"))).selectByValue("ttft.p90");
      d.findElement(By.id("logy")).click();
      ready(d, "#app"); // the table follows the chart's paint
      shot(d.findElement(By.id("explore")), dir.resolve("report-explorer-groups.png"));
      shot(d.findElement(By.id("charts")), dir.resolve("report-charts.png"));
      shot(d.findElement(By.id("pd-vs-aggregated")), dir.resolve("report-pd.png"));
      ready(d, "#regression-view");
      shot(d.findElement(By.id("regression")), dir.resolve("report-regression.png"));
      ready(d, "#rankings-view");
      shot(d.findElement(By.id("rankings")), dir.resolve("report-rankings.png"));
    } finally {
      d.quit();
      Files.deleteIfExists(page);
    }
  }

  /** The Datasets view of the report of {@code examples} with the summaries in {@code datasets}. */
  private static void datasetsScreenshot(Path dir, Path examples, Path datasets) throws Exception {
    Path page = reportPage(examples.toString(), "--datasets", datasets.toString());
    ChromeDriver d = chromium(1400, 1200);
    try {
      d.get(page.toUri().toString());
      ready(d, "#datasets-view");
      new Select(d.findElement(By.id("datasets-name"))).selectByValue("sharegpt-vicuna");
      shot(d.findElement(By.id("datasets")), dir.resolve("report-datasets.png"));
    } finally {
      d.quit();
      Files.deleteIfExists(page);
    }
  }

  /** {@code prism report ARGS -o <a temporary file>}; the file's path. */
  private static Path reportPage(String... args) throws Exception {
    Path page = Files.createTempFile("prism-report", ".html");
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", page.toString()));
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (code != 0) {
      throw new IllegalStateException("prism report failed: " + err);
    }
    return page;
  }

  /** The MLPerf view of the report of {@code mlperf}, newest round, first benchmark. */
  private static void mlperfScreenshot(Path dir, Path mlperf) throws Exception {
    Path page = reportPage(mlperf.toString());
    ChromeDriver d = chromium(1400, 1800);
    try {
      d.get(page.toUri().toString());
      ready(d, "#mlperf-view");
      new Select(d.findElement(By.id("mlperf-benchmark"))).selectByValue("llama2-70b-99");
      shot(d.findElement(By.id("mlperf")), dir.resolve("report-mlperf.png"));
    } finally {
      d.quit();
      Files.deleteIfExists(page);
    }
  }

  private static void shot(WebElement e, Path to) throws Exception {
    Files.write(to, e.getScreenshotAs(OutputType.BYTES));
    System.out.println("wrote " + to);
  }
}
