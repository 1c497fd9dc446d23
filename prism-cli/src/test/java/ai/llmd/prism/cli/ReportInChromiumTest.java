package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of examples/ as a real browser shows it: headless Chromium takes a screenshot, then
 * dumps the DOM after the inline script ran. Skipped where /usr/bin/chromium is absent.
 */
class ReportInChromiumTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  record Result(int code, String out, String err) {}

  static Result chromium(Path tmp, String name, List<String> extra, Path page)
      throws IOException, InterruptedException {
    Path profile = Files.createDirectory(tmp.resolve("profile-" + name));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(25, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 25 s: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReportOfTheExamplesRendersInHeadlessChromium(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "/usr/bin/chromium is absent (apt-get install chromium): the browser test is skipped");
    Path examples = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(examples), "examples/ absent: " + examples);
    Path html = tmp.resolve("report.html");
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(
            new String[] {
              "report",
              examples.toString(),
              "--baseline",
              examples.resolve("releases/0.3.0").toString(),
              "-o",
              html.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    Path png = tmp.resolve("report.png");
    Result shot =
        chromium(tmp, "shot", List.of("--screenshot=" + png, "--window-size=1280,2000"), html);

    assertThat(shot.code()).as(shot.err()).isZero();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    // a page of charts and tables compresses to far more than a blank page's ~10 kB
    assertThat(bytes.length).isGreaterThan(50_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    ByteBuffer ihdr = ByteBuffer.wrap(bytes, 16, 8);
    assertThat(ihdr.getInt()).isEqualTo(1280);
    assertThat(ihdr.getInt()).isEqualTo(2000);

    Result dom =
        chromium(tmp, "dom", List.of("--dump-dom", "--enable-logging=stderr", "--v=0"), html);

    assertThat(dom.code()).as(dom.err()).isZero();
    for (String id :
        List.of(
            "summary",
            "charts",
            "configurations",
            "winners",
            "costs",
            "pd-vs-aggregated",
            "regression")) {
      assertThat(dom.out()).contains("<section id=\"" + id + "\">");
    }
    // the sorting script ran to its end: it marks headings focusable, then the page as ready
    assertThat(dom.out()).contains("data-sortable=\"ready\"").contains("<th tabindex=\"0\"");
    assertThat(dom.err()).doesNotContain("Uncaught").doesNotContain("Refused to");
  }
}
