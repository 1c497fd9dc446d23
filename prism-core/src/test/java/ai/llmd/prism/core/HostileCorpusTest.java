package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.formats.Trees;
import ai.llmd.prism.spi.FormatReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile corpus (src/test/resources/hostile, plus inputs too big to commit, generated here):
 * every file is loaded beside a good vLLM result, and each test says what the hostile file must
 * become and that the good file still loads whole.
 */
class HostileCorpusTest {

  static final Path GOOD =
      resource("/formats/vllm/vllm-infqps-concurrency16-Qwen3-0.6B-20250923-201033.json");
  static final Prism PRISM = Prism.create();

  @TempDir Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(HostileCorpusTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path hostile(String name) {
    return resource("/hostile/" + name);
  }

  /** Loads {@code file} beside the good file, bounded in time; the good file must load whole. */
  static LoadResult loadBeside(Prism prism, Path file) {
    LoadResult r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> prism.load(file.toString(), GOOD.toString()));
    assertThat(pointsOf(r, GOOD))
        .singleElement()
        .satisfies(p -> assertThat(p.metrics().get(Metric.TTFT, Statistic.MEAN)).hasValue(200.0));
    assertThat(problemsOf(r, GOOD)).isEmpty();
    return r;
  }

  static LoadResult loadBeside(Path file) {
    return loadBeside(PRISM, file);
  }

  static List<BenchmarkPoint> pointsOf(LoadResult r, Path file) {
    String name = file.getFileName().toString();
    return r.points().stream()
        .filter(p -> p.provenance().source().getPath().endsWith("/" + name))
        .collect(Collectors.toList());
  }

  static List<Problem> problemsOf(LoadResult r, Path file) {
    String name = file.getFileName().toString();
    return r.problems().stream()
        .filter(p -> p.file().endsWith(name))
        .filter(p -> p.severity() != Problem.Severity.INFO) // registry notes on made-up names
        .collect(Collectors.toList());
  }

  static List<String> messages(LoadResult r, Path file) {
    return problemsOf(r, file).stream()
        .map(p -> p.location() + ": " + p.message())
        .collect(Collectors.toList());
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }

  static String goodText() throws IOException {
    return Files.readString(GOOD);
  }

  // ---- truncated and empty ----

  @Test
  void anEmptyFileIsAnErrorSayingSo() {
    LoadResult r = loadBeside(hostile("empty.json"));
    assertThat(problemsOf(r, hostile("empty.json")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).isEqualTo("empty file");
            });
  }

  @Test
  void aWhitespaceOnlyFileIsNotRecognised() {
    LoadResult r = loadBeside(hostile("whitespace-only.yaml"));
    assertThat(messages(r, hostile("whitespace-only.yaml")))
        .singleElement()
        .asString()
        .contains("not a recognised benchmark format");
  }

  @Test
  void aTruncatedFileIsNotRecognisedWhenSniffedAndInvalidWhenForced() {
    Path f = hostile("truncated-vllm.json");
    assertThat(messages(loadBeside(f), f))
        .singleElement()
        .asString()
        .contains("not a recognised benchmark format");
    LoadResult forced =
        PRISM.withOptions(LoadOptions.defaults().withFormat("vllm-bench")).load(f.toString());
    assertThat(forced.points()).isEmpty();
    assertThat(messages(forced, f))
        .singleElement()
        .asString()
        .contains("not valid JSON or YAML")
        .contains("end-of-input");
  }

  // ---- encodings ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "utf16le-bom-vllm.json",
        "utf16be-bom-vllm.json",
        "utf16le-vllm.json",
        "utf16be-vllm.json"
      })
  void utf16JsonWithOrWithoutAByteOrderMarkReadsExactlyLikeUtf8(String name) {
    LoadResult r = loadBeside(hostile(name));
    BenchmarkPoint good = pointsOf(r, GOOD).get(0);
    assertThat(problemsOf(r, hostile(name))).isEmpty();
    assertThat(pointsOf(r, hostile(name)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.metrics()).isEqualTo(good.metrics());
              assertThat(p.scenario()).isEqualTo(good.scenario());
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"utf16le-bom-br.yaml", "utf16be-br.yaml"})
  void utf16YamlWithOrWithoutAByteOrderMarkReadsExactlyLikeUtf8(String name) {
    LoadResult utf8 = PRISM.load(resource("/br/v02-pd.yaml"));
    LoadResult r = loadBeside(hostile(name));
    assertThat(problemsOf(r, hostile(name))).isEmpty();
    List<BenchmarkPoint> points = pointsOf(r, hostile(name));
    assertThat(points).hasSize(utf8.points().size()).isNotEmpty();
    for (int i = 0; i < points.size(); i++) {
      assertThat(points.get(i).metrics()).isEqualTo(utf8.points().get(i).metrics());
      assertThat(points.get(i).scenario()).isEqualTo(utf8.points().get(i).scenario());
    }
  }

  @Test
  void latin1JsonIsRecognisedAndRefusedNamingTheBadByte() {
    Path f = hostile("latin1-names.json");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).isEmpty();
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.location()).startsWith("line 1, column ");
              assertThat(p.message()).contains("Invalid UTF-8");
            });
  }

  @Test
  void latin1CsvLoadsWithAWarningToResaveItAsUtf8() {
    Path f = hostile("latin1-names.csv");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f))
        .singleElement()
        .satisfies(p -> assertThat(p.model().raw()).isEqualTo("example/Mod\uFFFDle-8B"));
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message())
                  .contains("not valid UTF-8 (first bad character on line 2)")
                  .contains("re-save it as UTF-8");
            });
  }

  // ---- numbers ----

  @Test
  void hugeNumbersAndNonFiniteTokensAreReportedPerValueAndTheRestIsRead() {
    Path f = hostile("huge-numbers.json");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.metrics().get(Metric.TTFT, Statistic.P0_1)).hasValue(150.0);
              assertThat(p.metrics().get(Metric.TTFT, Statistic.MEAN)).isEmpty();
              assertThat(p.metrics().get(Metric.TTFT, Statistic.P50)).isEmpty();
            });
    assertThat(messages(r, f))
        .contains(
            "/mean_ttft_ms: expected a finite number, found Infinity; not read", // 1e400
            "/median_ttft_ms: expected a finite number, found Infinity; not read", // 400 digits
            "/std_ttft_ms: expected a finite number, found NaN; not read",
            "/p90_ttft_ms: expected a finite number, found -Infinity; not read",
            "/p99_ttft_ms: expected a finite number, found Infinity; not read");
  }

  @Test
  void aNumberLongerThanTheLimitNamesTheLimitAndHowToRaiseIt() {
    Path f = hostile("number-too-long.json");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).isEmpty();
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "over a limit: a number longer than 1000 characters"
                            + " (Trees.MAX_NUMBER_LENGTH; raise it with"
                            + " -Dprism.limits.numberLength=N)"));
  }

  @Test
  void absurdDeclaredCountsAreReadAsNumbersAndAllocateNothing() {
    Path f = hostile("declared-count.json");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f))
        .singleElement()
        .satisfies(p -> assertThat(p.metrics().get(Metric.TTFT, Statistic.MEAN)).hasValue(200.0));
  }

  // ---- YAML ----

  @Test
  void aBillionLaughsIsReadAtOnceBecauseAliasesAreNeverExpanded() {
    Path f = hostile("billion-laughs.yaml");
    LoadResult r =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> loadBeside(f)); // 10^9 if expanded
    assertThat(messages(r, f))
        .contains("/results: expected a mapping, found the string \"i\"; not read");
  }

  @Test
  void yamlTypeTagsConstructNothingAndAreReadAsPlainData() {
    Path f = hostile("type-tags.yaml");
    LoadResult r = loadBeside(f);
    assertThat(TagProbe.CONSTRUCTED).hasValue(0);
    LoadResult untagged = PRISM.load(resource("/br/v02-pd.yaml"));
    assertThat(pointsOf(r, f)).hasSameSizeAs(untagged.points()).isNotEmpty();
    assertThat(pointsOf(r, f).get(0).metrics()).isEqualTo(untagged.points().get(0).metrics());
    assertThat(messages(r, f))
        .containsExactly(
            "/run/uid: expected text, found a list; not read",
            "/run/eid: expected text, found a mapping; not read");
  }

  @Test
  void theSharedYamlMapperReadsTagsAsThePlainValuesTheyTag() throws IOException {
    var tree =
        Trees.yamlReader()
            .readTree(
                "probe: !!ai.llmd.prism.core.TagProbe {message: hi}\n"
                    + "runtime: !!java.lang.Runtime r\n"
                    + "engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"
                    + "custom: !prism {a: 1}\n");
    assertThat(TagProbe.CONSTRUCTED).hasValue(0);
    assertThat(tree)
        .isEqualTo(
            Trees.yamlReader()
                .readTree("{probe: {message: hi}, runtime: r, engine: [[[]]], custom: {a: 1}}"));
    // data binding too: a tag never selects a class
    Object bound =
        Trees.yamlReader()
            .forType(Object.class)
            .readValue("x: !!ai.llmd.prism.core.TagProbe {message: hi}");
    assertThat(bound).isEqualTo(java.util.Map.of("x", java.util.Map.of("message", "hi")));
    assertThat(TagProbe.CONSTRUCTED).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duplicate-keys.json", "duplicate-keys.yaml"})
  void duplicateKeysAreAnErrorNamingTheKey(String name) {
    Path f = hostile(name);
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).isEmpty();
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).containsPattern("Duplicate field '(model_id|version)'");
            });
  }

  // ---- CSV ----

  @Test
  void raggedCsvRowsAreSkippedWithTheirRowNumbersAndTheOthersRead() {
    Path f = hostile("ragged.csv");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).hasSize(2);
    assertThat(messages(r, f))
        .containsExactly(
            "row 2: has 5 cells where the header has 40; skipped",
            "row 3: has 43 cells where the header has 40; skipped");
  }

  @Test
  void quotedCellsWithNewlinesAndCommasStayOneRecord() {
    Path f = hostile("embedded-newlines.csv");
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).hasSize(2);
    assertThat(problemsOf(r, f)).isEmpty();
  }

  @Test
  void anUnclosedQuoteIsAnErrorNamingTheLine() {
    Path f = hostile("unclosed-quote.csv");
    LoadResult r = loadBeside(f);
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "not valid CSV here (Missing closing quote for value at line 4); this and"
                            + " later rows are not read"));
  }

  // ---- generated: too big or too deep to commit ----

  @Test
  void jsonNested100000LevelsDeepIsRefusedNamingTheLimit() throws IOException {
    String head =
        "{\"model_id\": \"m\", \"date\": \"x\", \"request_throughput\": 1, \"mean_ttft_ms\": 1,"
            + " \"deep\": ";
    Path arrays = write("deep-arrays.json", head + "[".repeat(100_000));
    Path objects = write("deep-objects.json", head + "{\"a\": ".repeat(100_000));
    for (Path f : List.of(arrays, objects)) {
      LoadResult r = loadBeside(f);
      assertThat(problemsOf(r, f))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.message())
                      .isEqualTo(
                          "over a limit: nested deeper than 200 levels (Trees.MAX_NESTING_DEPTH;"
                              + " raise it with -Dprism.limits.nestingDepth=N)"));
    }
  }

  @Test
  void yamlNested100000LevelsDeepIsRefusedNamingTheLimit() throws IOException {
    Path f = write("deep.yaml", "version: '0.2'\nrun: {uid: x}\nresults: " + "[".repeat(100_000));
    LoadResult r = loadBeside(f);
    assertThat(messages(r, f))
        .singleElement()
        .asString()
        .contains("nested deeper than 200 levels (Trees.MAX_NESTING_DEPTH");
  }

  @Test
  void aStringLongerThanTheLimitIsRefusedNamingTheLimit() throws IOException {
    String big = "x".repeat(Trees.MAX_STRING_LENGTH + 1);
    Path f =
        write(
            "long-string.json",
            goodText().replace("\"input_lens\": [1024, 1024]}", "\"notes\": \"" + big + "\"}"));
    LoadResult r = loadBeside(f);
    assertThat(pointsOf(r, f)).isEmpty();
    assertThat(messages(r, f))
        .singleElement()
        .asString()
        .contains(
            "over a limit: a string longer than 5000000 characters (Trees.MAX_STRING_LENGTH;"
                + " raise it with -Dprism.limits.stringLength=N)");
  }

  @Test
  void aYamlLineLongerThanTheLimitIsRefusedBeforeSnakeYamlSpendsQuadraticTimeOnIt()
      throws IOException {
    // a 4 MB comment line took SnakeYAML 15 s; this one would take minutes at 256 MB
    Path f =
        write(
            "long-line.yaml",
            "version: '0.2'\nrun: {uid: x}\nresults: {}\n#" + "x".repeat(4_000_000) + "\n");
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> loadBeside(f));
    assertThat(messages(r, f))
        .singleElement()
        .asString()
        .contains(
            "over a limit: line 4 is longer than 262144 bytes, the limit for YAML"
                + " (Trees.MAX_YAML_LINE_BYTES; raise it with -Dprism.limits.yamlLineBytes=N)");
  }

  @Test
  void aYamlDocumentOverTheCodePointLimitIsRefusedNamingTheLimit() throws IOException {
    StringBuilder sb = new StringBuilder("version: '0.2'\nrun: {uid: x}\nresults: {}\n");
    String value = "x".repeat(1000) + "\n";
    for (int i = 0; sb.length() <= Trees.MAX_YAML_CODE_POINTS; i++) {
      sb.append('k').append(i).append(": ").append(value); // comments are not counted
    }
    Path f = write("many-lines.yaml", sb.toString());
    LoadResult r = loadBeside(f);
    assertThat(messages(r, f))
        .singleElement()
        .asString()
        .contains(
            "a YAML document longer than 16777216 characters (Trees.MAX_YAML_CODE_POINTS;"
                + " raise it with -Dprism.limits.yamlCodePoints=N)");
  }

  @Test
  void aCsvWithMoreRowsThanTheLimitIsRefusedNamingTheLimit() throws IOException {
    String header =
        Files.readString(resource("/formats/perfdash/llmd-dashboard.csv"))
            .lines()
            .findFirst()
            .orElseThrow();
    Path f = write("many-rows.csv", header + "\n" + "\n".repeat(Trees.MAX_CSV_RECORDS + 1));
    LoadResult r = loadBeside(f);
    assertThat(messages(r, f))
        .singleElement()
        .asString()
        .contains(
            "over a limit: more than 1000000 rows (Trees.MAX_CSV_RECORDS; raise it with"
                + " -Dprism.limits.csvRecords=N)");
  }

  @Test
  void aFileOverMaxFileBytesIsSkippedNamingTheOption() throws IOException {
    Path f = write("big.json", goodText() + " ".repeat(5000));
    long size = Files.size(f);
    LoadResult r = loadBeside(PRISM.withOptions(LoadOptions.defaults().withMaxFileBytes(4096)), f);
    assertThat(problemsOf(r, f))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "skipped: "
                            + size
                            + " bytes is over the limit of 4096 bytes (raise"
                            + " LoadOptions.maxFileBytes)"));
    LoadResult piped =
        PRISM
            .withOptions(LoadOptions.defaults().withMaxFileBytes(4096))
            .read("piped.json", new ByteArrayInputStream(Files.readAllBytes(f)));
    assertThat(piped.points()).isEmpty();
    assertThat(piped.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("over the limit of 4096 bytes (raise LoadOptions.maxFileBytes)"));
  }

  @Test
  void aSiblingOverMaxFileBytesIsAProblemForItAndTheReportThatPulledItInStillLoads()
      throws IOException {
    Path run = Files.createDirectories(tmp.resolve("run"));
    try (Stream<Path> s = Files.list(resource("/formats/inference-perf/run"))) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Files.copy(f, run.resolve(f.getFileName()));
      }
    }
    Prism small = PRISM.withOptions(LoadOptions.defaults().withMaxFileBytes(4096));
    Path lifecycle = run.resolve("stage_0_lifecycle_metrics.json");
    List<BenchmarkPoint> before = pointsOf(small.load(lifecycle.toString()), lifecycle);
    Path prom = run.resolve("stage_0_prometheus_metrics.json");
    Files.writeString(prom, Files.readString(prom) + " ".repeat(5000));

    LoadResult r = loadBeside(small, lifecycle);
    assertThat(pointsOf(r, lifecycle)).hasSameSizeAs(before).isNotEmpty();
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              assertThat(p.file()).endsWith("stage_0_prometheus_metrics.json");
              assertThat(p.message())
                  .startsWith("could not be read: ")
                  .endsWith("over the limit of 4096 bytes (raise LoadOptions.maxFileBytes)");
            });
  }

  @Test
  void pointsBeyondMaxPointsPerFileAreDroppedAndCounted() throws IOException {
    ArrayNode sweep =
        (ArrayNode)
            Trees.jsonReader()
                .readTree(Files.readAllBytes(resource("/formats/prism-archive/llmd-sweep.json")));
    ArrayNode many = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    for (int i = 0; i < 12; i++) {
      many.add(sweep.get(0).deepCopy());
    }
    Path f = tmp.resolve("many-points.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(f.toFile(), many);
    LoadResult r =
        loadBeside(PRISM.withOptions(LoadOptions.defaults().withMaxPointsPerFile(10)), f);
    assertThat(pointsOf(r, f)).hasSize(10);
    assertThat(messages(r, f))
        .contains(
            ": over a limit: 2 points beyond the first 10 were not loaded"
                + " (raise LoadOptions.maxPointsPerFile)");
  }

  // ---- every reader, forced, on every committed hostile file ----

  @Test
  void everyReaderForcedOnEveryHostileFileReturnsPointsOrProblemsAndNeverThrows()
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(resource("/hostile"))) {
      files = s.filter(p -> !p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
    }
    int loads = 0;
    for (Path f : files) {
      for (FormatReader reader : PRISM.plugins().readers()) {
        LoadResult r =
            assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () ->
                    PRISM
                        .withOptions(LoadOptions.defaults().withFormat(reader.id()))
                        .load(f.toString()));
        assertThat(r.points().isEmpty() && r.problems().isEmpty())
            .as("%s read as %s says nothing", f.getFileName(), reader.id())
            .isFalse();
        loads++;
      }
    }
    assertThat(loads).isEqualTo(files.size() * PRISM.plugins().readers().size());
  }

  @Test
  void aDirectoryOfHostileFilesLosesNoneOfItsGoodFile(@TempDir Path dir) throws IOException {
    try (Stream<Path> s = Files.list(resource("/hostile"))) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.copy(GOOD, dir.resolve(GOOD.getFileName()));
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> PRISM.load(dir));
    assertThat(pointsOf(r, GOOD)).hasSize(1);
    assertThat(r.problems()).isNotEmpty();
  }
}
