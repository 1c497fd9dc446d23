package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every analysis command's {@code --json} has the versioned shape docs/json-format.md documents:
 * the header, each part's fields with their JSON types, and the shared configuration, candidate and
 * source objects. Run on the project's examples, so the documents are real output.
 */
class FindingsJsonShapeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeType OBJ = JsonNodeType.OBJECT;
  static final JsonNodeType ARR = JsonNodeType.ARRAY;
  static final JsonNodeType STR = JsonNodeType.STRING;
  static final JsonNodeType NUM = JsonNodeType.NUMBER;

  static JsonNode run(String part, String... args) throws Exception {
    ReportAndChartCommandTest.Run r = ReportAndChartCommandTest.prism(args);
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("schema").asText()).isEqualTo("prism-findings");
    assertThat(n.get("version").asInt()).isEqualTo(1);
    assertThat(n.get("part").asText()).isEqualTo(part);
    return n;
  }

  static void has(JsonNode n, Map<String, JsonNodeType> fields) {
    fields.forEach(
        (name, type) -> {
          assertThat(n.has(name)).as("%s in %s", name, n).isTrue();
          if (!n.get(name).isNull()) {
            assertThat(n.get(name).getNodeType()).as(name).isEqualTo(type);
          }
        });
  }

  static void configuration(JsonNode c) {
    has(c, Map.of("key", STR, "name", STR, "label", STR));
  }

  static void candidate(JsonNode c) {
    has(c, Map.of("configuration", OBJ, "load", STR, "source", OBJ));
    configuration(c.get("configuration"));
    has(c.get("source"), Map.of("uri", STR, "format", STR, "location", STR));
  }

  static Path ex() {
    return ReportAndChartCommandTest.examples();
  }

  @Test
  void winners() throws Exception {
    JsonNode n =
        run("winners", "best", ex().toString(), "--maximize", "output_throughput/chip", "--json");
    has(
        n,
        Map.of(
            "objective",
            STR,
            "unit",
            STR,
            "slo",
            ARR,
            "winner",
            OBJ,
            "ranked",
            ARR,
            "infeasible",
            ARR,
            "unchecked",
            ARR));
    assertThat(n.get("ranked")).isNotEmpty();
    n.get("ranked").forEach(FindingsJsonShapeTest::candidate);
    n.get("ranked").forEach(c -> has(c, Map.of("rank", NUM, "value", NUM)));
  }

  @Test
  void frontiers() throws Exception {
    JsonNode n = run("frontiers", "pareto", ex().resolve("llm-d").toString(), "--json");
    has(n, Map.of("measures", ARR, "groups", ARR));
    n.get("measures").forEach(m -> has(m, Map.of("measure", STR, "unit", STR)));
    JsonNode g = n.get("groups").get(0);
    has(g, Map.of("group", STR, "considered", NUM, "frontier", ARR, "excluded", ARR));
    g.get("frontier").forEach(FindingsJsonShapeTest::candidate);
    g.get("frontier").forEach(p -> has(p, Map.of("values", ARR, "knee", JsonNodeType.BOOLEAN)));
  }

  @Test
  void costRankings() throws Exception {
    JsonNode n =
        run(
            "cost-rankings",
            "cost",
            ex().resolve("llm-d").toString(),
            ex().resolve("giq").toString(),
            "--ranking",
            "--json");
    has(n, Map.of("slo", STR, "unit", STR, "throughput", OBJ, "models", ARR));
    has(n.get("throughput"), Map.of("measure", STR, "unit", STR));
    assertThat(n.get("models")).hasSize(4);
    int ranked = 0;
    for (JsonNode m : n.get("models")) {
      has(
          m,
          Map.of(
              "pricingModel",
              STR,
              "ranked",
              ARR,
              "infeasible",
              ARR,
              "unranked",
              ARR,
              "frontier",
              ARR));
      for (JsonNode e : m.get("ranked")) {
        candidate(e);
        has(
            e,
            Map.of(
                "rank",
                NUM,
                "benefitPercent",
                NUM,
                "perMillionOutputTokens",
                NUM,
                "estimated",
                JsonNodeType.BOOLEAN,
                "basis",
                STR));
        ranked++;
      }
      for (JsonNode f : m.get("frontier")) {
        candidate(f);
        has(f, Map.of("throughput", NUM, "perMillionOutputTokens", NUM));
      }
    }
    assertThat(ranked).isPositive();
  }

  @Test
  void costs() throws Exception {
    JsonNode n = run("costs", "cost", ex().resolve("giq").toString(), "--json");
    has(n, Map.of("catalogVersion", STR, "unit", STR, "models", ARR));
    for (JsonNode m : n.get("models")) {
      has(
          m,
          Map.of(
              "pricingModel",
              STR,
              "cheapestUnderSlo",
              OBJ,
              "cheapest",
              ARR,
              "points",
              ARR,
              "noPrice",
              ARR));
      for (JsonNode p : m.get("points")) {
        candidate(p);
        if (p.get("perMillionOutputTokens").isNull()) {
          has(p, Map.of("noPrice", STR));
        } else {
          has(
              p,
              Map.of(
                  "perMillionOutputTokens",
                  NUM,
                  "perMillionInputTokens",
                  NUM,
                  "estimated",
                  JsonNodeType.BOOLEAN,
                  "basis",
                  STR));
        }
      }
      m.get("noPrice").forEach(np -> has(np, Map.of("reason", STR, "points", NUM)));
    }
  }

  @Test
  void pdVsAggregated() throws Exception {
    JsonNode n = run("pd-vs-aggregated", "compare", ex().resolve("llm-d").toString(), "--json");
    has(
        n,
        Map.of("throughput", OBJ, "latency", OBJ, "targets", ARR, "groups", ARR, "excluded", ARR));
    JsonNode g = n.get("groups").get(0);
    has(g, Map.of("workload", OBJ, "sides", STR, "rows", ARR));
    has(
        g.get("workload"),
        Map.of(
            "key",
            STR,
            "label",
            STR,
            "model",
            STR,
            "accelerator",
            STR,
            "islBucket",
            STR,
            "oslBucket",
            STR));
    assertThat(g.get("sides").asText()).isIn("both", "aggregated-only", "disaggregated-only");
    for (JsonNode row : g.get("rows")) {
      has(
          row,
          Map.of(
              "latencyTarget",
              NUM,
              "aggregated",
              OBJ,
              "disaggregated",
              OBJ,
              "winner",
              STR,
              "advantagePercent",
              NUM));
    }
  }

  @Test
  void regression() throws Exception {
    JsonNode n =
        run(
            "regression",
            "compare",
            ex().resolve("llm-d/h100-aggregated-4x-tp2").toString(),
            "--baseline",
            ex().resolve("releases/0.3.0").toString(),
            "--json");
    has(
        n,
        Map.of(
            "bandPercent",
            NUM,
            "changes",
            ARR,
            "onlyInBaseline",
            ARR,
            "onlyInCandidate",
            ARR,
            "unmatchedLoads",
            ARR));
    assertThat(n.get("changes")).isNotEmpty();
    for (JsonNode c : n.get("changes")) {
      has(
          c,
          Map.of(
              "configuration",
              OBJ,
              "measure",
              STR,
              "unit",
              STR,
              "baseline",
              NUM,
              "candidate",
              NUM,
              "percentChange",
              NUM,
              "verdict",
              STR,
              "loads",
              ARR));
      assertThat(c.get("verdict").asText()).isIn("improved", "regressed", "unchanged", "no-data");
    }
  }

  @Test
  void sourcesFacetsRankingAndMlperf() throws Exception {
    JsonNode s = run("sources", "validate", ex().toString(), "--json");
    has(
        s,
        Map.of(
            "points",
            NUM,
            "analysed",
            NUM,
            "files",
            NUM,
            "pointsByFormat",
            OBJ,
            "problemsBySeverity",
            OBJ,
            "problemsByKind",
            OBJ));
    JsonNode f = run("facets", "facets", ex().toString(), "--json");
    has(f, Map.of("points", NUM, "configurations", NUM, "filters", OBJ, "facets", OBJ));
    f.get("facets").forEach(vs -> vs.forEach(v -> has(v, Map.of("value", STR, "count", NUM))));
    JsonNode r = run("ranking", "rank", ex().toString(), "--by", "accelerator", "--json");
    has(r, Map.of("measure", STR, "unit", STR, "groups", ARR, "excluded", ARR));
    r.get("groups").forEach(g -> g.get("entries").forEach(FindingsJsonShapeTest::candidate));
    for (String view : List.of("accelerators", "degradation", "rounds")) {
      JsonNode m = run("mlperf-" + view, "mlperf", view, ex().toString(), "--json");
      assertThat(m.size()).isGreaterThan(3);
    }
  }
}
