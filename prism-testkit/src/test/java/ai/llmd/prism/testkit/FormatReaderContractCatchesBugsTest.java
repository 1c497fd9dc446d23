package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Deployment;
import ai.llmd.prism.api.Distribution;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Metrics;
import ai.llmd.prism.api.ModelRef;
import ai.llmd.prism.api.Provenance;
import ai.llmd.prism.api.Scenario;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.api.Workload;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadSink;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The reader contract is not a test that cannot fail: a correct reader passes every rule, and each
 * planted bug fails exactly the rules about it.
 */
class FormatReaderContractCatchesBugsTest {

  /** A line format: {@code #kv} then {@code model;ttft_seconds} rows. */
  static class KvReader implements FormatReader {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String id() {
      return "kv";
    }

    @Override
    public String requestedApiVersion() {
      return PluginApi.VERSION;
    }

    @Override
    public String description() {
      return "kv: a line per run";
    }

    @Override
    public Detection detect(Sniff sniff) {
      return new String(sniff.head(), StandardCharsets.UTF_8).startsWith("#kv\n")
          ? Detection.CERTAIN
          : Detection.NO;
    }

    @Override
    public void read(ReadContext context) throws IOException {
      SourceFile file = context.file();
      String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
      reads.incrementAndGet();
      for (int i = 1; i < lines.length; i++) {
        String[] cells = lines[i].split(";", -1);
        int line = i + 1;
        context.row(
            "line " + line, () -> context.point(point(file, line, cells[0], seconds(cells[1]))));
      }
    }

    double seconds(String cell) {
      return Double.parseDouble(cell) * 1000;
    }

    String location(int line) {
      return "line " + line;
    }

    BenchmarkPoint point(SourceFile file, int line, String model, double ttftMs) {
      return new BenchmarkPoint(
          new Scenario(
              ModelRef.unresolved(model), Deployment.builder().build(), Workload.builder().build()),
          Metrics.builder()
              .put(
                  MetricValue.measured(
                      Metric.TTFT, Distribution.builder().put(Statistic.P90, ttftMs).build()))
              .build(),
          new Provenance(file.uri(), id(), "1", location(line)));
    }
  }

  /** Set while this test runs a planted contract: surefire selecting one directly skips it. */
  private static volatile boolean running;

  static boolean running() {
    return running;
  }

  /** The contract over {@link #reader()}. */
  @EnabledIf("ai.llmd.prism.testkit.FormatReaderContractCatchesBugsTest#running")
  abstract static class KvContract extends FormatReaderContract {
    @Override
    protected SourceFile sample() {
      return SourceFiles.named("runs.kv").content("#kv\nllama;0.120\nqwen;0.250\n").build();
    }

    @Override
    protected Optional<SourceFile> sampleWithABadEntry() {
      return Optional.of(
          SourceFiles.named("bad.kv").content("#kv\nllama;0.120\nqwen;fast\n").build());
    }

    @Override
    protected Map<String, Double> expectedFirstPoint() {
      return Map.of("ttft.p90", 120.0);
    }

    @Override
    protected boolean discoverable() {
      return false;
    }
  }

  static class Correct extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader();
    }
  }

  static class NeverRecognises extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader() {
        @Override
        public Detection detect(Sniff sniff) {
          return Detection.NO;
        }
      };
    }
  }

  static class KeepsSecondsAsMilliseconds extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader() {
        @Override
        double seconds(String cell) {
          return Double.parseDouble(cell);
        }
      };
    }
  }

  static class ThrowsOnACutFile extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader() {
        @Override
        public void read(SourceFile file, ReadSink sink) throws IOException {
          if (!new String(file.bytes(), StandardCharsets.UTF_8).endsWith("\n")) {
            throw new IllegalStateException("unexpected end");
          }
          super.read(file, sink);
        }
      };
    }
  }

  static class Stateful extends KvContract {
    final KvReader reader =
        new KvReader() {
          @Override
          String location(int line) {
            return "line " + line + " (read " + reads.get() + ")";
          }
        };

    @Override
    protected FormatReader reader() {
      return reader;
    }
  }

  static class ThrowsOnABadRow extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader() {
        @Override
        double seconds(String cell) {
          if (cell.equals("fast")) {
            throw new IllegalStateException("fast");
          }
          return super.seconds(cell);
        }

        @Override
        public void read(SourceFile file, ReadSink sink) throws IOException {
          String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
          for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";", -1);
            sink.point(point(file, i + 1, cells[0], seconds(cells[1])));
          }
        }
      };
    }
  }

  static class LetsTheFailureOfARowEscape extends KvContract {
    @Override
    protected FormatReader reader() {
      return new KvReader() {
        @Override
        public void read(ReadContext context) throws IOException {
          SourceFile file = context.file();
          String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n");
          for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";", -1);
            double ttft;
            try {
              ttft = seconds(cells[1]);
            } catch (RuntimeException e) {
              context.error("line " + (i + 1), "not a run: '" + lines[i] + "'");
              continue;
            }
            // the bug: what building or handing over the point throws is not contained
            context.point(point(file, i + 1, cells[0], ttft));
          }
        }
      };
    }
  }

  /** The names of the rules that failed when the contract ran over {@code contract}. */
  private static Set<String> failures(Class<?> contract) {
    Set<String> failed = new TreeSet<>();
    Launcher launcher = LauncherFactory.create();
    running = true;
    try {
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                // the rule's method name, from "...[method:name(args)]"
                String s = id.getUniqueId();
                int at = s.lastIndexOf("[method:") + "[method:".length();
                failed.add(s.substring(at, s.indexOf('(', at)));
              }
            }
          });
    } finally {
      running = false;
    }
    return failed;
  }

  @Test
  void aCorrectReaderPassesEveryRule() {
    assertThat(failures(Correct.class)).isEmpty();
  }

  @Test
  void aReaderThatNeverRecognisesItsFormatFailsTheSniffingRules() {
    assertThat(failures(NeverRecognises.class))
        .containsExactlyInAnyOrder("recognisesItsSample", "winsTheLoadForItsSample");
  }

  @Test
  void aReaderThatForgetsToConvertUnitsFailsTheUnitRule() {
    assertThat(failures(KeepsSecondsAsMilliseconds.class))
        .containsExactly("valuesAreInCanonicalUnits");
  }

  @Test
  void aReaderThatThrowsOnACutFileFailsTheTruncationRule() {
    assertThat(failures(ThrowsOnACutFile.class))
        .containsExactly("aTruncatedFileNeverThrowsUnchecked");
  }

  @Test
  void aReaderWithStateFailsTheStatelessRules() {
    assertThat(failures(Stateful.class)).contains("readingTwiceGivesTheSamePoints");
  }

  @Test
  void aReaderThatContainsBadCellsButNotTheRestOfARowFailsTheContainmentRule() {
    assertThat(failures(LetsTheFailureOfARowEscape.class))
        .containsExactly("aRowThatThrowsIsContained");
  }

  @Test
  void aReaderThatLetsABadRowThrowFailsTheBadEntryRule() {
    assertThat(failures(ThrowsOnABadRow.class)).contains("aBadEntryIsAProblemAndTheRestLoads");
  }
}
