package ai.llmd.prism.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The explorer's embedded data, read back out of the page: every number is the model's, bit for
 * bit, after gzip and base64; and the page stays small because the static table is bounded.
 */
class EmbeddedDataTest {

  private static final Pattern BLOCK =
      Pattern.compile(
          "<script type=\"application/octet-stream\" id=\"prism-data\""
              + " data-encoding=\"gzip\\+base64\">([A-Za-z0-9+/=]*)</script>");

  static JsonNode embedded(String html) throws Exception {
    Matcher m = BLOCK.matcher(html);
    assertThat(m.find()).as("the packed data block").isTrue();
    return new ObjectMapper().readTree(Packing.unpacked(m.group(1)));
  }

  static void assertRoundTrip(List<BenchmarkPoint> loaded) throws Exception {
    String html =
        HtmlReport.of(Findings.of(new LoadResult(loaded, List.of())), HtmlReport.Options.defaults())
            .toHtml();
    JsonNode d = embedded(html);
    List<BenchmarkPoint> ps = Catalog.of(loaded).points();
    assertThat(d.get("n").asInt()).isEqualTo(ps.size());

    int checked = 0;
    for (JsonNode m : d.get("measures")) {
      String[] key = m.get("key").asText().split("\\.");
      Metric metric = Metric.byKey(key[0]).orElseThrow();
      Statistic stat = Statistic.byKey(key[1]).orElseThrow();
      assertThat(m.get("unit").asText()).isEqualTo(metric.unit().symbol());
      for (int i = 0; i < ps.size(); i++) {
        OptionalDouble want = ps.get(i).metrics().get(metric, stat);
        JsonNode got = m.get("values").get(i);
        if (want.isPresent() && Double.isFinite(want.getAsDouble())) {
          assertThat(got.asDouble())
              .as("%s of point %d", m.get("key"), i)
              .isEqualTo(want.getAsDouble());
          checked++;
        } else {
          assertThat(got.isNull()).as("%s of point %d", m.get("key"), i).isTrue();
        }
      }
    }
    assertThat(checked).isPositive();

    CostEstimator costs = CostEstimator.of(PricingCatalog.builtIn());
    for (JsonNode pr : d.get("pricing")) {
      PricingModel model = PricingModel.byKey(pr.get("key").asText()).orElseThrow();
      for (int i = 0; i < ps.size(); i++) {
        var est = costs.estimate(ps.get(i), model);
        OptionalDouble want =
            est.map(c -> c.perMillion(CostEstimate.Tokens.OUTPUT)).orElse(OptionalDouble.empty());
        JsonNode got = pr.get("values").get(i);
        if (want.isPresent()) {
          assertThat(got.asDouble()).isEqualTo(want.getAsDouble());
          assertThat(pr.get("estimated").asText().charAt(i))
              .isEqualTo(est.get().estimated() ? '1' : '0');
        } else {
          assertThat(got.isNull()).isTrue();
        }
      }
    }

    List<Facet> facets = Catalog.of(loaded).facets();
    for (int f = 0; f < facets.size(); f++) {
      JsonNode facet = d.get("facets").get(f);
      assertThat(facet.get("name").asText()).isEqualTo(facets.get(f).name());
      for (int i = 0; i < ps.size(); i++) {
        String value = facet.get("values").get(facet.get("ids").get(i).asInt()).asText();
        assertThat(value).isEqualTo(Html.shorten(facets.get(f).valueOf(ps.get(i)), Html.KEPT));
      }
    }

    for (int i = 0; i < ps.size(); i++) {
      OptionalInt chips = Views.divisor(ps.get(i).deployment(), Views.Basis.ACCELERATOR);
      JsonNode got = d.get("divisors").get("chip").get(i);
      assertThat(got.isNull() ? OptionalInt.empty() : OptionalInt.of(got.asInt())).isEqualTo(chips);
    }
  }

  @Test
  void everyEmbeddedNumberOfTheExamplesIsTheModelsExactly() throws Exception {
    assertRoundTrip(Prism.create().load(HtmlReportTest.examples().toString()).points());
  }

  @Test
  void everyEmbeddedNumberOfTheRealFixturesIsTheModelsExactly() throws Exception {
    List<BenchmarkPoint> all = new ArrayList<>();
    for (String dir : List.of("llm-d-benchmark", "inference-perf", "guidellm", "perfdash")) {
      Path p = Fixtures.require(dir);
      all.addAll(Prism.create().load(p.toString()).points());
    }
    assertThat(all).hasSizeGreaterThan(500);
    assertRoundTrip(all);
  }

  @Test
  void theStaticTableStopsAtItsBoundAcrossConfigurations() {
    List<BenchmarkPoint> base = Prism.create().load(HtmlReportTest.examples().toString()).points();
    List<BenchmarkPoint> many = new ArrayList<>();
    for (int i = 0; i < 3 * ConfigurationsSection.ROWS; i++) {
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
    String html =
        HtmlReport.of(Findings.of(new LoadResult(many, List.of())), HtmlReport.Options.defaults())
            .toHtml();
    String table = HtmlReportTest.section(html, "configurations");
    assertThat(table.split("<tr>", -1).length - 2).isEqualTo(ConfigurationsSection.ROWS);
    assertThat(table).contains((many.size() - ConfigurationsSection.ROWS) + " more points");
  }
}
