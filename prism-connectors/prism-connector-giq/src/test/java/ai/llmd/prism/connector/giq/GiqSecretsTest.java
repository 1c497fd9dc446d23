package ai.llmd.prism.connector.giq;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.testkit.LogCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bearer token never leaves the request: with every logger at its finest level, no log record,
 * printed line, problem, exception or {@code toString()} of a run shows it.
 */
class GiqSecretsTest {

  private static final String TOKEN = "token-prismGiqSecret8Hd2";
  private static final String REFUSED = "refused-prismGiqSecret5Tm7";

  @Test
  void theTokenAppearsInNoLogProblemExceptionOrToStringOfAnyRun() {
    String root = "giq://my-project?model=" + FakeGiqServer.GEMMA + "&modelServer=vllm";
    String text;
    try (FakeGiqServer server = FakeGiqServer.start(t -> t.startsWith("token-"))) {
      LogCapture capture = LogCapture.start();
      LoadResult ok = run(capture, config(server.endpoint(), TOKEN), root);
      assertThat(ok.points()).hasSize(12);
      LoadResult refused = run(capture, config(server.endpoint(), REFUSED), root);
      assertThat(refused.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("HTTP 401"));
      fail(capture, config(server.endpoint(), REFUSED), root);
      server.failNext(100, 503);
      run(capture, config(server.endpoint(), TOKEN), root);
      fail(capture, config(server.endpoint(), TOKEN), root);
      server.failNext(0, 503);
      run(capture, config("http://127.0.0.1:9", TOKEN), root);
      fail(capture, config("http://127.0.0.1:9", TOKEN), root);
      capture.close();
      text = capture.text();
    }

    assertThat(text).contains("HTTP 401").contains("HTTP 503").contains("my-project");
    assertThat(text).doesNotContain(TOKEN).doesNotContain(REFUSED).doesNotContain("prismGiqSecret");
  }

  private static LoadResult run(LogCapture capture, ConnectorConfig config, String source) {
    Prism prism =
        Prism.of(
            Plugins.builder().discover().reader(new ProfilesProbeReader()).build(),
            LoadOptions.defaults().withConnectorConfig(config));
    capture.note(prism);
    LoadResult result = prism.load(source);
    for (Problem p : result.problems()) {
      capture.note(p);
    }
    capture.note(result);
    return result;
  }

  private static void fail(LogCapture capture, ConnectorConfig config, String root) {
    try (SourceConnector c = new GiqConnectorProvider().create(config)) {
      capture.note(c);
      c.list(URI.create(root), o -> {});
      throw new AssertionError("expected " + root + " to fail");
    } catch (IOException | RuntimeException e) {
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      capture.note(w);
    }
  }

  private static ConnectorConfig config(String endpoint, String token) {
    return ConnectorConfig.of(
        Map.of(
            "giq.endpoint", endpoint,
            "giq.token", token,
            "giq.retryDelay", "0.01",
            "giq.maxAttempts", "2",
            "giq.deadline", "PT3S"));
  }
}
