package ai.llmd.prism.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its chromium-driver, with the browser console recorded;
 * tests that need it are skipped, saying so, where either is absent.
 */
final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium or chromium-driver is absent (apt-get install chromium chromium-driver):"
            + " the browser tests are skipped");
  }

  /** A headless browser with a fixed window, recording console messages; quit it when done. */
  static ChromeDriver start(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** The console messages at warning level or above, and every Content-Security-Policy report. */
  static List<String> consoleProblems(ChromeDriver browser) {
    List<String> bad = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()
          || e.getMessage().contains("Content Security Policy")) {
        bad.add(e.getMessage());
      }
    }
    return bad;
  }

  /**
   * Waits until the element {@code css} carries {@code data-ready="1"}: the page inflates its
   * embedded data asynchronously, after the load event.
   */
  static void awaitReady(ChromeDriver browser, String css) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                "1".equals(d.findElement(By.cssSelector(css)).getDomAttribute("data-ready"))
                    || d.findElement(By.cssSelector("html")).getDomAttribute("data-failed")
                        != null);
    String failed = browser.findElement(By.cssSelector("html")).getDomAttribute("data-failed");
    if (failed != null) {
      throw new AssertionError("the page could not read its data: " + failed);
    }
  }

  /**
   * Waits until Explore has settled: after a change it paints the chart and counts first, and the
   * points table and the views that follow its filters after that paint ({@code #app} carries
   * {@code data-ready="0"} until then).
   */
  static void settled(ChromeDriver browser) {
    if (!browser.findElements(By.id("app")).isEmpty()) {
      awaitReady(browser, "#app");
    }
  }

  /**
   * The rows of table {@code id}, once Explore has {@linkplain #settled settled}: per row the text,
   * or exact value, of each named cell.
   */
  @SuppressWarnings("unchecked")
  static List<List<String>> rows(ChromeDriver browser, String id, String... cells) {
    settled(browser);
    return (List<List<String>>)
        browser.executeScript(
            "var cs=arguments[1];return Array.from(document.querySelectorAll('#'+arguments[0]+"
                + "' tbody tr')).map(function(r){return cs.map(function(c){"
                + "var td=r.querySelector('td.'+c);return td.hasAttribute('data-v')?"
                + "td.getAttribute('data-v'):td.textContent;});});",
            id,
            List.of(cells));
  }
}
