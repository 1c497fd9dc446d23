package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every analysis command through the real entry point, on the project's illustrative examples. */
class AnalysisCommandsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static String examples(String sub) {
    Path root = Fixtures.repositoryRoot().orElseThrow().resolve("examples");
    return root.resolve(sub).toString();
  }

  static Run prism(String... args) {
    return PrismCliTest.prism(args);
  }

  static JsonNode json(Run r) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void thePointsTableNamesItsColumnsWithTheReportsWords(@TempDir Path dir) throws Exception {
    Run table = prism("points", examples("llm-d"));
    assertThat(table.code()).as(table.err()).isZero();
    String head = table.out().lines().findFirst().orElseThrow();
    Path page = dir.resolve("report.html");
    assertThat(prism("report", examples("llm-d"), "-o", page.toString()).code()).isZero();
    String html = Files.readString(page).toLowerCase(Locale.ROOT);
    // the first word of each column's heading is the first word of a report heading, in any case
    for (String column : head.trim().split(" {2,}")) {
      String word = column.split(" ")[0].toLowerCase(Locale.ROOT);
      assertThat(html)
          .as("the report's heading for %s", column)
          .containsPattern("<th>" + Pattern.quote(word) + "[ <]");
    }
  }

  @Test
  void pointsJsonHasTheDocumentedShapeForEveryPoint() throws Exception {
    JsonNode points = json(prism("points", examples("llm-d"), "--json"));

    assertThat(points).hasSize(20);
    JsonNode pd = points.get(5); // h100-disaggregated-1p3d-tp2, concurrency 8
    assertThat(pd.at("/model/id").asText()).isEqualTo("meta-llama/Llama-3.1-70B-Instruct");
    assertThat(pd.at("/accelerator/name").asText()).isEqualTo("H100");
    assertThat(pd.at("/accelerator/count").asInt()).isEqualTo(8);
    assertThat(pd.at("/architecture").asText()).isEqualTo("disaggregated");
    assertThat(pd.at("/pdRatio").asText()).isEqualTo("1:3");
    assertThat(pd.at("/workload/concurrency").asInt()).isEqualTo(8);
    // the file declares TTFT in seconds: the JSON is in ms
    assertThat(pd.at("/metrics/ttft/unit").asText()).isEqualTo("ms");
    assertThat(pd.at("/metrics/ttft/mean").asDouble()).isBetween(150.0, 250.0);
    assertThat(pd.at("/metrics/ttft/derived").asBoolean()).isFalse();
    assertThat(pd.at("/provenance/format").asText()).isEqualTo("llmd-br");
  }

  @Test
  void perChipDividesThroughputByTheEightChips() throws Exception {
    JsonNode total = json(prism("points", examples("llm-d"), "--json"));
    JsonNode perChip = json(prism("points", examples("llm-d"), "--json", "--per-chip"));

    double t = total.get(0).at("/metrics/output_throughput/mean").asDouble();
    assertThat(perChip.get(0).at("/metrics/output_throughput/mean").asDouble())
        .isCloseTo(t / 8, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(perChip.get(0).at("/metrics/ttft")).isEqualTo(total.get(0).at("/metrics/ttft"));
  }

  @Test
  void pointsCsvHasAHeaderAndOneRowPerPoint() {
    Run r = prism("points", examples("llm-d/h200-aggregated-2x-tp4"), "--csv");

    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("model_id,")
        .contains("ttft_mean_ms");
  }

  @Test
  void filtersResolveAliasesBeforeMatching() throws Exception {
    JsonNode h200 =
        json(prism("points", examples("llm-d"), "--json", "--accelerator", "nvidia-h200-141gb"));
    JsonNode pd =
        json(prism("points", examples("llm-d"), "--json", "--architecture", "disaggregated"));

    assertThat(h200).hasSize(10);
    h200.forEach(p -> assertThat(p.at("/accelerator/name").asText()).isEqualTo("H200"));
    assertThat(pd).hasSize(10);
  }

  @Test
  void paretoPerAcceleratorFindsTheDisaggregatedFrontier() throws Exception {
    JsonNode r = json(prism("pareto", examples("llm-d"), "--by", "accelerator", "--json"));

    assertThat(r.get("groups")).extracting(g -> g.get("group").asText()).contains("H100", "H200");
    for (JsonNode g : r.get("groups")) {
      JsonNode frontier = g.get("frontier");
      assertThat(frontier).isNotEmpty();
      frontier.forEach(p -> assertThat(p.at("/configuration/label").asText()).contains("P/D"));
    }
  }

  @Test
  void bestMeetsTheSloAndNamesTheLoadLevel() throws Exception {
    JsonNode r =
        json(
            prism(
                "best",
                examples("llm-d"),
                "--slo",
                "ttft.p90<=500ms,tpot.mean<=30ms",
                "--maximize",
                "output_throughput/chip",
                "--json"));

    JsonNode winner = r.at("/ranked/0");
    assertThat(winner.at("/configuration/label").asText()).contains("H100").contains("P/D 1:3");
    assertThat(winner.get("load").asText()).startsWith("concurrency 128");
    assertThat(r.at("/slo")).hasSize(2);
  }

  @Test
  void bestRefusesToMaximizeALatency() {
    Run r = prism("best", examples("llm-d"), "--maximize", "ttft.p90");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lower is better").contains("--minimize");
  }

  @Test
  void compareWithABaselineFindsTheFasterRelease() throws Exception {
    JsonNode r =
        json(
            prism(
                "compare",
                examples("llm-d/h100-aggregated-4x-tp2"),
                "--baseline",
                examples("releases/0.3.0"),
                "--json"));

    JsonNode tpot = null;
    for (JsonNode c : r.get("changes")) {
      if (c.get("measure").asText().startsWith("tpot")) {
        tpot = c;
      }
    }
    assertThat(tpot).isNotNull();
    assertThat(tpot.get("verdict").asText()).isEqualTo("improved");
    assertThat(tpot.get("percentChange").asDouble()).isBetween(-8.0, -6.0);
  }

  @Test
  void compareWithoutABaselineSetsPdAgainstAggregated() throws Exception {
    JsonNode r = json(prism("compare", examples("llm-d"), "--targets", "30", "--json"));

    assertThat(r.get("groups")).hasSize(2);
    for (JsonNode g : r.get("groups")) {
      assertThat(g.get("sides").asText()).isEqualTo("both");
      assertThat(g.get("rows")).hasSize(1);
      assertThat(g.at("/rows/0/winner").asText()).isEqualTo("disaggregated");
    }
  }

  @Test
  void costUsesTheSourcesOwnPricesAndSaysWhenItCannotPrice() throws Exception {
    JsonNode giq = json(prism("cost", examples("giq"), "--pricing", "spot", "--json"));
    JsonNode spot = giq.at("/models/0/points/0");
    assertThat(giq.at("/models/0/pricingModel").asText()).isEqualTo("spot");
    assertThat(spot.get("estimated").asBoolean()).isFalse();
    assertThat(spot.get("perMillionOutputTokens").asDouble()).isPositive();

    // priced by default from the catalog's default profile, naming the row and the range
    Run byDefault = prism("cost", examples("llm-d/h100-aggregated-4x-tp2"), "--pricing", "spot");
    assertThat(byDefault.out())
        .doesNotContain("no price")
        .contains("[1] GCP a3-highgpu-8g us-central1 spot, cyclenerd-gcp-pricing 2026-08-20")
        .contains("range over 3 rows");
    JsonNode row =
        json(prism("cost", examples("llm-d/h100-aggregated-4x-tp2"), "--pricing", "spot", "--json"))
            .at("/models/0/points/0");
    assertThat(row.at("/row/machineType").asText()).isEqualTo("a3-highgpu-8g");
    assertThat(row.at("/row/asOf").asText()).isEqualTo("2026-08-20");
    assertThat(row.at("/range/rows").asInt()).isEqualTo(3);
  }

  @Test
  void costFlagsNarrowAndAProfileFileReRanks(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path profile = java.nio.file.Files.writeString(dir.resolve("p.yaml"), "provider: AWS\n");
    Run aws =
        prism(
            "cost",
            examples("llm-d/h100-aggregated-4x-tp2"),
            "--pricing",
            "on-demand",
            "--pricing-profile",
            profile.toString());
    assertThat(aws.out()).contains("[1] AWS p5.48xlarge us-east-1 on-demand");
    Run none =
        prism(
            "cost",
            examples("llm-d/h100-aggregated-4x-tp2"),
            "--pricing",
            "cud-1y",
            "--provider",
            "AWS");
    assertThat(none.out()).contains("no price").contains("provider AWS");
    Run bad =
        prism("cost", examples("giq"), "--pricing-profile", dir.resolve("absent.yaml").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("absent.yaml: no such file");
  }

  @Test
  void energyShowsEstimatedPowerWithItsSourceAndSaysWhereNoneIsKnown() throws Exception {
    Run r = prism("energy", examples("llm-d"));
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("~3800 [1]")
        .contains("[1] estimated: 8 accelerators × 475.0 W per H200 (perfdash")
        .contains("no power: the source measured no power and the power table has no row for H100");
    JsonNode j = json(prism("energy", examples("llm-d/h200-aggregated-2x-tp4"), "--json"));
    JsonNode e = j.get(0).at("/metrics/energy_per_million_output_tokens");
    assertThat(e.get("unit").asText()).isEqualTo("Wh/1M tokens");
    assertThat(e.get("derived").asBoolean()).isTrue();
    assertThat(j.get(0).at("/metrics/average_power/rule").asText()).startsWith("estimated");
  }

  @Test
  void resolveShowsCanonicalEntriesAndUnknownNames() {
    Run known = prism("resolve", "accelerator", "nvidia-h100-80gb", "L40S");
    Run unknown = prism("resolve", "model", "no-such-model-xyz");

    assertThat(known.code()).isZero();
    assertThat(known.out())
        .containsPattern("nvidia-h100-80gb +H100 ")
        .containsPattern("L40S +L40S ");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.out()).contains("unknown");
  }

  @Test
  void validateExitsZeroOnCleanInputAndOneOnBrokenInput(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    assertThat(prism("validate", examples("llm-d")).code()).isZero();

    Path broken =
        java.nio.file.Files.writeString(
            dir.resolve("broken.json"), "{\"version\": \"0.2\", \"run\": ");
    Run r = prism("validate", broken.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("broken.json").contains("error:");
  }
}
