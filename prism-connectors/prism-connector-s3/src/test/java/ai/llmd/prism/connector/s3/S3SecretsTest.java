package ai.llmd.prism.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.LogCapture;
import ai.llmd.prism.testkit.ProbeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials never leave the SDK: with every logger at its finest level, no log record, printed
 * line, problem, exception or {@code toString()} of a successful or failing run shows them.
 */
class S3SecretsTest {

  /** Loggers that print request headers at FINE, and the in-process test server's own. */
  private static final String[] WIRE_AND_SERVER_LOGGERS = {
    "sun.net.www.protocol.http.HttpURLConnection",
    "software.amazon.awssdk.http.auth.aws.internal.signer",
    "org.gaul."
  };

  private static final String WRONG_SECRET = "prismWrongSecretZ4k8Pq";
  private static final String SESSION_TOKEN = "prismSessionTokenW3rT9b";

  @Test
  void noSecretAppearsInAnyLogProblemExceptionOrToStringOfAnyRun() throws Exception {
    String text;
    String rest;
    int records;
    try (LocalS3 server = LocalS3.start()) {
      server.createBucket("secrets");
      server.put("secrets", "runs/a.json", ProbeReader.file("a", 1));
      server.put("secrets", "runs/notes.txt", new byte[] {1, 2, 3});
      LogCapture capture = LogCapture.start();
      ConnectorConfig good = config(server.endpoint().toString(), LocalS3.SECRET_KEY, null);

      // a successful load, and direct use of the connector
      run(capture, good, "s3://secrets/runs/");
      try (SourceConnector c = new S3ConnectorProvider().create(good)) {
        capture.note(c);
        List<ObjectRef> listed = new ArrayList<>();
        c.list(URI.create("s3://secrets/runs/"), listed::add);
        listed.forEach(capture::note);
        try (InputStream in = c.open(listed.get(0))) {
          in.readAllBytes();
        }
      }
      // a wrong secret: 403 SignatureDoesNotMatch
      ConnectorConfig wrong = config(server.endpoint().toString(), WRONG_SECRET, null);
      LoadResult refused = run(capture, wrong, "s3://secrets/runs/");
      assertThat(refused.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("403"));
      fail(capture, wrong, "s3://secrets/runs/");
      // a session token the server does not know, and a missing bucket
      ConnectorConfig session = config(server.endpoint().toString(), WRONG_SECRET, SESSION_TOKEN);
      run(capture, session, "s3://secrets/runs/");
      fail(capture, session, "s3://secrets/runs/");
      run(capture, good, "s3://no-such-bucket/x/");
      // nothing listens there
      ConnectorConfig nowhere = config("http://127.0.0.1:9", LocalS3.SECRET_KEY, SESSION_TOKEN);
      LoadResult unreachable = run(capture, nowhere, "s3://secrets/runs/");
      assertThat(unreachable.problems()).hasSize(1);
      fail(capture, nowhere, "s3://secrets/runs/");
      capture.close();
      records = capture.records();
      text = capture.text();
      rest = capture.textExcept(WIRE_AND_SERVER_LOGGERS);
    }
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/s3-secrets-capture.txt"), text);

    assertThat(records).as("the SDK logged at all").isGreaterThan(10);
    assertThat(text).contains("s3://secrets/runs/").contains("403");
    // secret keys are never sent, so nothing can show them, even at the finest level
    assertThat(text).doesNotContain(LocalS3.SECRET_KEY).doesNotContain(WRONG_SECRET);
    // the access key id and session token travel in headers: only wire-level debug logging of
    // the JDK's HTTP client and the SDK's signer (and the test's own server) show them
    assertThat(rest)
        .contains("software.amazon.awssdk")
        .doesNotContain(LocalS3.ACCESS_KEY)
        .doesNotContain(SESSION_TOKEN);
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
    try (SourceConnector c = new S3ConnectorProvider().create(config)) {
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

  private static ConnectorConfig config(String endpoint, String secret, String session) {
    Map<String, String> m = new HashMap<>();
    m.put("s3.endpoint", endpoint);
    m.put("s3.region", "us-east-1");
    m.put("s3.accessKeyId", LocalS3.ACCESS_KEY);
    m.put("s3.secretAccessKey", secret);
    if (session != null) {
      m.put("s3.sessionToken", session);
    }
    m.put("s3.maxAttempts", "2");
    m.put("s3.retryDelay", "PT0.01S");
    m.put("s3.deadline", "PT5S");
    return ConnectorConfig.of(m);
  }
}
