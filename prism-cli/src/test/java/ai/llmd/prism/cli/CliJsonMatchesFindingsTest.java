package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.findings.Costs;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Frontier;
import ai.llmd.prism.core.findings.PdComparison;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same load fed to the CLI's JSON, to a {@link Findings} object and to {@code prism report}
 * says the same thing: the same winners, frontiers, costs and P/D rows, by configuration key (or
 * source point) and exact value. The report's numbers are read from the exact values its sortable
 * cells carry ({@code data-v}), its points from the source column.
 */
class CliJsonMatchesFindingsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode cli(String... args) throws Exception {
    ReportAndChartCommandTest.Run r = ReportAndChartCommandTest.prism(args);
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  static Findings.Builder findings(Path... sources) {
    LoadResult r =
        Prism.create().load(List.of(sources).stream().map(Path::toString).toArray(String[]::new));
    return Findings.builder(r);
  }

  @Test
  void winnersAreTheSame() throws Exception {
    Path llmd = ReportAndChartCommandTest.examples().resolve("llm-d");
    String slo = "ttft.p90<=500ms,tpot.mean<=50ms";
    JsonNode json =
        cli(
            "best",
            llmd.toString(),
            "--slo",
            slo,
            "--maximize",
            "output_throughput/chip",
            "--json");
    List<Optimum.Candidate> ranked = findings(llmd).slo(slo).build().winners().ranked();

    assertThat(json.get("part").asText()).isEqualTo("winners");
    assertThat(json.get("ranked")).hasSize(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      JsonNode c = json.get("ranked").get(i);
      assertThat(c.at("/configuration/key").asText())
          .isEqualTo(ranked.get(i).configuration().key());
      assertThat(c.get("load").asText()).isEqualTo(ranked.get(i).loadLevel());
      assertThat(c.get("value").asDouble()).isEqualTo(ranked.get(i).objective());
    }
    assertThat(json.at("/winner/configuration/key").asText())
        .isEqualTo(ranked.get(0).configuration().key());
  }

  @Test
  void frontiersAreTheSame() throws Exception {
    Path llmd = ReportAndChartCommandTest.examples().resolve("llm-d");
    JsonNode json = cli("pareto", llmd.toString(), "--by", "accelerator", "--json");
    List<Frontier> fs =
        findings(llmd)
            .frontierGroups(ai.llmd.prism.core.analysis.Facet.ACCELERATOR)
            .build()
            .frontiers();

    assertThat(json.get("groups")).hasSize(fs.size());
    for (int g = 0; g < fs.size(); g++) {
      JsonNode group = json.get("groups").get(g);
      Frontier f = fs.get(g);
      assertThat(group.get("group").asText()).isEqualTo(f.group());
      assertThat(group.get("frontier")).hasSize(f.frontier().size());
      for (int i = 0; i < f.frontier().size(); i++) {
        ParetoResult.Entry e = f.frontier().get(i);
        JsonNode p = group.get("frontier").get(i);
        assertThat(p.get("source").get("uri").asText())
            .isEqualTo(e.point().provenance().source().toString());
        assertThat(p.get("values").get(0).asDouble()).isEqualTo(e.values().get(0));
        assertThat(p.get("values").get(1).asDouble()).isEqualTo(e.values().get(1));
        assertThat(p.get("knee").asBoolean())
            .isEqualTo(f.knee() != null && f.knee().point() == e.point());
      }
    }
  }

  @Test
  void costsAreTheSame() throws Exception {
    Path ex = ReportAndChartCommandTest.examples();
    JsonNode json =
        cli(
            "cost",
            ex.resolve("llm-d").toString(),
            ex.resolve("giq").toString(),
            "--pricing",
            "spot,on-demand",
            "--json");
    Costs costs =
        findings(ex.resolve("llm-d"), ex.resolve("giq"))
            .pricing(List.of(PricingModel.SPOT, PricingModel.ON_DEMAND))
            .build()
            .costs();

    assertThat(json.get("models")).hasSize(2);
    int m = 0;
    for (Costs.ForModel fm : costs.byModel().values()) {
      JsonNode model = json.get("models").get(m++);
      assertThat(model.get("pricingModel").asText()).isEqualTo(fm.model().key());
      List<String> priced = new ArrayList<>();
      for (JsonNode p : model.get("points")) {
        priced.add(
            p.at("/configuration/key").asText()
                + " @ "
                + p.get("load").asText()
                + " = "
                + (p.get("perMillionOutputTokens").isNull()
                    ? "no price: " + p.get("noPrice").asText()
                    : p.get("perMillionOutputTokens").asDouble()));
      }
      assertThat(priced)
          .containsExactlyElementsOf(
              fm.points().stream()
                  .map(
                      pc ->
                          pc.configuration().key()
                              + " @ "
                              + ai.llmd.prism.core.findings.Labels.load(pc.point())
                              + " = "
                              + (pc.estimate() == null
                                  ? "no price: " + pc.noPriceReason()
                                  : pc.estimate().perMillionOutputTokens()))
                  .toList());
      assertThat(model.get("cheapest")).hasSize(fm.cheapest().size());
    }
  }

  @Test
  void pdRowsAreTheSameAndOneSidedGroupsSaySo() throws Exception {
    Path ex = ReportAndChartCommandTest.examples();
    for (Path src : List.of(ex.resolve("llm-d"), ex.resolve("llm-d/h100-aggregated-4x-tp2"))) {
      JsonNode json = cli("compare", src.toString(), "--json");
      PdComparison pd = findings(src).build().pdVsAggregated();

      assertThat(json.get("groups")).hasSize(pd.groups().size());
      for (int g = 0; g < pd.groups().size(); g++) {
        PdComparison.Group group = pd.groups().get(g);
        JsonNode jg = json.get("groups").get(g);
        assertThat(jg.at("/workload/key").asText()).isEqualTo(group.workload().key());
        assertThat(jg.get("sides").asText())
            .isEqualTo(group.sides().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(jg.get("rows")).hasSize(group.rows().size());
        for (int i = 0; i < group.rows().size(); i++) {
          ArchitectureComparison.Row r = group.rows().get(i);
          JsonNode row = jg.get("rows").get(i);
          assertThat(row.get("latencyTarget").asDouble()).isEqualTo(r.latencyTarget());
          side(row.get("aggregated"), r.aggregated());
          side(row.get("disaggregated"), r.disaggregated());
        }
      }
    }
  }

  private static void side(JsonNode n, Optimum.Candidate c) {
    if (c == null) {
      assertThat(n.isNull()).isTrue();
    } else {
      assertThat(n.at("/configuration/key").asText()).isEqualTo(c.configuration().key());
      assertThat(n.get("value").asDouble()).isEqualTo(c.objective());
    }
  }

  // ---- the report says what the JSON says ----

  static final String SLO = "ttft.p90<=500ms,tpot.mean<=50ms";

  static String report(String... sources) throws Exception {
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(sources));
    args.addAll(List.of("-o", "-", "--slo", SLO));
    ReportAndChartCommandTest.Run r = ReportAndChartCommandTest.prism(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  static String section(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<section id=\"" + id + "\"[^>]*>(.*?)</section>", java.util.regex.Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("section %s", id).isTrue();
    return m.group(1);
  }

  /** The rows of the first table after {@code from} in {@code html}, each as its cells. */
  static List<List<String>> rows(String html, int from) {
    int start = html.indexOf("<tbody>", from);
    String body = html.substring(start, html.indexOf("</tbody>", start));
    List<List<String>> out = new ArrayList<>();
    for (String tr : body.split("<tr[^>]*>")) {
      if (!tr.contains("<td")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      java.util.regex.Matcher c =
          java.util.regex.Pattern.compile("<td([^>]*)>(.*?)</td>", java.util.regex.Pattern.DOTALL)
              .matcher(tr);
      while (c.find()) {
        java.util.regex.Matcher v =
            java.util.regex.Pattern.compile("data-v=\"([^\"]*)\"").matcher(c.group(1));
        cells.add(v.find() ? v.group(1) : c.group(2).replaceAll("<[^>]*>", ""));
      }
      out.add(cells);
    }
    return out;
  }

  /** The point a JSON source names, as the report's source column shows it (a path suffix). */
  static boolean samePoint(JsonNode source, String shown) {
    String loc = source.get("location").asText();
    String uri = source.get("uri").asText();
    return (loc.isEmpty() ? uri : uri + ":" + loc).endsWith(shown.replace("&amp;", "&"));
  }

  /**
   * The report names an entry's configuration with the very words the JSON's {@code
   * configuration.name} holds (the report escapes them and never reformats them).
   */
  static void sameName(String cell, JsonNode entry) {
    String name = entry.at("/configuration/name").asText();
    assertThat(name).as("configuration.name of %s", entry).isNotEmpty();
    assertThat(cell.replace("&amp;", "&")).isEqualTo(name);
  }

  static double v(String cell) {
    return Double.parseDouble(cell);
  }

  /** A report cell holds the JSON's exact value, or "–" where the JSON has null. */
  static void sameNumber(String cell, JsonNode n) {
    if (n == null || n.isNull()) {
      assertThat(cell).isEqualTo("–");
    } else {
      assertThat(v(cell)).isEqualTo(n.asDouble());
    }
  }

  @Test
  void theReportShowsTheSameWinnersAndFrontier() throws Exception {
    Path llmd = ReportAndChartCommandTest.examples().resolve("llm-d");
    JsonNode best =
        cli(
            "best",
            llmd.toString(),
            "--slo",
            SLO,
            "--maximize",
            "output_throughput/chip",
            "--json");
    JsonNode pareto = cli("pareto", llmd.toString(), "--json");
    String winners = section(report(llmd.toString()), "winners");

    List<List<String>> ranked = rows(winners, 0);
    assertThat(ranked).hasSize(best.get("ranked").size()).isNotEmpty();
    for (int i = 0; i < ranked.size(); i++) {
      JsonNode c = best.get("ranked").get(i);
      List<String> row = ranked.get(i);
      assertThat(v(row.get(0))).isEqualTo(c.get("rank").asDouble());
      sameName(row.get(1), c);
      assertThat(row.get(2)).isEqualTo(c.get("load").asText());
      assertThat(v(row.get(3))).isEqualTo(c.get("value").asDouble());
      assertThat(samePoint(c.get("source"), row.get(4))).as(row.get(4)).isTrue();
    }
    List<List<String>> front = rows(winners, winners.indexOf("Pareto frontier"));
    JsonNode group = pareto.get("groups").get(0);
    assertThat(pareto.get("groups")).hasSize(1);
    assertThat(front).hasSize(group.get("frontier").size()).isNotEmpty();
    for (int i = 0; i < front.size(); i++) {
      JsonNode p = group.get("frontier").get(i);
      List<String> row = front.get(i);
      sameName(row.get(0), p);
      assertThat(row.get(1)).isEqualTo(p.get("load").asText());
      assertThat(v(row.get(2))).isEqualTo(p.get("values").get(0).asDouble());
      assertThat(v(row.get(3))).isEqualTo(p.get("values").get(1).asDouble());
      assertThat(samePoint(p.get("source"), row.get(4))).as(row.get(4)).isTrue();
    }
  }

  @Test
  void theReportShowsTheSameCostsAndCostRanking() throws Exception {
    Path ex = ReportAndChartCommandTest.examples();
    String[] sources = {ex.resolve("llm-d").toString(), ex.resolve("giq").toString()};
    JsonNode costs = cli("cost", sources[0], sources[1], "--slo", SLO, "--json");
    JsonNode ranking = cli("cost", sources[0], sources[1], "--slo", SLO, "--ranking", "--json");
    String html = report(sources);
    String costSection = section(html, "costs");
    String rankSection = section(html, "cost-ranking");

    int checked = 0;
    for (JsonNode model : costs.get("models")) {
      String key = model.get("pricingModel").asText();
      if (model.get("cheapest").isEmpty()) {
        assertThat(costSection).doesNotContain("<h3>" + key + "</h3>");
        continue;
      }
      List<List<String>> rows = rows(costSection, costSection.indexOf("<h3>" + key + "</h3>"));
      assertThat(rows).as(key).hasSize(model.get("cheapest").size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode c = model.get("cheapest").get(i);
        List<String> row = rows.get(i);
        sameName(row.get(0), c);
        assertThat(row.get(1)).isEqualTo(c.get("load").asText());
        assertThat(v(row.get(2))).isEqualTo(c.get("perMillionOutputTokens").asDouble());
        sameNumber(row.get(3), c.get("perMillionInputTokens"));
        assertThat(row.get(4)).isEqualTo(c.get("estimated").asBoolean() ? "estimated" : "stated");
        if (c.at("/range/rows").asInt() > 1 && c.at("/range").has("perMillionOutputTokensLow")) {
          assertThat(v(row.get(5))).isEqualTo(c.at("/range/perMillionOutputTokensLow").asDouble());
        } else {
          assertThat(row.get(5)).isEqualTo("–");
        }
        if (c.has("row")) {
          assertThat(row.get(6))
              .startsWith(
                  c.at("/row/provider").asText()
                      + " "
                      + c.at("/row/machineType").asText()
                      + " ("
                      + c.at("/row/region").asText()
                      + ") "
                      + key);
        }
        assertThat(samePoint(c.get("source"), row.get(7))).as(row.get(7)).isTrue();
        checked++;
      }
      JsonNode under = model.get("cheapestUnderSlo");
      if (!under.isNull()) {
        assertThat(costSection.substring(costSection.indexOf("<h3>" + key + "</h3>")))
            .contains(
                "</strong> at "
                    + under.get("load").asText()
                    + ": "
                    + ReportNumbers.of(under.get("perMillionOutputTokens").asDouble()));
      }
    }
    assertThat(checked).isPositive();
    assertThat(ranking.get("slo").asText()).isEqualTo(SLO);
    for (JsonNode model : ranking.get("models")) {
      String key = model.get("pricingModel").asText();
      if (model.get("ranked").isEmpty()) {
        continue;
      }
      List<List<String>> rows = rows(rankSection, rankSection.indexOf("<h3>" + key + "</h3>"));
      assertThat(rows).as(key).hasSize(model.get("ranked").size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode e = model.get("ranked").get(i);
        List<String> row = rows.get(i);
        assertThat(v(row.get(0))).isEqualTo(e.get("rank").asDouble());
        sameName(row.get(1), e);
        assertThat(row.get(2)).isEqualTo(e.get("load").asText());
        assertThat(v(row.get(3))).isEqualTo(e.get("perMillionOutputTokens").asDouble());
        assertThat(v(row.get(4))).isEqualTo(e.get("benefitPercent").asDouble());
        assertThat(samePoint(e.get("source"), row.get(7))).as(row.get(7)).isTrue();
      }
    }
  }

  @Test
  void theReportShowsTheSamePdRowsAndNamesOneSidedWorkloads() throws Exception {
    Path ex = ReportAndChartCommandTest.examples();
    // examples/ has H100 and H200 both ways; a workload with one side must be named, not dropped
    JsonNode json = cli("compare", ex.toString(), "--json");
    String pd = section(report(ex.toString()), "pd-vs-aggregated");

    int both = 0;
    for (JsonNode g : json.get("groups")) {
      String key = g.at("/workload/key").asText();
      if (!g.get("sides").asText().equals("both")) {
        assertThat(pd)
            .contains(
                key
                    + (g.get("sides").asText().equals("aggregated-only")
                        ? ": aggregated only"
                        : ": P/D only"));
        continue;
      }
      both++;
      List<List<String>> rows = rows(pd, pd.indexOf("<h3>" + key + "</h3>"));
      assertThat(rows).as(key).hasSize(g.get("rows").size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode r = g.get("rows").get(i);
        List<String> row = rows.get(i);
        assertThat(v(row.get(0))).isEqualTo(r.get("latencyTarget").asDouble());
        side(row.get(2), r.get("aggregated"));
        side(row.get(4), r.get("disaggregated"));
      }
    }
    assertThat(both).isPositive();
  }

  private static void side(String cell, JsonNode c) {
    sameNumber(cell, c.isNull() ? c : c.get("value"));
  }

  /** The report's number formatting for the text of a winner line (three significant figures). */
  static final class ReportNumbers {
    static String of(double v) {
      double a = Math.abs(v);
      if (v == Math.rint(v)) {
        return Long.toString((long) v);
      }
      if (a >= 100) {
        return String.format(java.util.Locale.ROOT, "%.0f", v);
      }
      if (a >= 10) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
      }
      if (a >= 1) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
      }
      return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
  }
}
