package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output succeeds on strings and numbers a reader accepted, however odd: a lone surrogate in
 * a name, a latency of 1e150 or 5e-324. The odd file sits beside a good one, which must not suffer.
 */
class HostileValuesCliTest {

  record Run(int code, String out, String err) {}

  static Run prism(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PrismCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A vLLM {@code bench serve} result with the given model id (JSON text) and mean TPOT. */
  static String vllm(String modelIdJson, String meanTpot) {
    return "{\"date\": \"20250923-201033\", \"backend\": \"openai\", \"model_id\": "
        + modelIdJson
        + ", \"num_prompts\": 52, \"request_rate\": \"inf\", \"max_concurrency\": 16,"
        + " \"duration\": 25.0, \"completed\": 50, \"failed\": 2, \"total_input_tokens\": 51200,"
        + " \"total_output_tokens\": 5000, \"request_throughput\": 2.0,"
        + " \"output_throughput\": 200.0, \"total_token_throughput\": 2248.0,"
        + " \"mean_ttft_ms\": 200.0, \"median_ttft_ms\": 190.0, \"p99_ttft_ms\": 260.0,"
        + " \"mean_tpot_ms\": "
        + meanTpot
        + ", \"median_tpot_ms\": 9.5, \"p99_tpot_ms\": 13.0}";
  }

  static Path inputs(Path tmp, String oddModelIdJson, String oddTpot) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("good.json"), vllm("\"Qwen/Qwen3-0.6B\"", "10.0"));
    Files.writeString(dir.resolve("odd.json"), vllm(oddModelIdJson, oddTpot));
    return dir;
  }

  static String loneSurrogate(Path tmp) throws IOException {
    return inputs(tmp, "\"lone \\ud800 x\"", "10.0").toString();
  }

  @Test
  void aLoneSurrogateInAModelNameBecomesAReplacementCharacterInCsv(@TempDir Path tmp)
      throws IOException {
    Run r = prism("points", loneSurrogate(tmp), "--csv");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("lone \uFFFD x").contains("Qwen3-0.6B");
  }

  @Test
  void aLoneSurrogateInAModelNameBecomesAReplacementCharacterInJson(@TempDir Path tmp)
      throws IOException {
    Run r = prism("points", loneSurrogate(tmp), "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("lone \uFFFD x").contains("Qwen3-0.6B");
  }

  @Test
  void aLoneSurrogateInAModelNameDoesNotStopTheReport(@TempDir Path tmp) throws IOException {
    Path html = tmp.resolve("report.html");

    Run r = prism("report", loneSurrogate(tmp), "-o", html.toString());

    assertThat(r.code()).as(r.err()).isZero();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("lone \uFFFD x").contains("Qwen3-0.6B");
  }

  @Test
  void aLatencyOf1e150IsChartedAndReported(@TempDir Path tmp) throws IOException {
    Path in = inputs(tmp, "\"huge\"", "1e150");
    Path html = tmp.resolve("report.html");

    Run report = prism("report", in.toString(), "-o", html.toString());
    Run chart = prism("chart", in.toString(), "-o", tmp.resolve("c.svg").toString());

    assertThat(report.code()).as(report.err()).isZero();
    assertThat(chart.code()).as(chart.err()).isZero();
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("huge");
  }

  @Test
  void aSubnormalLatencyIsChartedAndReported(@TempDir Path tmp) throws IOException {
    Path in = inputs(tmp, "\"tiny\"", "5e-324");
    Path html = tmp.resolve("report.html");

    Run report = prism("report", in.toString(), "-o", html.toString());
    Run chart = prism("chart", in.toString(), "-o", tmp.resolve("c.svg").toString());

    assertThat(report.code()).as(report.err()).isZero();
    assertThat(chart.code()).as(chart.err()).isZero();
  }

  @Test
  void aLogAxisFrom1eMinus300To1e300IsDrawn(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("a.json"), vllm("\"a\"", "1e-300"));
    Files.writeString(dir.resolve("b.json"), vllm("\"b\"", "1e300"));
    Path svg = tmp.resolve("c.svg");

    Run r = prism("chart", dir.toString(), "--x", "tpot.mean", "--log-x", "-o", svg.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(svg, StandardCharsets.UTF_8))
        .containsPattern(">1e-\\d+<")
        .containsPattern(">1e\\d+<");
  }
}
