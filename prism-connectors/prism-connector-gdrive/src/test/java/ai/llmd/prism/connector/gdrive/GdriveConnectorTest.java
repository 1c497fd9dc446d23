package ai.llmd.prism.connector.gdrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FakeDriveServer;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Drive connector does beyond the contract: folders, shared drives, Sheets, faults. */
class GdriveConnectorTest {

  private FakeDriveServer server;

  @BeforeEach
  void start() {
    server = FakeDriveServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Map<String, String> config() {
    Map<String, String> m = new HashMap<>();
    m.put("gdrive.rootUrl", server.rootUrl());
    m.put("gdrive.anonymous", "true");
    m.put("gdrive.maxAttempts", "3");
    m.put("gdrive.retryDelay", "0.001");
    return m;
  }

  private SourceConnector connector(Map<String, String> config) {
    return new GdriveConnectorProvider().create(ConnectorConfig.of(config));
  }

  private static List<ObjectRef> list(SourceConnector c, String root) throws IOException {
    List<ObjectRef> out = new ArrayList<>();
    c.list(URI.create(root), out::add);
    return out;
  }

  private static String read(SourceConnector c, ObjectRef ref) throws IOException {
    try (InputStream in = c.open(ref)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listsOverAThousandFilesAcrossPagesAndNestedFoldersWithPathKeys() throws Exception {
    server.folder("root", "runs", null);
    for (int i = 0; i < 1_200; i++) {
      server.put("root", "a/b" + (i % 3) + "/r-" + String.format("%04d", i) + ".json", bytes("x"));
    }
    server.put("root", "top.json", bytes("top"));
    Map<String, String> cfg = config();
    cfg.put("gdrive.pageSize", "250");

    List<ObjectRef> listed;
    try (SourceConnector c = connector(cfg)) {
      listed = list(c, "gdrive://folder/root");
    }

    assertThat(listed).hasSize(1_201);
    assertThat(listed.stream().map(ObjectRef::key).collect(Collectors.toSet()))
        .contains("top.json", "a/b0/r-0000.json", "a/b2/r-1199.json");
    // 400 files in each of three folders at 250 a page: 2 pages each, plus root and a
    assertThat(server.listPages()).isEqualTo(3 * 2 + 1 + 1);
    assertThat(server.requests())
        .filteredOn(r -> r.path().equals("/drive/v3/files"))
        .allSatisfy(
            r -> {
              assertThat(r.query()).containsEntry("supportsAllDrives", "true");
              assertThat(r.query()).containsEntry("includeItemsFromAllDrives", "true");
              assertThat(r.query().get("fields")).contains("md5Checksum", "version");
            });
  }

  @Test
  void listsAndReadsASharedDriveFolder() throws Exception {
    server.sharedDriveFolder("team", "Team results", null);
    server.file("team", "run.json", bytes("{\"shared\":true}"));

    try (SourceConnector c = connector(config())) {
      List<ObjectRef> listed = list(c, "gdrive://folder/team/");

      assertThat(listed).extracting(ObjectRef::key).containsExactly("run.json");
      assertThat(read(c, listed.get(0))).isEqualTo("{\"shared\":true}");
    }
  }

  @Test
  void aSpreadsheetIsOneCsvPerTabNamedTitleSlashTab() throws Exception {
    server.folder("root", "runs", null);
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    tabs.put("H100", List.of(List.of("model", "ttft ms", "note"), List.of("llama", 12.5)));
    tabs.put("It's, B200", List.of(List.of("model", "ok"), List.of("qwen, 0.6b", true)));
    String id = server.spreadsheet("root", "Summary", tabs);

    try (SourceConnector c = connector(config())) {
      List<ObjectRef> listed = list(c, "gdrive://folder/root");

      assertThat(listed)
          .extracting(ObjectRef::key)
          .containsExactly("Summary/H100.csv", "Summary/It's, B200.csv");
      assertThat(listed.get(0).uri().toString())
          .isEqualTo("gdrive://file/" + id + "/Summary/H100.csv?gid=0");
      assertThat(listed.get(0).changeToken()).startsWith("v");
      // trailing empty cells are padded; numbers come as the API sent them
      assertThat(read(c, listed.get(0))).isEqualTo("model,ttft ms,note\r\nllama,12.5,\r\n");
      assertThat(read(c, listed.get(1))).isEqualTo("model,ok\r\n\"qwen, 0.6b\",TRUE\r\n");
      // one file, and one tab of it, by id
      assertThat(list(c, "gdrive://file/" + id)).hasSize(2);
      assertThat(list(c, "gdrive://file/" + id + "?gid=1"))
          .extracting(ObjectRef::key)
          .containsExactly("Summary/It's, B200.csv");
    }
    // the values API, not Drive's export, which gives only the first tab
    assertThat(server.requests())
        .noneMatch(r -> r.path().endsWith("/export"))
        .anyMatch(r -> r.path().equals("/v4/spreadsheets/" + id + "/values/'H100'"));
  }

  @Test
  void aSpreadsheetChangedBetweenListingAndReadingIsNotRead() throws Exception {
    server.folder("root", "runs", null);
    String id =
        server.spreadsheet("root", "S", Map.of("t", List.of(List.of("a"), List.<Object>of(1))));

    try (SourceConnector c = connector(config())) {
      ObjectRef tab = list(c, "gdrive://folder/root").get(0);
      server.replaceSheets(id, Map.of("t", List.of(List.of("a"), List.<Object>of(2))));

      assertThatThrownBy(() -> read(c, tab))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed since it was listed");
    }
  }

  @Test
  void aFileReplacedMidLoadIsAProblemAndTheOthersStillLoad() throws Exception {
    server.folder("root", "runs", null);
    String a = server.put("root", "a.json", ProbeReader.file("a", 1));
    server.put("root", "b.json", ProbeReader.file("b", 2));
    // the first download of a.json finds new content: it was replaced after listing
    Prism prism =
        Prism.of(
                Plugins.builder().discover().reader(new ProbeReader()).build(),
                LoadOptions.defaults()
                    .withThreads(1)
                    .withConnectorConfig(ConnectorConfig.of(config())))
            .withNormalizer(Normalizer.none())
            .withProgress(
                new ai.llmd.prism.core.LoadProgress() {
                  @Override
                  public void listed(String source, int inputs) {
                    server.replace(a, ProbeReader.file("a", 99));
                  }
                });

    LoadResult r = prism.load("gdrive://folder/root");

    assertThat(r.points()).extracting(p -> p.scenario().model().raw()).containsExactly("b");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gdrive://file/" + a);
              assertThat(p.message()).contains("changed since it was listed");
            });
  }

  @Test
  void aGoogleDocIsAProblemNamingItNotASilentSkip() throws Exception {
    server.folder("root", "runs", null);
    server.document("root", "Notes");
    server.put("root", "a.json", ProbeReader.file("a", 1));

    LoadResult r = load(config(), "gdrive://folder/root");

    assertThat(r.points()).hasSize(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("only Google Sheets are read"));
  }

  @Test
  void rateLimitsAndServerErrorsAreRetried() throws Exception {
    server.folder("root", "runs", null);
    server.put("root", "a.json", ProbeReader.file("a", 1));
    for (Object[] fault :
        new Object[][] {
          {429, "rateLimitExceeded"},
          {403, "userRateLimitExceeded"},
          {500, "backendError"},
          {503, "backendError"}
        }) {
      server.failNext(2, (Integer) fault[0], (String) fault[1]);

      LoadResult r = load(config(), "gdrive://folder/root");

      assertThat(r.problems()).as("after %s", fault[0]).isEmpty();
      assertThat(r.points()).hasSize(1);
    }
  }

  @Test
  void aDownloadFailingEveryTryIsAProblemSayingHowManyTries() throws Exception {
    server.folder("root", "runs", null);
    server.put("root", "a.json", ProbeReader.file("a", 1));
    server.put("root", "b.json", ProbeReader.file("b", 1));
    // three tries of one download (the listing goes first, unharmed)
    server.failNext(3, 503, "backendError", "/download/");

    LoadResult r = load(config(), "gdrive://folder/root");

    assertThat(r.points()).hasSize(1);
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("HTTP 503").contains("3 tries"));
  }

  @Test
  void aPermissionDenialIsNotRetriedAndSaysWhatToCheck() throws Exception {
    server.folder("root", "runs", null);
    server.failNext(5, 403, "insufficientFilePermissions");

    LoadResult r = load(config(), "gdrive://folder/root");

    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("gdrive://folder/root");
              assertThat(p.message())
                  .contains("HTTP 403 insufficientFilePermissions")
                  .contains("gdrive.credentials");
            });
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aMissingFolderOrFileIsNotFound() throws Exception {
    try (SourceConnector c = connector(config())) {
      assertThatThrownBy(() -> list(c, "gdrive://folder/nope"))
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("gdrive://folder/nope: not found");
      assertThatThrownBy(() -> list(c, "gdrive://file/nope"))
          .isInstanceOf(FileNotFoundException.class);
    }
    server.folder("root", "runs", null);
    try (SourceConnector c = connector(config())) {
      assertThatThrownBy(() -> list(c, "gdrive://folder/root/missing.json"))
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("no 'missing.json' in 'runs'");
    }
  }

  @Test
  void anApiKeyTravelsInAHeaderAndAWrongOneIsAProblem() throws Exception {
    server.requireApiKey("AIzaGoodKey");
    server.folder("root", "runs", null);
    server.put("root", "a.json", ProbeReader.file("a", 1));
    Map<String, String> good = config();
    good.remove("gdrive.anonymous");
    good.put("gdrive.apiKey", "AIzaGoodKey");
    Map<String, String> wrong = new HashMap<>(good);
    wrong.put("gdrive.apiKey", "AIzaWrongKey");

    assertThat(load(good, "gdrive://folder/root").points()).hasSize(1);
    LoadResult refused = load(wrong, "gdrive://folder/root");

    assertThat(refused.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("HTTP 400 keyInvalid"));
    assertThat(server.requests()).noneMatch(r -> r.query().containsKey("key"));
  }

  @Test
  void aServiceAccountKeyFileIsExchangedForABearerToken() throws Exception {
    server.requireToken();
    server.folder("root", "runs", null);
    server.put("root", "a.json", ProbeReader.file("a", 1));
    Map<String, String> cfg = config();
    cfg.remove("gdrive.anonymous");
    cfg.put("gdrive.credentials", ServiceAccountKey.write(server.tokenUri()).toString());

    LoadResult r = load(cfg, "gdrive://folder/root");

    assertThat(r.problems()).isEmpty();
    assertThat(r.points()).extracting(BenchmarkPoint::provenance).hasSize(1);
    assertThat(server.requests()).anyMatch(q -> q.path().equals("/token"));
  }

  @Test
  void badConfigurationIsAProblemNamingTheKey() {
    Map<String, String> cfg = config();
    cfg.put("gdrive.pageSize", "5000");

    LoadResult r = load(cfg, "gdrive://folder/root");

    assertThat(r.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("gdrive.pageSize must be 1 to 1000");
  }

  private static LoadResult load(Map<String, String> config, String source) {
    // one thread: injected failures then hit one object's tries in order
    return Prism.of(
            Plugins.builder().discover().reader(new ProbeReader()).build(),
            LoadOptions.defaults().withThreads(1).withConnectorConfig(ConnectorConfig.of(config)))
        .withNormalizer(Normalizer.none())
        .load(source);
  }
}
