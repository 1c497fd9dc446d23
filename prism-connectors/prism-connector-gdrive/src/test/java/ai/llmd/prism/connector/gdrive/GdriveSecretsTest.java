package ai.llmd.prism.connector.gdrive;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.FakeDriveServer;
import ai.llmd.prism.testkit.LogCapture;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials never leave the client: with every logger at its finest level, no log record,
 * problem, exception or {@code toString()} of a successful or failing run shows an API key, a
 * service-account private key or the access token it was exchanged for.
 */
class GdriveSecretsTest {

  /** The JDK's HTTP client logs request headers at FINE. */
  private static final String[] WIRE_LOGGERS = {"sun.net.www.protocol.http.HttpURLConnection"};

  private static final String API_KEY = "AIzaPrismGoodKeyR5t8Uv";
  private static final String WRONG_KEY = "AIzaPrismWrongKeyM2n4Bx";

  @Test
  void noSecretAppearsInAnyLogProblemExceptionOrToStringOfAnyRun() throws Exception {
    String text;
    String rest;
    String privateKey;
    try (FakeDriveServer server = FakeDriveServer.start()) {
      server.folder("root", "runs", null);
      server.put("root", "a.json", ProbeReader.file("a", 1));
      server.put("root", "notes.txt", new byte[] {1, 2, 3});
      LogCapture capture = LogCapture.start();

      // an API key: good, then wrong
      server.requireApiKey(API_KEY);
      ConnectorConfig good = config(server, "gdrive.apiKey", API_KEY);
      run(capture, good, "gdrive://folder/root/");
      try (SourceConnector c = new GdriveConnectorProvider().create(good)) {
        capture.note(c);
        List<ObjectRef> listed = new ArrayList<>();
        c.list(URI.create("gdrive://folder/root/"), listed::add);
        listed.forEach(capture::note);
        try (InputStream in = c.open(listed.get(0))) {
          in.readAllBytes();
        }
      }
      ConnectorConfig wrong = config(server, "gdrive.apiKey", WRONG_KEY);
      LoadResult refused = run(capture, wrong, "gdrive://folder/root/");
      assertThat(refused.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("400"));
      fail(capture, wrong, "gdrive://folder/root/");

      // a service-account key, exchanged for a bearer token; then a missing folder
      server.requireApiKey(null);
      server.requireToken();
      Path key = ServiceAccountKey.write(server.tokenUri());
      privateKey = ServiceAccountKey.privateKeyBody(key);
      ConnectorConfig sa = config(server, "gdrive.credentials", key.toString());
      assertThat(run(capture, sa, "gdrive://folder/root/").points()).hasSize(1);
      run(capture, sa, "gdrive://folder/missing/");
      fail(capture, sa, "gdrive://folder/missing/");
      // nothing listens there
      Map<String, String> nowhere = new HashMap<>();
      nowhere.put("gdrive.rootUrl", "http://127.0.0.1:9/");
      nowhere.put("gdrive.apiKey", API_KEY);
      nowhere.put("gdrive.maxAttempts", "2");
      nowhere.put("gdrive.retryDelay", "0.001");
      fail(capture, ConnectorConfig.of(nowhere), "gdrive://folder/root/");
      capture.close();
      text = capture.text();
      rest = capture.textExcept(WIRE_LOGGERS);
    }

    assertThat(text).contains("gdrive://folder/root/").contains("400");
    // the private key never travels; the token and the API key do, in headers only
    assertThat(text).doesNotContain(privateKey).doesNotContain(ServiceAccountKey.KEY_ID);
    assertThat(rest)
        .doesNotContain(API_KEY)
        .doesNotContain(WRONG_KEY)
        .doesNotContain(FakeDriveServer.ISSUED_TOKEN);
  }

  private static ConnectorConfig config(FakeDriveServer server, String key, String value) {
    Map<String, String> m = new HashMap<>();
    m.put("gdrive.rootUrl", server.rootUrl());
    m.put(key, value);
    m.put("gdrive.maxAttempts", "2");
    m.put("gdrive.retryDelay", "0.001");
    return ConnectorConfig.of(m);
  }

  private static LoadResult run(LogCapture capture, ConnectorConfig config, String source) {
    Prism prism =
        Prism.of(
            Plugins.builder().discover().reader(new ProbeReader()).build(),
            LoadOptions.defaults().withConnectorConfig(config));
    capture.note(prism);
    capture.note(prism.options());
    LoadResult result = prism.load(source);
    for (Problem p : result.problems()) {
      capture.note(p);
      capture.note(p.message());
    }
    capture.note(result);
    return result;
  }

  /** Lists directly, recording the whole exception chain with stack traces. */
  private static void fail(LogCapture capture, ConnectorConfig config, String root) {
    try (SourceConnector c = new GdriveConnectorProvider().create(config)) {
      capture.note(c);
      c.list(URI.create(root), o -> {});
      throw new AssertionError("expected " + root + " to fail");
    } catch (IOException | RuntimeException e) {
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      capture.note(w);
      for (Throwable t = e; t != null; t = t.getCause()) {
        capture.note(t.getMessage());
        capture.note(t);
      }
    }
  }
}
