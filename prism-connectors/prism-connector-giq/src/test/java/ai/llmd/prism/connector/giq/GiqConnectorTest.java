package ai.llmd.prism.connector.giq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiqConnectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeGiqServer server;

  @BeforeAll
  static void start() {
    server = FakeGiqServer.start(t -> t.startsWith("token-"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clearLog() {
    server.clearLog();
  }

  private static ConnectorConfig config(String... more) {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("giq.endpoint", server.endpoint());
    m.put("giq.token", "token-static");
    m.put("giq.retryDelay", "0.01");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return ConnectorConfig.of(m);
  }

  private static List<ObjectRef> list(SourceConnector c, String root) throws IOException {
    List<ObjectRef> out = new ArrayList<>();
    c.list(URI.create(root), out::add);
    return out;
  }

  @Test
  void listsOneObjectPerProfilesPageForEveryModelServerAndPricingModel() throws Exception {
    try (SourceConnector c = new GiqConnectorProvider().create(config())) {
      List<ObjectRef> listed = list(c, "giq://my-project");

      // 3 model-server pairs x 4 pricing models x 2 pages
      assertThat(listed).hasSize(24);
      assertThat(listed)
          .extracting(ObjectRef::key)
          .contains(
              "profiles/google/gemma-2-9b-it/vllm/spot/page-1.json",
              "profiles/google/gemma-2-9b-it/vllm/spot/page-2.json",
              "profiles/meta-llama/Llama-3.1-8B-Instruct/tgi/3-years-cud/page-2.json")
          .doesNotHaveDuplicates();
      assertThat(listed.get(0).uri())
          .isEqualTo(
              URI.create("giq://my-project/profiles/google/gemma-2-9b-it/vllm/spot/page-1.json"));
      assertThat(listed).allSatisfy(o -> assertThat(o.changeToken()).hasSize(64));
    }
    List<FakeGiqServer.Request> log = server.requests();
    assertThat(log).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer token-static"));
    assertThat(log).allSatisfy(r -> assertThat(r.userProject()).isEqualTo("my-project"));
    assertThat(log)
        .filteredOn(r -> r.path().equals("/v1/models:fetch"))
        .extracting(r -> r.query().get("pageToken"))
        .containsExactly(null, "models-2");
    assertThat(log)
        .filteredOn(r -> r.path().equals("/v1/modelServers:fetch"))
        .extracting(r -> r.query().get("model"))
        .containsExactly(FakeGiqServer.GEMMA, FakeGiqServer.LLAMA);
    List<FakeGiqServer.Request> profiles =
        log.stream().filter(r -> r.path().equals("/v1/profiles:fetch")).toList();
    assertThat(profiles).hasSize(24);
    assertThat(profiles)
        .extracting(
            r -> r.body().path("model").asText(),
            r -> r.body().path("modelServer").asText(),
            r -> r.body().at("/performanceRequirements/targetCost/pricingModel").asText(),
            r -> r.body().path("pageToken").asText(null))
        .contains(
            tuple(FakeGiqServer.LLAMA, "tgi", "on-demand", null),
            tuple(FakeGiqServer.LLAMA, "tgi", "on-demand", "profiles-2"))
        .doesNotHaveDuplicates();
  }

  @Test
  void opensEachPageFromWhatListingFetchedWithoutAskingAgain() throws Exception {
    try (SourceConnector c = new GiqConnectorProvider().create(config())) {
      List<ObjectRef> listed =
          list(c, "giq://p?model=" + FakeGiqServer.LLAMA + "&modelServer=vllm&pricingModel=spot");
      int requestsAfterListing = server.requests().size();

      assertThat(listed)
          .extracting(ObjectRef::key)
          .containsExactly(
              "profiles/meta-llama/Llama-3.1-8B-Instruct/vllm/spot/page-1.json",
              "profiles/meta-llama/Llama-3.1-8B-Instruct/vllm/spot/page-2.json");
      JsonNode page2;
      try (InputStream in = c.open(listed.get(1))) {
        page2 = JSON.readTree(in.readAllBytes());
      }
      assertThat(listed.get(1).size()).isEqualTo(JSON.writeValueAsBytes(page2).length);
      assertThat(page2.path("profile")).hasSize(1);
      assertThat(page2.has("nextPageToken")).isFalse();
      JsonNode cost = page2.at("/profile/0/performanceStats/0/cost/0");
      assertThat(cost.at("/costPerMillionOutputTokens/units").isTextual()).isTrue();
      assertThat(cost.at("/costPerMillionInputTokens").has("units")).isFalse();
      assertThat(server.requests()).hasSize(requestsAfterListing);
      assertThat(requestsAfterListing).isEqualTo(2);
    }
  }

  @Test
  void aConnectorThatDidNotListAPageFetchesItByWalkingItsPages() throws Exception {
    ObjectRef page2;
    try (SourceConnector c = new GiqConnectorProvider().create(config())) {
      page2 =
          list(
                  c,
                  "giq://p?model="
                      + FakeGiqServer.GEMMA
                      + "&modelServer=vllm&pricingModel=on-demand")
              .get(1);
    }
    server.clearLog();
    try (SourceConnector fresh = new GiqConnectorProvider().create(config());
        InputStream in = fresh.open(page2)) {
      JsonNode json = JSON.readTree(in.readAllBytes());
      assertThat(json.at("/profile/0/performanceStats/0/outputTokensPerSecond").asInt())
          .isEqualTo(500);
    }
    assertThat(server.requests())
        .extracting(r -> r.body().path("pageToken").asText(null))
        .containsExactly(null, "profiles-2");
  }

  @Test
  void asksTheTokenSupplierBeforeEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    GiqConnectorProvider provider =
        new GiqConnectorProvider(() -> "token-" + calls.incrementAndGet());
    try (SourceConnector c = provider.create(config("giq.token", ""))) {
      list(c, "giq://p?model=" + FakeGiqServer.GEMMA + "&pricingModel=spot");
    }
    List<FakeGiqServer.Request> log = server.requests();
    assertThat(log).hasSize(3);
    assertThat(calls).hasValue(3);
    assertThat(log)
        .extracting(FakeGiqServer.Request::authorization)
        .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-3");
  }

  @Test
  void withoutATokenTheRefusalSaysHowToGiveOne() throws Exception {
    try (SourceConnector c = new GiqConnectorProvider().create(config("giq.token", ""))) {
      assertThatThrownBy(() -> list(c, "giq://p"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("Request is missing required authentication credential")
          .hasMessageContaining("giq.token");
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retriesUnavailableAnswersAndGivesUpAfterMaxAttempts() throws Exception {
    String root = "giq://p?model=" + FakeGiqServer.GEMMA + "&modelServer=vllm&pricingModel=spot";
    try (SourceConnector c = new GiqConnectorProvider().create(config())) {
      server.failNext(2, 503);
      assertThat(list(c, root)).hasSize(2);
      assertThat(server.requests()).hasSize(4);

      server.clearLog();
      server.failNext(3, 503);
      assertThatThrownBy(() -> list(c, root))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 503");
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void stopsRetryingAtTheDeadlineWhateverMaxAttemptsSays() throws Exception {
    String root = "giq://p?model=" + FakeGiqServer.GEMMA + "&modelServer=vllm&pricingModel=spot";
    ConnectorConfig config =
        config("giq.maxAttempts", "10000", "giq.retryDelay", "0.05", "giq.deadline", "PT0.5S");
    try (SourceConnector c = new GiqConnectorProvider().create(config)) {
      server.failNext(10000, 503);
      assertThatThrownBy(() -> list(c, root))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("gave up at the deadline of PT0.5S");
      assertThat(server.requests().size()).isBetween(2, 100);
    } finally {
      server.failNext(0, 503);
    }
  }

  @Test
  void rejectsParametersItDoesNotKnow() throws Exception {
    try (SourceConnector c = new GiqConnectorProvider().create(config())) {
      assertThatThrownBy(() -> list(c, "giq://p?modle=x"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("unknown parameter 'modle'");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void prismLoadsEveryProfileOfEveryPricingModel() {
    Prism prism =
        Prism.of(
                Plugins.builder()
                    .reader(new ProfilesProbeReader())
                    .connector(new GiqConnectorProvider(() -> "token-x"))
                    .build(),
                LoadOptions.defaults().withConnectorConfig(config("giq.token", "")))
            .withNormalizer(Normalizer.none());

    LoadResult result =
        prism.load("giq://my-project?model=" + FakeGiqServer.GEMMA + "&modelServer=vllm");

    assertThat(result.problems()).isEmpty();
    // 3 profiles x 4 pricing models
    assertThat(result.points()).hasSize(12);
    assertThat(result.points())
        .filteredOn(p -> p.labels().get("pricingModel").equals("1-year-cud"))
        .extracting(p -> p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElseThrow())
        .containsExactlyInAnyOrder(300.0, 400.0, 500.0);
    assertThat(result.points())
        .extracting(BenchmarkPoint::provenance)
        .extracting(p -> p.source().toString())
        .contains("giq://my-project/profiles/google/gemma-2-9b-it/vllm/spot/page-2.json");
    assertThat(server.requests()).hasSize(8);
  }
}
