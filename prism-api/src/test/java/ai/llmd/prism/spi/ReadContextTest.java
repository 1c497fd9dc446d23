package ai.llmd.prism.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.api.Unit;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadContextTest {

  private final List<BenchmarkPoint> points = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final SourceFile file = file("runs/a.csv");
  private final ReadContext context =
      ReadContext.of(
          file,
          new ReadSink() {
            @Override
            public void point(BenchmarkPoint point) {
              points.add(point);
            }

            @Override
            public void problem(Problem problem) {
              problems.add(problem);
            }
          });

  @Test
  void aRowThatThrowsBecomesAnErrorAtItsPlaceAndTheNextRowsStillRun() {
    List<String> ran = new ArrayList<>();

    boolean first = context.row("row 2", () -> ran.add("2"));
    boolean second =
        context.row("row 3", () -> MetricValue.measured(Metric.TTFT, -0.5)); // the record refuses
    boolean third = context.row("row 4", () -> ran.add("4"));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(third).isTrue();
    assertThat(ran).containsExactly("2", "4");
    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(p.file()).isEqualTo("runs/a.csv");
    assertThat(p.location()).isEqualTo("row 3");
    assertThat(p.message()).contains("-0.5");
    assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID_VALUE);
  }

  @Test
  void aFailureWithoutAMessageIsNamedByItsType() {
    context.row("/x/0", () -> ((Object) null).hashCode());

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("/x/0");
              assertThat(p.message()).contains("NullPointerException");
            });
  }

  @Test
  void eachRunsEveryElementAtItsOwnPointerAndCountsTheOnesThatFinished() {
    List<String> seen = new ArrayList<>();

    int done =
        context.each(
            "/benchmarks",
            List.of("a", "bad", "c"),
            (at, item) -> {
              if (item.equals("bad")) {
                throw new IllegalArgumentException("concurrency must be positive, was 0");
              }
              seen.add(at + "=" + item);
            });

    assertThat(done).isEqualTo(2);
    assertThat(seen).containsExactly("/benchmarks/0=a", "/benchmarks/2=c");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("/benchmarks/1");
              assertThat(p.message()).isEqualTo("concurrency must be positive, was 0");
            });
  }

  @Test
  void anUnknownUnitIsAnErrorAtItsPlaceNeverAGuess() {
    assertThat(context.factor("s", Unit.MILLISECONDS, "/ttft/units").getAsDouble()).isEqualTo(1000);
    assertThat(context.factor("fortnights", Unit.MILLISECONDS, "/e2e/units")).isEmpty();
    assertThat(context.factor(null, Unit.MILLISECONDS, "/itl")).isEmpty();

    assertThat(problems).extracting(Problem::location).containsExactly("/e2e/units", "/itl");
    assertThat(problems.get(0).message()).contains("'fortnights'").contains("ms");
    assertThat(problems.get(1).message()).contains("no unit given");
    assertThat(problems).extracting(Problem::kind).containsOnly(Problem.Kind.UNIT);
  }

  @Test
  void problemsNameTheFileAndTheirSeverity() {
    context.warning("row 1", "w");
    context.info("", "i");

    assertThat(problems)
        .extracting(Problem::severity, Problem::file)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Problem.Severity.WARNING, "runs/a.csv"),
            org.assertj.core.groups.Tuple.tuple(Problem.Severity.INFO, "runs/a.csv"));
  }

  @Test
  void aContextForTheSameFileIsReusedAndDefaultLimitsApplyToAPlainSink() {
    assertThat(ReadContext.of(file, context)).isSameAs(context);
    assertThat(ReadContext.of(file("other"), context)).isNotSameAs(context);
    assertThat(context.limits()).isEqualTo(ReadLimits.DEFAULTS);
    assertThatThrownBy(() -> new ReadLimits(0, 1)).hasMessageContaining("maxFileBytes");
  }

  @Test
  void aReaderOfTheOldShapeAndOneOfTheNewAreBothCalledThroughTheOldEntry() throws Exception {
    FormatReader kitReader =
        new Reader() {
          @Override
          public void read(ReadContext c) {
            c.row("row 1", () -> c.info("row 1", "kit"));
          }
        };
    kitReader.read(file, context);
    assertThat(problems).extracting(Problem::message).containsExactly("kit");

    FormatReader neither = new Reader() {};
    assertThatThrownBy(() -> neither.read(file, context))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("overrides neither");
  }

  @Test
  void unitsConvertOnlyFromSpellingsSeenInRealSources() {
    assertThat(Unit.MILLISECONDS.factorFrom(" Seconds ").getAsDouble()).isEqualTo(1000);
    assertThat(Unit.MILLISECONDS_PER_TOKEN.factorFrom("s/token").getAsDouble()).isEqualTo(1000);
    assertThat(Unit.PERCENT.factorFrom("fraction").getAsDouble()).isEqualTo(100);
    assertThat(Unit.TOKENS_PER_SECOND.factorFrom("ms")).isEmpty();
    assertThat(Unit.MILLISECONDS.factorFrom(null)).isEmpty();
  }

  private abstract static class Reader implements FormatReader {
    @Override
    public String id() {
      return "test";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Detection detect(Sniff sniff) {
      return Detection.NO;
    }
  }

  private static SourceFile file(String name) {
    return new SourceFile() {
      @Override
      public URI uri() {
        return URI.create("file:///" + name);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public byte[] bytes() {
        return new byte[0];
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(new byte[0]);
      }

      @Override
      public Optional<SourceFile> sibling(String fileName) {
        return Optional.empty();
      }
    };
  }
}
