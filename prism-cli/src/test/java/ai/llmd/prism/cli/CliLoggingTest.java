package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI as a process on an S3 source (the AWS SDK logs through SLF4J): the shipped provider is
 * quiet by default and louder on request. A process of its own, because SLF4J picks its provider
 * and level once per JVM.
 */
class CliLoggingTest {

  static HttpServer s3;

  /** An S3 endpoint with one empty bucket. */
  @BeforeAll
  static void start() throws IOException {
    s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s3.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                      + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      + "<Name>bench</Name><Prefix>runs/</Prefix><KeyCount>0</KeyCount>"
                      + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                      + "</ListBucketResult>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/xml");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    s3.start();
  }

  @AfterAll
  static void stop() {
    s3.stop(0);
  }

  static String stderrOf(String... prismArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PrismCli.class.getName());
    command.addAll(
        List.of(
            "points",
            "s3://bench/runs/",
            "--no-cache",
            "--config",
            "s3.endpoint=http://127.0.0.1:" + s3.getAddress().getPort(),
            "--config",
            "s3.anonymous=true",
            "--config",
            "s3.region=us-east-1"));
    command.addAll(List.of(prismArgs));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return err;
  }

  @Test
  void aRemoteCommandPrintsNoSlf4jNoticeAndNoDebugLogs() throws Exception {
    String err = stderrOf();

    assertThat(err).doesNotContain("SLF4J").doesNotContain("DEBUG").doesNotContain("INFO");
  }

  @Test
  void debugShowsTheLibrariesDebugLogs() throws Exception {
    String err = stderrOf("--debug");

    assertThat(err).doesNotContain("SLF4J").contains("DEBUG ");
  }
}
