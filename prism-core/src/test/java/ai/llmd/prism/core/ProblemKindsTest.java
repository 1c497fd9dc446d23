package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.fixtures.Fixtures;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem the load pipeline makes for a limit, an I/O failure or an unknown format carries
 * its kind, so outputs group by kind and never by text. Each case loads a real input through {@link
 * Prism#load}: the project's own examples, a temporary directory, a loopback server.
 */
class ProblemKindsTest {

  static HttpServer server;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/missing.json", ex -> status(ex, 404));
    server.createContext("/gone.json", ex -> status(ex, 410));
    server.createContext("/secret.json", ex -> status(ex, 403));
    server.createContext("/broken.json", ex -> status(ex, 500));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r)));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    return t;
  }

  private static void status(com.sun.net.httpserver.HttpExchange ex, int status)
      throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static Path example(String relative) {
    Path p =
        Fixtures.repositoryRoot().orElse(Path.of("/nonexistent")).resolve("examples/" + relative);
    assumeTrue(Files.exists(p), "the project's examples are absent: " + p);
    return p;
  }

  static Problem only(LoadResult r) {
    assertThat(r.problems()).hasSize(1);
    return r.problems().get(0);
  }

  @Test
  void aMissingFileIsNotFound(@TempDir Path dir) {
    Problem p = only(Prism.create().load(dir.resolve("no-such.json").toString()));

    assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(p.message()).isEqualTo("no such file or directory");
  }

  @Test
  void aDanglingLinkIsNotFoundAndALinkLoopUnreadable(@TempDir Path dir) throws IOException {
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere"));
    Path a = dir.resolve("a.json");
    Files.createSymbolicLink(a, dir.resolve("b.json"));
    Files.createSymbolicLink(dir.resolve("b.json"), a);

    assertThat(only(Prism.create().load(dangling.toString())).kind())
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(only(Prism.create().load(a.toString())).kind()).isEqualTo(Problem.Kind.UNREADABLE);
    // found by walking the directory: the same kinds, as warnings
    assertThat(Prism.create().load(dir).problems())
        .extracting(Problem::file, Problem::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(dir + "/a.json", Problem.Kind.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple(dir + "/b.json", Problem.Kind.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple(dir + "/dangling.json", Problem.Kind.NOT_FOUND));
  }

  @Test
  void aLinkLeadingOutsideTheWalkedDirectoryIsAccessDenied(@TempDir Path dir) throws IOException {
    Path inside = Files.createDirectory(dir.resolve("walked"));
    Path outside = Files.writeString(dir.resolve("outside.json"), "{}");
    Files.createSymbolicLink(inside.resolve("out.json"), outside);

    Problem p = only(Prism.create().load(inside));

    assertThat(p.kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
    assertThat(p.message()).contains("leading outside");
  }

  @Test
  void aSchemeNoConnectorServesAndASourceThatIsNoURIAreUnsupported() {
    Problem scheme = only(Prism.create().load("nosuch://bucket/runs/"));
    Problem uri = only(Prism.create().load("s3://bad bucket/"));

    assertThat(scheme.kind()).isEqualTo(Problem.Kind.UNSUPPORTED);
    assertThat(scheme.message()).contains("no connector for 'nosuch://'");
    assertThat(uri.kind()).isEqualTo(Problem.Kind.UNSUPPORTED);
    assertThat(uri.message()).startsWith("not a valid URI");
  }

  @Test
  void aFileOverMaxFileBytesIsALimit() {
    Path file = example("llm-d/h100-aggregated-4x-tp2/concurrency-008.yaml");

    Problem p =
        only(
            Prism.create()
                .withOptions(LoadOptions.defaults().withMaxFileBytes(100))
                .load(file.toString()));

    assertThat(p.kind()).isEqualTo(Problem.Kind.LIMIT);
    assertThat(p.message()).contains("over the limit of 100 bytes");
  }

  @Test
  void pointsAndProblemsOverTheLoadsLimitsAreLimits(@TempDir Path dir) throws IOException {
    Path llmd = example("llm-d");
    LoadResult points =
        Prism.create().withOptions(LoadOptions.defaults().withMaxPointsPerLoad(3)).load(llmd);
    assertThat(points.points()).hasSize(3);
    assertThat(points.problems())
        .filteredOn(p -> p.message().contains("maxPointsPerLoad"))
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.LIMIT));

    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve(i + ".txt"), "just some notes\n");
    }
    LoadResult problems =
        Prism.create()
            .withOptions(LoadOptions.defaults().withMaxProblemsPerLoad(1))
            .load(dir.resolve("0.txt").toString(), dir.resolve("1.txt").toString());
    assertThat(problems.problems())
        .extracting(Problem::kind)
        .containsExactly(Problem.Kind.UNKNOWN_FORMAT, Problem.Kind.LIMIT);
  }

  @Test
  void aFileNoReaderRecognisesIsAnUnknownFormatAndANamedFormatThatDoesNotExistToo(@TempDir Path dir)
      throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");

    assertThat(only(Prism.create().load(notes.toString())).kind())
        .isEqualTo(Problem.Kind.UNKNOWN_FORMAT);
    assertThat(
            only(Prism.create()
                    .withOptions(LoadOptions.defaults().withFormat("no-such-format"))
                    .load(notes.toString()))
                .kind())
        .isEqualTo(Problem.Kind.UNKNOWN_FORMAT);
  }

  @Test
  void httpStatusesAreNotFoundAccessDeniedOrUnreadable() {
    assertThat(only(Prism.create().load(base + "/missing.json")).kind())
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(only(Prism.create().load(base + "/gone.json")).kind())
        .isEqualTo(Problem.Kind.NOT_FOUND);
    Problem denied = only(Prism.create().load(base + "/secret.json"));
    assertThat(denied.kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
    assertThat(denied.message()).contains("HTTP 403 from " + base + "/secret.json");
    assertThat(only(Prism.create().load(base + "/broken.json")).kind())
        .isEqualTo(Problem.Kind.UNREADABLE);
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }

    Problem p = only(Prism.create().load("http://127.0.0.1:" + closed + "/x.json"));

    assertThat(p.kind()).isEqualTo(Problem.Kind.UNREACHABLE);
    assertThat(p.message()).contains("could not connect");
  }
}
