package ai.llmd.prism.cli;

import static ai.llmd.prism.cli.AnalysisCommandsTest.examples;
import static ai.llmd.prism.cli.AnalysisCommandsTest.prism;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prism publish} to a local directory, through the real CLI: validation first,
 * content-addressed reports, an index that concurrent publishers both end up in, and every command
 * reading the store back through its index.
 */
class PublishCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static List<String> indexLines(Path store) throws Exception {
    return Files.readAllLines(store.resolve("index.jsonl")).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  static JsonNode points(String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "points";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--json";
    Run r = prism(all);
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void publishesEachPointAsAContentAddressedReportAndIndexesIt() throws Exception {
    Path store = tmp.resolve("store");
    Run r = prism("publish", examples("llm-d"), "--to", store.toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode original = points(examples("llm-d"));
    int n = original.size();
    assertThat(r.out()).contains("published " + n + " points").contains(n + " reports written");
    List<String> lines = indexLines(store);
    assertThat(lines).hasSize(n);
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      byte[] report = Files.readAllBytes(store.resolve(e.path("object").asText()));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(report));
      assertThat(e.path("hash").asText()).isEqualTo(sha);
      assertThat(e.path("object").asText()).isEqualTo("results/" + sha + ".yaml");
      assertThat(e.path("configuration").asText()).isNotBlank();
      assertThat(e.path("label").asText()).isNotBlank();
      assertThat(e.at("/provenance/source").asText()).startsWith("file:");
      assertThat(e.path("published").asText()).endsWith("Z");
      assertThat(new String(report, StandardCharsets.UTF_8)).startsWith("version: \"0.2\"");
    }

    // read back through the index: the same points, provenance saying where they came from
    JsonNode back = points(store.toString());
    assertThat(back.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(back.get(i).path("metrics")).isNotEmpty();
    }
    assertThat(back.findValuesAsText("id"))
        .containsExactlyInAnyOrderElementsOf(original.findValuesAsText("id"));
  }

  @Test
  void publishingAgainWritesNothingNew() throws Exception {
    Path store = tmp.resolve("store");
    assertThat(prism("publish", examples("llm-d"), "--to", store.toString()).code()).isZero();
    List<String> before = indexLines(store);

    Run again = prism("publish", examples("llm-d"), "--to", store.toString(), "--json");

    assertThat(again.code()).as(again.err()).isZero();
    JsonNode j = JSON.readTree(again.out());
    assertThat(j.path("written").asInt()).isZero();
    assertThat(j.path("already_present").asInt()).isEqualTo(before.size());
    assertThat(j.path("indexed").asInt()).isZero();
    assertThat(indexLines(store)).isEqualTo(before);
  }

  @Test
  void inputsWithErrorsAreRefusedUnlessAllowed() throws Exception {
    Path bad = tmp.resolve("in");
    Files.createDirectories(bad.resolve("good"));
    try (Stream<Path> files = Files.list(Path.of(examples("llm-d/h100-aggregated-4x-tp2")))) {
      for (Path f : files.toList()) {
        Files.copy(f, bad.resolve("good").resolve(f.getFileName()));
      }
    }
    Files.writeString(bad.resolve("broken.json"), "{\"version\": \"0.2\", \"run\": {");
    Path store = tmp.resolve("store");

    Run refused = prism("publish", bad.toString(), "--to", store.toString());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("broken.json").contains("nothing published");
    assertThat(store).doesNotExist();

    Run allowed = prism("publish", bad.toString(), "--to", store.toString(), "--allow-problems");

    assertThat(allowed.code()).as("errors in the inputs still give 1").isEqualTo(1);
    assertThat(allowed.out()).contains("reports written");
    assertThat(indexLines(store)).isNotEmpty();
  }

  @Test
  void twoConcurrentPublishersLoseNoEntry() throws Exception {
    Path store = tmp.resolve("store");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Run> a = () -> prism("publish", examples("llm-d"), "--to", store.toString());
      Callable<Run> b = () -> prism("publish", examples("releases"), "--to", store.toString());
      Future<Run> fa = pool.submit(a);
      Future<Run> fb = pool.submit(b);
      assertThat(fa.get().code()).as(fa.get().err()).isZero();
      assertThat(fb.get().code()).as(fb.get().err()).isZero();
    } finally {
      pool.shutdown();
    }
    int expected = points(examples("llm-d")).size() + points(examples("releases")).size();
    assertThat(indexLines(store)).hasSize(expected);
    assertThat(points(store.toString()).size()).isEqualTo(expected);
  }

  @Test
  void aStoreIsABaselineForCompare() throws Exception {
    Path store = tmp.resolve("store");
    assertThat(prism("publish", examples("llm-d"), "--to", store.toString()).code()).isZero();

    Run r =
        prism(
            "compare",
            examples("releases/0.3.0"),
            "--baseline",
            store.toString(),
            "--fail-on-regression");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).contains("regressed");
  }

  @Test
  void aStoreNoConnectorCanWriteIsAUsageError() {
    Run r = prism("publish", examples("llm-d"), "--to", "giq://project");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--to").contains("cannot write");
  }

  @Test
  void reproduceWritesTheConfigurationOfAPointFromAPublishedStore() throws Exception {
    Path store = tmp.resolve("store");
    assertThat(prism("publish", examples("llm-d"), "--to", store.toString()).code()).isZero();
    String key = JSON.readTree(indexLines(store).get(0)).path("configuration").asText();

    Run r = prism("reproduce", store.toString(), "--point", key, "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("configuration").asText()).isEqualTo(key);
    assertThat(j.at("/inference_perf/server/model_name").asText()).isNotBlank();
    assertThat(j.path("vllm_bench_serve").get(0).asText()).startsWith("vllm bench serve --model ");
    assertThat(j.path("unknown").toString()).contains("base_url");

    // a choice the user has to make, or a selector naming nothing, is a usage error
    Run ambiguous = prism("reproduce", store.toString());
    assertThat(ambiguous.code()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("choose one with --point").contains(key);
    Run nothing = prism("reproduce", store.toString(), "--point", "no-such-key");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("no point or configuration matches 'no-such-key'");
  }
}
