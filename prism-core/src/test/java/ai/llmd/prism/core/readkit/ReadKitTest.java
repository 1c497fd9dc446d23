package ai.llmd.prism.core.readkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.formats.Trees;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadLimits;
import ai.llmd.prism.spi.Sniff;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader kit as a plugin meets it: through {@code Prism.load}, with the load's limits. */
class ReadKitTest {

  /** {@code {"runs": [{"model": …, "ttft_s": …}, …]}}, one point per run, TTFT in seconds. */
  static final class RunsReader implements FormatReader {
    final AtomicReference<ReadLimits> seen = new AtomicReference<>();

    @Override
    public String id() {
      return "runs";
    }

    @Override
    public String requestedApiVersion() {
      return PluginApi.VERSION;
    }

    @Override
    public String description() {
      return "runs: a test format";
    }

    @Override
    public Detection detect(Sniff sniff) {
      return sniff.fileName().endsWith(".runs.json") ? Detection.CERTAIN : Detection.NO;
    }

    @Override
    public void read(ReadContext context) throws IOException {
      seen.set(context.limits());
      JsonNode root = Trees.parse(context.file().bytes());
      JsonNode runs = JsonFields.array(root, "runs", "", context);
      if (runs == null) {
        return;
      }
      List<JsonNode> list = new ArrayList<>();
      runs.forEach(list::add);
      context.each(
          "/runs",
          list,
          (at, run) -> {
            Double ttft = JsonFields.number(run, "ttft_s", at, context);
            // the model record, not the reader, refuses a concurrency of 0
            Workload w =
                Workload.builder().concurrency(run.path("concurrency").asDouble(1)).build();
            context.point(
                new BenchmarkPoint(
                    new Scenario(
                        ModelRef.unresolved(JsonFields.text(run, "model")),
                        Deployment.builder().build(),
                        w),
                    ttft == null
                        ? Metrics.builder().build()
                        : Metrics.builder()
                            .put(MetricValue.measured(Metric.TTFT, ttft * 1000))
                            .build(),
                    new Provenance(context.file().uri(), id(), "1", at)));
          });
    }
  }

  @Test
  void aRowTheModelRefusesIsAnErrorAtItsPointerAndTheOtherRowsLoad(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("a.runs.json");
    Files.writeString(
        file,
        """
        {"runs": [
          {"model": "m1", "ttft_s": 0.5},
          {"model": "m2", "ttft_s": 0.25, "concurrency": 0},
          {"model": "m3", "ttft_s": -0.5},
          {"model": "m4", "ttft_s": 0.125}
        ]}
        """,
        StandardCharsets.UTF_8);
    RunsReader reader = new RunsReader();

    LoadResult r =
        Prism.of(
                Plugins.builder().reader(reader).build(),
                LoadOptions.defaults().withMaxPointsPerFile(50))
            .load(dir);

    assertThat(r.points())
        .extracting(p -> p.provenance().location())
        .containsExactly("/runs/0", "/runs/2", "/runs/3");
    assertThat(r.points().get(0).metrics().get(Metric.TTFT, Statistic.MEAN)).hasValue(500.0);
    assertThat(r.problems())
        .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
        .extracting(Problem::file, Problem::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file.toString(), "/runs/1"),
            org.assertj.core.groups.Tuple.tuple(file.toString(), "/runs/2/ttft_s"));
    assertThat(r.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("concurrency"))
        // the value as the file wrote it, not converted to milliseconds
        .anySatisfy(m -> assertThat(m).contains("was -0.5"));
    assertThat(reader.seen.get()).isEqualTo(new ReadLimits(LoadOptions.DEFAULT_MAX_FILE_BYTES, 50));
  }

  @Test
  void fieldsReportWhatIsMissingOrOfTheWrongTypeAtTheirPointer() throws IOException {
    JsonNode n = Trees.parse("{\"a\": [1], \"b\": \"x\", \"c\": 3.5, \"d\": 1e12}".getBytes());
    Collected c = new Collected();

    assertThat(JsonFields.present(n, "z", "/p", true, c)).isFalse();
    assertThat(JsonFields.present(n, "z", "/p", false, c)).isFalse();
    assertThat(JsonFields.object(n, "a", "/p", c)).isNull();
    assertThat(JsonFields.number(n, "b", "/p", c)).isNull();
    assertThat(JsonFields.count(n, "c", "/p", c)).isNull();
    assertThat(JsonFields.integer(n, "d", "/p", c)).isNull();
    assertThat(JsonFields.text(n, "a", "/p", c)).isNull();
    assertThat(JsonFields.text(n, "b", "/p", c)).isEqualTo("x");

    assertThat(c.problems)
        .extracting(p -> p.location() + ": " + p.message())
        .containsExactly(
            "/p/z: missing required field 'z'",
            "/p/a: expected a mapping, found a list; not read",
            "/p/b: expected a number, found the string \"x\"; not read",
            "/p/c: expected a whole number, was 3.5; not read",
            "/p/d: is too large, was 1.0E12",
            "/p/a: expected text, found a list; not read");
  }

  /** A context that collects problems about one in-memory file. */
  private static final class Collected implements ReadContext {
    final List<Problem> problems = new ArrayList<>();
    final ai.llmd.prism.spi.SourceFile file =
        new ai.llmd.prism.core.internal.BytesSourceFile(
            java.net.URI.create("mem:f.json"), "f.json", new byte[0]);

    @Override
    public ai.llmd.prism.spi.SourceFile file() {
      return file;
    }

    @Override
    public void point(BenchmarkPoint point) {}

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  }
}
