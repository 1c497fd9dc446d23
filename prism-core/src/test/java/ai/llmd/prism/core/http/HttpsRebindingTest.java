package ai.llmd.prism.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.spi.ObjectRef;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The https connector checks the address it actually connects to, not only the one a lookup gave
 * before: a name that resolves to a public address when a redirect is checked and to the loopback
 * when the connection is made (DNS rebinding) does not reach the local service. The server is a
 * real TLS server on the loopback with a certificate for {@code localhost}, made by keytool.
 */
class HttpsRebindingTest {

  static final byte[] DATA = "third-party model=remote tps=42\n".getBytes(StandardCharsets.UTF_8);
  static final InetAddress PUBLIC = address(203, 0, 113, 7); // TEST-NET-3: public, never routed

  @TempDir static Path dir;
  static HttpsServer server;
  static int port;
  static SSLSocketFactory trusting;
  static final AtomicInteger secretReads = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("localhost.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("localhost", keys.getCertificate("localhost"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);
    trusting = clientTls.getSocketFactory();

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/data", ex -> respond(ex, 200, DATA));
    server.createContext("/to-secret", ex -> redirect(ex, "https://localhost:" + port + "/secret"));
    server.createContext(
        "/secret",
        ex -> {
          secretReads.incrementAndGet();
          respond(ex, 200, "a local service's answer".getBytes(StandardCharsets.UTF_8));
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    respond(ex, 302, new byte[0]);
  }

  static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static HttpSourceConnector connector(HttpSourceConnector.Resolver resolver) {
    return new HttpSourceConnector(1 << 20, Duration.ofSeconds(20), resolver, trusting);
  }

  static byte[] read(HttpSourceConnector c, String url) throws IOException {
    try (InputStream in = c.open(new ObjectRef(URI.create(url), "x", -1, null))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aRedirectTargetThatResolvesPublicWhenCheckedAndToTheLoopbackOnConnectingIsRefused() {
    // The checks' resolver says "localhost" is a public address, as a rebinding DNS server would
    // answer the check; the connection resolves it as the system does: 127.0.0.1. So the origin
    // counts as remote, its redirect to https://localhost passes the early check, and only the
    // check of the address actually reached can stop it.
    HttpSourceConnector c =
        connector(
            host -> host.equals("localhost") ? new InetAddress[] {PUBLIC} : new InetAddress[0]);
    int before = secretReads.get();

    assertThatThrownBy(() -> read(c, "https://localhost:" + port + "/to-secret"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "refusing the redirect from localhost to localhost: the connection reached a loopback,"
                + " link-local or private address (127.0.0.1) though the name resolved to public"
                + " addresses when checked (DNS rebinding)");
    assertThat(secretReads.get()).as("requests that reached the local service").isEqualTo(before);
  }

  @Test
  void theSameRedirectFromALoopbackOriginIsFollowedOverVerifiedTls() throws IOException {
    HttpSourceConnector c = connector(HttpSourceConnector.SYSTEM);

    assertThat(read(c, "https://localhost:" + port + "/to-secret"))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("a local service's answer");
    assertThat(read(c, "https://localhost:" + port + "/data")).isEqualTo(DATA);
  }

  @Test
  void tlsStillVerifiesTheNameTheCertificateWasIssuedFor() {
    // the certificate names localhost, not 127.0.0.1: the peer check does not replace TLS's own
    HttpSourceConnector c = connector(HttpSourceConnector.SYSTEM);

    assertThatThrownBy(() -> read(c, "https://127.0.0.1:" + port + "/data"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void plainHttpConnectsToTheLoopbackAddressItCheckedNotToANewLookup() throws IOException {
    // "prism-test.invalid" resolves nowhere but in the checks' resolver: that the read succeeds
    // shows the connection used the checked address, by number.
    com.sun.net.httpserver.HttpServer plain =
        com.sun.net.httpserver.HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/data", ex -> respond(ex, 200, DATA));
    plain.start();
    try {
      HttpSourceConnector c =
          connector(
              host ->
                  host.equals("prism-test.invalid")
                      ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                      : InetAddress.getAllByName(host));
      String url = "http://prism-test.invalid:" + plain.getAddress().getPort() + "/data";

      assertThat(read(c, url)).isEqualTo(DATA);

      HttpSourceConnector rebound =
          connector(
              host ->
                  host.equals("prism-test.invalid")
                      ? new InetAddress[] {InetAddress.getLoopbackAddress(), PUBLIC}
                      : InetAddress.getAllByName(host));
      assertThatThrownBy(() -> read(rebound, url))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("only https (or http to a loopback address)");
    } finally {
      plain.stop(0);
    }
  }
}
