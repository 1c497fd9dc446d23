package ai.llmd.prism.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.Views;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointsCsvTest {

  static BenchmarkPoint named(String model, String accelerator, String location) {
    return new BenchmarkPoint(
        new Scenario(
            ModelRef.unresolved(model),
            new Deployment(
                AcceleratorRef.unresolved(accelerator),
                8,
                "vLLM",
                "0.10.1",
                null,
                List.of(),
                List.of(),
                null),
            new Workload(
                Distribution.ofMean(1000),
                Distribution.ofMean(500),
                null,
                "inference-perf",
                null,
                null,
                8.0,
                null)),
        Metrics.builder().put(MetricValue.measured(Metric.OUTPUT_THROUGHPUT, 3200)).build(),
        List.of(),
        Map.of(),
        new Provenance(URI.create("file:///r/stage_0.json"), "inference-perf", null, location));
  }

  static Map<String, String> onlyRow(BenchmarkPoint p) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PointsCsv.write(List.of(p), Views.Basis.TOTAL, out);
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(out.toString(StandardCharsets.UTF_8))) {
      List<Map<String, String>> all = rows.readAll();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"})
  void aTextCellASpreadsheetWouldEvaluateGetsALeadingQuote(String hostile) throws Exception {
    Map<String, String> row = onlyRow(named("x" + hostile, "x" + hostile, hostile));

    assertThat(row.get("location")).isEqualTo("'" + hostile);
    assertThat(row.get("model_raw")).isEqualTo("x" + hostile);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"})
  void namesAreNeutralizedToo(String hostile) throws Exception {
    Map<String, String> row = onlyRow(named(hostile, hostile, "stage 0"));

    assertThat(row.get("model_id")).isEqualTo("'" + hostile.toLowerCase(java.util.Locale.ROOT));
    assertThat(row.get("model_raw")).isEqualTo("'" + hostile);
    assertThat(row.get("accelerator")).isEqualTo("'" + hostile);
  }

  @Test
  void numbersStayNumbersAndHarmlessTextIsUntouched() throws Exception {
    Map<String, String> row = onlyRow(named("Qwen/Qwen3-32B", "H100", "stage 0"));

    assertThat(row.get("model_raw")).isEqualTo("Qwen/Qwen3-32B");
    assertThat(row.get("concurrency")).isEqualTo("8");
    assertThat(row.get("location")).isEqualTo("stage 0");
    assertThat(row.get("output_throughput_mean_tokens_per_s")).isEqualTo("3200");
  }
}
