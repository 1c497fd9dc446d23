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
 * The same load fed to the CLI's JSON and to a {@link Findings} object says the same thing: the
 * same winners, frontiers, costs and P/D rows, by configuration key and value.
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
}
