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

/**
 * Measurements of the report in a real browser, not CI assertions: {@code prism report} over {@link
 * ReportBenchmark}'s generated files (wall time and page size), then, in headless chromium, the
 * time from a facet click to the redrawn chart ({@code performance.now()} in the page: the click
 * handler, and to the next frame). With {@code --screenshots DIR} it writes screenshots of the
 * report of {@code examples/} instead.
 *
 * <pre>
 * java -cp prism-benchmarks/target/benchmarks.jar ai.llmd.prism.benchmarks.ExplorerHarness 10000
 * java -cp ... ExplorerHarness 100000 --no-browser
 * java -cp ... ExplorerHarness --screenshots docs/images examples
 * </pre>
 */
public final class ExplorerHarness {

  private ExplorerHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("--screenshots")) {
      screenshots(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    if (args.length >= 3 && args[0].equals("--size")) {
      size(Integer.parseInt(args[1]), Path.of(args[2]));
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
   * its own file, rendered in process (no parsing; the page is what is measured).
   */
  private static void size(int n, Path examples) {
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
    int data = html.indexOf("</script>") - html.indexOf("id=\"prism-data\">");
    System.out.printf(
        Locale.ROOT,
        "report of %,d points: %,d bytes (%.2f MB), data block %,d bytes, rendered in %.1f s%n",
        n,
        html.getBytes(StandardCharsets.UTF_8).length,
        html.getBytes(StandardCharsets.UTF_8).length / 1e6,
        data,
        (System.nanoTime() - t0) / 1e9);
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
      System.out.printf(
          Locale.ROOT, "page load to explorer ready: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      System.out.println("status: " + d.findElement(By.id("status")).getText());
      List<Double> handler = new ArrayList<>();
      List<Double> frame = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        @SuppressWarnings("unchecked")
        List<Number> t =
            (List<Number>)
                d.executeAsyncScript(
                    "var cb=arguments[arguments.length-1];"
                        + "var b=document.querySelectorAll('.facet[data-facet=accelerator_count]"
                        + " button')[arguments[0]%2];"
                        + "var t0=performance.now();b.click();var t1=performance.now();"
                        + "requestAnimationFrame(function(){setTimeout(function(){"
                        + "cb([t1-t0,performance.now()-t0]);},0);});",
                    i);
        if (i > 0) { // the first click warms the JIT
          handler.add(t.get(0).doubleValue());
          frame.add(t.get(1).doubleValue());
        }
      }
      System.out.println("status after: " + d.findElement(By.id("status")).getText());
      System.out.printf(
          Locale.ROOT,
          "facet click to redrawn chart over %d clicks: handler median %.1f ms (max %.1f),"
              + " to next frame median %.1f ms (max %.1f)%n",
          handler.size(),
          median(handler),
          Collections.max(handler),
          median(frame),
          Collections.max(frame));
    } finally {
      d.quit();
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void screenshots(Path dir, Path examples) throws Exception {
    Files.createDirectories(dir);
    Path page = Files.createTempFile("prism-report", ".html");
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            new String[] {
              "report",
              examples.toString(),
              "--baseline",
              examples.resolve("releases/0.3.0").toString(),
              "-o",
              page.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    if (code != 0) {
      throw new IllegalStateException("prism report failed: " + err);
    }
    ChromeDriver d = chromium(1400, 1000);
    try {
      d.get(page.toUri().toString());
      shot(d.findElement(By.id("explore")), dir.resolve("report-explorer.png"));
      new Select(d.findElement(By.id("group"))).selectByValue("accelerator");
      new Select(d.findElement(By.id("x"))).selectByValue("output_throughput.mean");
      new Select(d.findElement(By.id("y"))).selectByValue("ttft.p90");
      d.findElement(By.id("logy")).click();
      shot(d.findElement(By.id("explore")), dir.resolve("report-explorer-groups.png"));
      shot(d.findElement(By.id("charts")), dir.resolve("report-charts.png"));
      shot(d.findElement(By.id("pd-vs-aggregated")), dir.resolve("report-pd.png"));
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
