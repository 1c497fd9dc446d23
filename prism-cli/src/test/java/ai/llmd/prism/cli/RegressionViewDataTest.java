package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.findings.Findings;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data the report's interactive regression view draws from ({@code prism report examples/
 * --baseline examples/releases/0.3.0}) is {@code prism compare --json}'s regression on the same
 * files, change by change with exact values, and each matched configuration carries the explorer
 * facets its compared candidate points agree on, as {@link Facet#agreed} computes them.
 */
class RegressionViewDataTest {

  @TempDir Path tmp;

  /** The unpacked JSON of data block {@code id} of a report page. */
  static JsonNode block(String html, String id) throws Exception {
    Matcher m =
        Pattern.compile("<script type=\"application/octet-stream\" id=\"" + id + "\"[^>]*>([^<]*)<")
            .matcher(html);
    assertThat(m.find()).as("data block %s", id).isTrue();
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))))) {
      return CliJsonMatchesFindingsTest.JSON.readTree(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theViewsDataIsCompareJsonsRegressionWithTheFacetsOfEachConfiguration() throws Exception {
    Path examples = ReportAndChartCommandTest.examples();
    Path baseline = examples.resolve("releases/0.3.0");
    Path page = tmp.resolve("report.html");
    ReportAndChartCommandTest.Run run =
        ReportAndChartCommandTest.prism(
            "report",
            examples.toString(),
            "--baseline",
            baseline.toString(),
            "-o",
            page.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode data = block(Files.readString(page), "regression-data");
    JsonNode compare =
        CliJsonMatchesFindingsTest.cli(
            "compare", examples.toString(), "--baseline", baseline.toString(), "--json");

    // every change with data, by configuration key and measure, with its exact numbers
    Set<List<String>> expected = new HashSet<>();
    int noData = 0;
    for (JsonNode c : compare.get("changes")) {
      if (c.get("verdict").asText().equals("no_data")) {
        noData++;
        continue;
      }
      expected.add(
          List.of(
              c.at("/configuration/key").asText(),
              c.get("measure").asText(),
              Double.toString(c.get("baseline").asDouble()),
              Double.toString(c.get("candidate").asDouble()),
              Double.toString(c.get("percentChange").asDouble()),
              c.get("verdict").asText(),
              Integer.toString(c.get("loads").size())));
    }
    assertThat(expected).hasSizeGreaterThan(4);
    Set<List<String>> shown = new HashSet<>();
    for (JsonNode c : data.get("changes")) {
      JsonNode cfg = data.get("configurations").get(c.get(0).asInt());
      shown.add(
          List.of(
              cfg.get("key").asText(),
              data.get("measures").get(c.get(1).asInt()).get(1).asText(),
              Double.toString(c.get(2).asDouble()),
              Double.toString(c.get(3).asDouble()),
              Double.toString(c.get(4).asDouble()),
              c.get(5).asText(),
              Integer.toString(c.get(6).asInt())));
    }
    assertThat(data.get("changes")).hasSize(expected.size());
    assertThat(shown).isEqualTo(expected);
    assertThat(data.get("band").asDouble()).isEqualTo(compare.get("bandPercent").asDouble());
    assertThat(data.get("unmatched"))
        .hasSize(
            compare.get("onlyInBaseline").size()
                + compare.get("onlyInCandidate").size()
                + compare.get("unmatchedLoads").size()
                + noData);

    // the facets: those the candidate points of each matched configuration agree on
    RegressionReport rr =
        Findings.builder(Prism.create().load(examples.toString()))
            .baseline(Prism.create().load(baseline.toString()))
            .build()
            .regression()
            .orElseThrow();
    Map<String, Map<String, String>> want = new LinkedHashMap<>();
    Map<String, List<ai.llmd.prism.api.BenchmarkPoint>> points = new LinkedHashMap<>();
    for (RegressionReport.Change c : rr.changes()) {
      if (c.verdict() != RegressionReport.Verdict.NO_DATA) {
        List<ai.llmd.prism.api.BenchmarkPoint> ps =
            points.computeIfAbsent(c.configuration().key(), k -> new ArrayList<>());
        c.candidatePoints().stream().filter(p -> !ps.contains(p)).forEach(ps::add);
      }
    }
    points.forEach((k, ps) -> want.put(k, Facet.agreed(Facet.BUILT_IN, ps)));
    Map<String, Map<String, String>> got = new LinkedHashMap<>();
    for (JsonNode cfg : data.get("configurations")) {
      Map<String, String> fs = new LinkedHashMap<>();
      cfg.get("facets").properties().forEach(e -> fs.put(e.getKey(), e.getValue().asText()));
      got.put(cfg.get("key").asText(), fs);
    }
    assertThat(got).isEqualTo(want);
    // a configuration follows the accelerator filter: all its points agree on it
    assertThat(got).isNotEmpty().allSatisfy((k, f) -> assertThat(f).containsKey("accelerator"));
  }
}
