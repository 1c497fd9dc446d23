package ai.llmd.prism.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.fixtures.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  static Path examples() {
    Path root = Fixtures.repositoryRoot().orElse(Path.of("/nonexistent"));
    Path ex = root.resolve("examples");
    assumeTrue(Files.isDirectory(ex), "the project's examples/ directory is absent: " + ex);
    return ex;
  }

  static String section(String html, String id) {
    Matcher m =
        Pattern.compile("<section id=\"" + id + "\"[^>]*>(.*?)</section>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("section %s", id).isTrue();
    return m.group(0);
  }

  /** A point of a small self-made aggregated or P/D run. */
  static BenchmarkPoint point(
      String model,
      String file,
      boolean pd,
      double concurrency,
      double outTps,
      double tpotMs,
      double ttftP90Ms) {
    List<Role> roles =
        pd
            ? List.of(
                new Role(Role.Kind.PREFILL, 1, 4, 1, 1, 1, 4),
                new Role(Role.Kind.DECODE, 1, 4, 1, 1, 1, 4))
            : List.of(new Role(Role.Kind.AGGREGATED, 2, 4, 1, 1, 1, 4));
    Deployment d =
        new Deployment(
            new AcceleratorRef("H100", "H100", "NVIDIA", 80.0, true),
            8,
            "vllm",
            "0.9.0",
            null,
            List.of(),
            roles,
            null);
    Workload w =
        new Workload(
            Distribution.ofMean(1000),
            Distribution.ofMean(200),
            null,
            null,
            null,
            null,
            concurrency,
            null);
    Metrics m =
        Metrics.builder()
            .put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, outTps))
            .put(MetricValue.measured(Metric.TPOT, tpotMs))
            .put(
                MetricValue.measured(
                    Metric.TTFT,
                    Distribution.builder()
                        .put(Statistic.MEAN, ttftP90Ms * 0.8)
                        .put(Statistic.P90, ttftP90Ms)
                        .build()))
            .build();
    return new BenchmarkPoint(
        new Scenario(new ModelRef(model, model, null, null, null, null, false), d, w),
        m,
        new Provenance(URI.create(file), "test", null, "/results/0"));
  }

  static List<BenchmarkPoint> smallRun(String model) {
    List<BenchmarkPoint> ps = new ArrayList<>();
    double[] c = {8, 32, 128};
    for (int i = 0; i < c.length; i++) {
      ps.add(
          point(
              model,
              "file:///data/agg-" + i + ".json",
              false,
              c[i],
              100 * (i + 1),
              20 + 5 * i,
              200 + 50 * i));
      ps.add(
          point(
              model,
              "file:///data/pd-" + i + ".json",
              true,
              c[i],
              130 * (i + 1),
              18 + 3 * i,
              300 + 50 * i));
    }
    return ps;
  }

  @Test
  void theExamplesFillEverySectionWithTheirOwnNumbers() throws IOException {
    Path ex = examples();
    Prism prism = Prism.create();
    LoadResult base = prism.load(ex.resolve("releases/0.3.0").toString());
    String html =
        HtmlReport.of(
                Findings.builder(prism.load(ex.toString())).baseline(base).build(),
                HtmlReport.Options.defaults())
            .toHtml();

    for (String id : HtmlReport.SECTION_IDS) {
      // the examples hold no MLPerf export, and no dataset summary is given
      if (!List.of(DashboardViews.MLPERF, DashboardViews.DATASETS, DashboardViews.QUALITY)
          .contains(id)) { // nor arena scores
        assertThat(section(html, id)).as(id).doesNotContain("class=\"omitted\"");
      }
    }
    // examples/README.md is the one file no reader knows: counted by its kind, in validate's words
    assertThat(section(html, "summary"))
        .contains("<p class=\"kinds\">Problems by kind: unknown-format 1</p>");
    // 5003 output tokens/s on 8 H100 at concurrency 128 meets ttft.p90<=500ms,tpot.mean<=50ms
    assertThat(section(html, "winners"))
        .contains("Winner: <strong>H100 ×8, P/D 1:3, TP2, 0.3.1</strong> at concurrency 128")
        .contains("<code>ttft.p90&lt;=500ms</code> and <code>tpot.mean&lt;=50ms</code>");
    // GIQ states its costs; the built-in catalog is ambiguous for H100 without a provider
    assertThat(section(html, "costs"))
        .contains("<h3>on-demand</h3>", "<h3>spot</h3>", "stated")
        .contains("giq/benchmarking-data.json:/profile/0/performanceStats/2");
    assertThat(section(html, "pd-vs-aggregated"))
        .contains("meta-llama/Llama-3.1-70B-Instruct | H100 | isl=~2k | osl=~512")
        .contains("meta-llama/Llama-3.1-70B-Instruct | H200 | isl=~2k | osl=~512");
    // 0.3.1 against 0.3.0: throughput +7.9 %, TPOT -7.4 %, E2E latency -7.3 %, TTFT unchanged
    // (the findings' regression measures, the ones prism compare --baseline judges)
    assertThat(section(html, "regression"))
        .contains("0 regressed, 3 improved, 2 unchanged.")
        .contains("+7.9 %", "-7.4 %", "-7.3 %");
    // every estimate names its catalog row and the spread over the rows that could price it
    assertThat(section(html, "costs"))
        .contains("<th>Price row</th>", "<th>Range (USD / 1M output tokens)</th>")
        .contains("GCP a3-highgpu-8g (us-central1) on-demand, 11.1 USD/accelerator-h")
        .contains("(4 rows)</td>");
    // the cheapest P/D H100 point meeting the SLO ranks first, and the rest say how much more
    String ranking = section(html, "cost-ranking");
    assertThat(ranking)
        .contains("<code>ttft.p90&lt;=500ms,tpot.mean&lt;=50ms</code>")
        .contains("<th>Benefit vs the cheapest</th>");
    assertThat(ranking.substring(ranking.indexOf("<h3>on-demand</h3>")))
        .containsPattern(
            "<tr><td class=\"num\" data-v=\"1.0\">1</td><td>H100 ×8, P/D 1:3, TP2, 0.3.1</td>"
                + "<td>concurrency 128, stage 4</td><td class=\"num\" data-v=\"[0-9.]+\">2.46</td>"
                + "<td class=\"num\" data-v=\"0.0\">0 %</td>");
    assertThat(section(html, "summary"))
        .contains("<tr><td>giq</td>", "<tr><td>llmd-br</td>")
        .contains("5 points of files the baseline also loaded are counted as baseline only.");
  }

  @Test
  void sameInputGivesTheSameBytes() {
    LoadResult r = new LoadResult(smallRun("m"), List.of());
    String a = HtmlReport.of(Findings.of(r), HtmlReport.Options.defaults()).toHtml();
    String b =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), List.of())),
                HtmlReport.Options.defaults())
            .toHtml();
    assertThat(a).isEqualTo(b).doesNotContain("generated");
    assertThat(
            HtmlReport.of(
                    Findings.of(r),
                    HtmlReport.Options.defaults().withGeneratedAt("2026-01-02 03:04Z"))
                .toHtml())
        .contains("generated 2026-01-02 03:04Z");
  }

  @Test
  void sectionsWithoutDataAreOneLineNotesNeverEmptyTables() {
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(List.of(), List.of())), HtmlReport.Options.defaults())
            .toHtml();
    for (String id : HtmlReport.SECTION_IDS) {
      if (id.equals("summary")) {
        continue;
      }
      assertThat(section(html, id)).as(id).contains("class=\"omitted\"").contains("class=\"note\"");
    }
    assertThat(html).doesNotContain("<table").doesNotContain("<svg");
    assertThat(section(html, "regression")).contains("no baseline was given");
  }

  @Test
  void aSmallRunShowsTheParetoKneeTheSloWinnerAndPdAgainstAggregated() {
    String html =
        HtmlReport.of(
                Findings.builder(new LoadResult(smallRun("m"), List.of()))
                    .slo("tpot.mean<=25ms")
                    .build(),
                HtmlReport.Options.defaults())
            .toHtml();
    // P/D at concurrency 128: 390 tokens/s / 8 chips, TPOT 24 ms <= 25 ms
    assertThat(section(html, "winners"))
        .contains("Winner: <strong>H100 ×8, P/D 1:1, TP4, 0.9.0</strong> at concurrency 128: 48.8")
        .contains("<code>tpot.mean&lt;=25ms</code>");
    // at TPOT <= 20 only aggregated c=8 (20 ms) and P/D c=8 (18 ms) qualify: 16.3 vs 12.5 per chip
    assertThat(section(html, "pd-vs-aggregated")).contains("+30.0 %");
    // since main's price catalog prices H100 on-demand, the small run gets a labelled estimate
    assertThat(section(html, "costs"))
        .contains("Cheapest under the SLO: <strong>H100 ×8, P/D 1:1, TP4, 0.9.0</strong>")
        .contains("(estimated)");
  }

  @Test
  void aWorkloadWithOnlyOneArchitectureIsListedNotDropped() {
    List<BenchmarkPoint> ps = new ArrayList<>(smallRun("m"));
    ps.add(point("other", "file:///data/other.json", false, 8, 100, 20, 200));
    String pd =
        section(
            HtmlReport.of(Findings.of(new LoadResult(ps, List.of())), HtmlReport.Options.defaults())
                .toHtml(),
            "pd-vs-aggregated");
    assertThat(pd)
        .contains("<h3>m | H100 | isl=~1k | osl=~256</h3>")
        .contains("1 workload has only one architecture: nothing to compare")
        .contains("<li>other | H100 | isl=~1k | osl=~256: aggregated only</li>");
  }

  @Test
  void everyStringFromDataIsEscaped() {
    String hostile = "<script>alert(\"x\")</script>' onload='x";
    List<BenchmarkPoint> ps = new ArrayList<>(smallRun(hostile));
    ps.add(point(hostile, "file:///data/%3Cimg%20src=x%3E.json", false, 16, 150, 21, 220));
    Problem p = Problem.error("<b>bad</b>.json", "/x", "<img src=x onerror=alert(1)>");
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(ps, List.of(p))),
                HtmlReport.Options.defaults().withTitle("<title>&"))
            .toHtml();
    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img")
        .doesNotContain("<b>bad")
        .doesNotContain("onload='x")
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("<title>&lt;title&gt;&amp;</title>");
    assertThat(Pattern.compile("<script>").matcher(html).results().count()).isEqualTo(1);
  }

  @Test
  void thePageFetchesNothing() {
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), List.of())),
                HtmlReport.Options.defaults())
            .toHtml();
    assertThat(html)
        .doesNotContainPattern("(?i)\\s(src|href)=\"(?!#)")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .contains("default-src 'none'")
        .contains("@media (prefers-color-scheme: dark)");
  }

  @Test
  void chartsAreDrawnByTheRendererPluginsHasForSvg() {
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), List.of())),
                HtmlReport.Options.defaults())
            .toHtml();
    // RecordingRenderer is registered for svg in this module's test META-INF/services
    assertThat(section(html, "charts"))
        .contains(RecordingRenderer.MARK)
        .contains("data-points=\"6\"")
        .contains("Output throughput per chip vs TPOT (mean), Pareto frontier dashed");
    assertThat(section(html, "pd-vs-aggregated")).contains(RecordingRenderer.MARK);
    String none =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), List.of())),
                HtmlReport.Options.defaults().withChartFormat("png"))
            .toHtml();
    assertThat(section(none, "charts"))
        .contains("class=\"omitted\"")
        .contains("no chart renderer is installed for &#39;png&#39;");
  }

  @Test
  void theCspAllowsTheInlineScriptAndStylesByHashNeverUnsafeInline() {
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), List.of())),
                HtmlReport.Options.defaults())
            .toHtml();
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1);
    assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    assertThat(policy).contains("script-src '" + sha256(script.group(1)) + "'");
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    int styles = 0;
    while (style.find()) {
      assertThat(policy).contains("'" + sha256(style.group(1)) + "'");
      styles++;
    }
    // the page's own style and the one inside every chart
    assertThat(styles).isGreaterThan(1);
  }

  static String sha256(String s) {
    try {
      return "sha256-"
          + java.util.Base64.getEncoder()
              .encodeToString(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMultiMegabyteModelNameIsShortenedEverywhereItIsShown() {
    String huge = "m".repeat(4_900_000);
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun(huge), List.of())),
                HtmlReport.Options.defaults())
            .toHtml();
    // before: the name appeared in every row, label, tooltip and chart (a 64 MB page)
    assertThat(html.length()).isLessThan(200_000);
    assertThat(html).contains("(4899880 more characters)").doesNotContain("m".repeat(2_001));
  }

  @Test
  void aboveTwoThousandPointsTheStaticChartsAreLeftToTheExplorer() throws Exception {
    List<BenchmarkPoint> ps = new ArrayList<>();
    for (int i = 0; i < ChartsSection.MAX_POINTS + 1; i++) {
      ps.add(point("m", "file:///data/p" + i + ".json", i % 2 == 0, 1 + i, 100 + i, 20, 200));
    }
    String html =
        HtmlReport.of(Findings.of(new LoadResult(ps, List.of())), HtmlReport.Options.defaults())
            .toHtml();
    assertThat(section(html, "charts"))
        .contains("class=\"omitted\"")
        .contains("2001 points: static charts are drawn for up to 2000 points.");
    assertThat(html).doesNotContain(RecordingRenderer.MARK + " data-points=\"2001\"");
    assertThat(EmbeddedDataTest.embedded(html).get("n").asInt()).isEqualTo(2001);
  }

  @Test
  void aMillionProblemsFromOneFileAreCappedWithACountOfTheRest() {
    List<Problem> many = new ArrayList<>(1_000_000);
    Problem one = Problem.error("big.json", "/x", "bad value");
    for (int i = 0; i < 1_000_000; i++) {
      many.add(one);
    }
    many.add(Problem.warning("other.json", "", "odd"));
    String html =
        HtmlReport.of(
                Findings.of(new LoadResult(smallRun("m"), many)), HtmlReport.Options.defaults())
            .toHtml();
    String summary = section(html, "summary");
    assertThat(html.length()).isLessThan(200_000);
    assertThat(summary)
        .contains("Errors and warnings (1000001)")
        .contains("999980 more in <code>big.json</code> not shown.")
        .contains("other.json: odd");
    assertThat(Pattern.compile("big.json:/x: bad value").matcher(summary).results().count())
        .isEqualTo(SummarySection.PER_FILE);
  }
}
