package ai.llmd.prism.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorConfig;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSourceTest {

  static HttpServer server;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/report.txt",
        ex ->
            respond(ex, 200, "third-party model=remote tps=42\n".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/moved", ex -> redirect(ex, "/report.txt"));
    server.createContext("/to-ftp", ex -> redirect(ex, "ftp://127.0.0.1/report.txt"));
    server.createContext(
        "/to-plain-http-elsewhere", ex -> redirect(ex, "http://10.255.255.1/report.txt"));
    server.createContext("/loop", ex -> redirect(ex, "/loop"));
    server.createContext("/big", ex -> respond(ex, 200, new byte[2 << 20]));
    server.createContext("/trickle", HttpSourceTest::trickle);
    // a thread per exchange: the trickling one must not hold up the others
    server.setExecutor(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r);
              t.setDaemon(true);
              return t;
            }));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    respond(ex, 302, new byte[0]);
  }

  static void respond(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body)
      throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Promises 100 bytes and sends one every 2 s: each read succeeds, the whole never arrives. */
  static void trickle(com.sun.net.httpserver.HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 100);
    try (OutputStream out = ex.getResponseBody()) {
      for (int i = 0; i < 100; i++) {
        out.write('x');
        out.flush();
        Thread.sleep(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up: as it should
    }
  }

  static LoadResult load(String url) {
    return Prism.create().withNormalizer(Normalizer.none()).load(url);
  }

  @Test
  void readsAnObjectFromALoopbackServerAndFollowsASameSchemeRedirect() {
    LoadResult r = load(base + "/moved");

    assertThat(r.problems()).isEmpty();
    assertThat(r.points())
        .singleElement()
        .satisfies(p -> assertThat(p.provenance().source().toString()).isEqualTo(base + "/moved"));
  }

  @Test
  void refusesARedirectToAnotherScheme() {
    assertThat(load(base + "/to-ftp").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message()).contains("refusing ftp://127.0.0.1");
            });
  }

  @Test
  void refusesARedirectToPlainHttpOffTheLoopback() {
    assertThat(load(base + "/to-plain-http-elsewhere").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("refusing http://10.255.255.1"));
  }

  @Test
  void refusesPlainHttpToAHostThatIsNotLoopback() {
    assertThat(load("http://10.255.255.1/report.json").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("only https"));
  }

  @Test
  void stopsAfterFiveRedirects() {
    assertThat(load(base + "/loop").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than 5 redirects"));
  }

  @Test
  void boundsTheResponseSize() {
    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(
                LoadOptions.defaults()
                    .withConnectorConfig(ConnectorConfig.of(Map.of("http.max-mib", "1"))))
            .load(base + "/big");

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("larger than 1048576 bytes"));
  }

  @Test
  void aRefusedConnectionIsAProblemSayingSoNotAnExceptionsClassName() throws Exception {
    int closed;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }

    LoadResult r = load("http://127.0.0.1:" + closed + "/x.json");

    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("could not connect")
                    .doesNotEndWith("ConnectException"));
  }

  @Test
  void aMissingObjectIsAProblemNamingTheStatus() {
    assertThat(load(base + "/nothing-here").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("HTTP 404"));
  }

  @Test
  void aServerTricklingOneByteEveryTwoSecondsMeetsTheDeadlinePerObject() {
    LoadResult r =
        Prism.create()
            .withNormalizer(Normalizer.none())
            .withOptions(
                LoadOptions.defaults()
                    .withConnectorConfig(ConnectorConfig.of(Map.of(Prism.READ_DEADLINE, "3"))))
            .load(base + "/trickle");

    assertThat(r.points()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("/trickle");
              assertThat(p.kind()).isEqualTo(Problem.Kind.LIMIT);
              assertThat(p.message())
                  .contains("no complete object within 3 s")
                  .contains(Prism.READ_DEADLINE);
            });
  }

  @Test
  void aRedirectFromHttpsToHttpIsRefusedEvenToTheLoopback() {
    assertThatThrownBy(
            () ->
                HttpSourceConnector.checkRedirect(
                    URI.create("https://127.0.0.1/a"), URI.create("http://127.0.0.1:8080/b"), true))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("downgrades https to http");
  }

  @Test
  void aRedirectFromARemoteOriginToALocalAddressIsRefused() {
    URI remote = URI.create("https://93.184.216.34/report.json");
    for (String local :
        new String[] {
          "https://127.0.0.1:9000/x",
          "https://[::1]/x",
          "https://169.254.169.254/latest/meta-data",
          "https://10.0.0.1/x",
          "https://172.16.5.4/x",
          "https://192.168.1.1/x",
          "https://100.64.0.1/x",
          "https://0.0.0.0/x",
          "https://[fd00::1]/x",
          "https://[fe80::1]/x"
        }) {
      assertThatThrownBy(() -> HttpSourceConnector.checkRedirect(remote, URI.create(local), false))
          .as(local)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("loopback, link-local or private address");
    }
  }

  @Test
  void aRedirectFromARemoteOriginToAnotherRemoteHttpsAddressIsFollowed() throws IOException {
    HttpSourceConnector.checkRedirect(
        URI.create("https://93.184.216.34/a"), URI.create("https://151.101.1.69/b"), false);
  }
}
