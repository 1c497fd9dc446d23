package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prism report} and {@code prism chart} through the real entry point, on examples/. */
class ReportAndChartCommandTest {

  record Run(int code, String out, String err) {}

  static Run prism(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PrismCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Path examples() {
    Path ex = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples");
    assumeTrue(Files.isDirectory(ex), "the project's examples/ directory is absent: " + ex);
    return ex;
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void reportOfTheExamplesWithABaselineShowsEverySection(@TempDir Path tmp) throws IOException {
    Path ex = examples();
    Path html = tmp.resolve("report.html");

    Run r =
        prism(
            "report",
            ex.toString(),
            "--baseline",
            ex.resolve("releases/0.3.0").toString(),
            "-o",
            html.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    String page = read(html);
    for (String id :
        new String[] {
          "summary",
          "charts",
          "configurations",
          "winners",
          "costs",
          "cost-ranking",
          "pd-vs-aggregated",
          "regression"
        }) {
      assertThat(page).contains("<section id=\"" + id + "\">");
    }
    // output throughput, TPOT and E2E latency improved; TTFT mean and p90 unchanged
    assertThat(page).contains("0 regressed, 3 improved, 2 unchanged.");
  }

  @Test
  void withoutABaselineTheRegressionIsAOneLineNoteAndTheBytesRepeat(@TempDir Path tmp)
      throws IOException {
    Path ex = examples();
    Path a = tmp.resolve("a.html");
    Path b = tmp.resolve("b.html");

    assertThat(prism("report", ex.toString(), "-o", a.toString()).code()).isZero();
    assertThat(prism("report", ex.toString(), "-o", b.toString()).code()).isZero();

    assertThat(read(a))
        .isEqualTo(read(b))
        .contains("<section id=\"regression\" class=\"omitted\">")
        .contains("No regression: no baseline was given (--baseline).");
  }

  @Test
  void aNarrowedPriceCatalogAddsLabelledEstimates(@TempDir Path tmp) throws IOException {
    Path ex = examples();
    Path html = tmp.resolve("r.html");

    Run r =
        prism(
            "report",
            ex.resolve("llm-d").toString(),
            "--provider",
            "GCP",
            "--region",
            "us-central1",
            "-o",
            html.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read(html))
        .contains("<td>estimated</td>")
        // 88.49 USD/h for 8 H100: 11.06 USD per accelerator-hour, with its source and date
        .contains("GCP a3-highgpu-8g (us-central1) on-demand, 11.1 USD/accelerator-h, cyclenerd")
        .doesNotContain("<td>stated</td>");
  }

  @Test
  void aBadSloIsAUsageErrorInOneLine(@TempDir Path tmp) {
    Run r =
        prism(
            "report",
            examples().toString(),
            "--slo",
            "ttft.p90<=500parsecs",
            "-o",
            tmp.resolve("r.html").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("prism report: --slo ").contains("'parsecs' is not a unit");
    assertThat(tmp.resolve("r.html")).doesNotExist();
  }

  @Test
  void aMissingOutputOrPriceFileIsAUsageError(@TempDir Path tmp) {
    Run noOutput = prism("report", examples().toString());
    assertThat(noOutput.code()).isEqualTo(2);
    assertThat(noOutput.err()).contains("Missing required option: '--output=FILE'");

    Run noCatalog =
        prism(
            "report",
            examples().toString(),
            "--prices",
            tmp.resolve("absent.yaml").toString(),
            "-o",
            tmp.resolve("r.html").toString());
    assertThat(noCatalog.code()).isEqualTo(2);
    assertThat(noCatalog.err().lines()).hasSize(1);
    assertThat(noCatalog.err()).startsWith("prism report: --prices ");
  }

  @Test
  void chartDrawsThroughputPerChipAgainstTpotInTheDarkTheme(@TempDir Path tmp) throws IOException {
    Path svg = tmp.resolve("chart.svg");

    Run r =
        prism(
            "chart",
            examples().resolve("llm-d").toString(),
            "--per-chip",
            "--theme",
            "dark",
            "-o",
            svg.toString());

    assertThat(r.code()).as(r.err()).isZero();
    String s = read(svg);
    assertThat(s)
        .startsWith("<svg")
        .contains("output throughput mean per chip (tokens/s) vs tpot mean (ms/token)")
        .contains(".bg{fill:#16181d}")
        .contains("H100 ×8, P/D 1:3, TP2, 0.3.1")
        .contains("class=\"frontier\"");
  }

  @Test
  void chartAgainstConcurrencyWithLogAxes(@TempDir Path tmp) throws IOException {
    Path svg = tmp.resolve("c.svg");

    Run r =
        prism(
            "chart",
            examples().resolve("llm-d").toString(),
            "--x",
            "concurrency",
            "--y",
            "ttft.p90",
            "--log-y",
            "-o",
            svg.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read(svg))
        .contains("ttft p90 (ms) vs concurrency")
        .doesNotContain("class=\"frontier\"");
  }

  @Test
  void anUnknownMetricOrThemeIsAUsageError(@TempDir Path tmp) {
    Run metric =
        prism(
            "chart", examples().toString(), "--y", "joules", "-o", tmp.resolve("x.svg").toString());
    assertThat(metric.code()).isEqualTo(2);
    assertThat(metric.err()).startsWith("prism chart: --y 'joules': unknown metric 'joules'");
    assertThat(metric.err().lines()).hasSize(1);

    Run theme =
        prism(
            "chart",
            examples().toString(),
            "--theme",
            "sepia",
            "-o",
            tmp.resolve("x.svg").toString());
    assertThat(theme.code()).isEqualTo(2);
    assertThat(theme.err()).contains("--theme sepia: expected light, dark or auto");
  }
}
