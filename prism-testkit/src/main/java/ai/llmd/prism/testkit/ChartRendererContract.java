package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.llmd.prism.spi.ChartRenderer;
import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Axis;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import ai.llmd.prism.spi.PluginApi;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The behaviour every {@link ChartRenderer} must have, as a JUnit 5 class to extend (Micrometer's
 * compatibility kit is the model): each rule is one named test. A renderer whose output is XML
 * (SVG, for one) says so through {@link #producesXml()} and is then also held to well-formedness.
 */
public abstract class ChartRendererContract {

  /** The renderer under test. */
  protected abstract ChartRenderer renderer();

  /** Whether the output is an XML document (SVG is); it must then parse, whatever the input. */
  protected boolean producesXml() {
    return false;
  }

  /** Whether the renderer draws {@link ChartSpec.Kind#BARS bar charts}. */
  protected boolean supportsBars() {
    return true;
  }

  /** How long one chart may take at most; a renderer must never hang on odd values. */
  protected Duration timeLimit() {
    return Duration.ofSeconds(10);
  }

  /** Renders {@code spec} to a string, within {@link #timeLimit()}. */
  protected final String render(ChartSpec spec) {
    return assertTimeoutPreemptively(
        timeLimit(),
        () -> {
          StringBuilder out = new StringBuilder();
          renderer().render(spec, out);
          return out.toString();
        },
        () -> "rendering took longer than " + timeLimit() + ": " + spec.title());
  }

  /** A small scatter chart with a frontier, used by several rules. */
  protected static ChartSpec sample(String name, double... ys) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      points.add(new Point(i + 1, ys[i], name + " #" + i, i == 0));
    }
    return new ChartSpec(
        name,
        new Axis("x (tokens/s)", Scale.LINEAR),
        new Axis("y (ms)", Scale.LINEAR),
        List.of(new Series(name, points, false)));
  }

  private void wellFormedIfXml(String out) throws Exception {
    if (!producesXml()) {
      return;
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("script").getLength())
        .as("no text may become a script element")
        .isZero();
  }

  @Nested
  @DisplayName("describes itself")
  class Describes {
    @Test
    @DisplayName("its format is a lower-case file extension")
    void formatIsALowerCaseExtension() {
      assertThat(renderer().format()).matches("[a-z0-9][a-z0-9+.-]*");
    }

    @Test
    @DisplayName("it has a one-line description")
    void hasADescription() {
      assertThat(renderer().description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    @DisplayName("it declares a plugin API version this Prism accepts")
    void declaresACompatibleApiVersion() {
      assertThat(renderer().requestedApiVersion()).isNotNull();
      assertThat(PluginApi.compatible(renderer().requestedApiVersion())).isTrue();
    }
  }

  @Nested
  @DisplayName("renders deterministically")
  class Deterministic {
    @Test
    @DisplayName("the same spec gives the same output twice")
    void sameSpecSameOutput() {
      ChartSpec spec = sample("twice", 5, 3, 8, 1);
      assertThat(render(spec)).isEqualTo(render(spec));
    }

    @Test
    @DisplayName("the output does not depend on the default locale")
    void localeIndependent() {
      ChartSpec spec = sample("locale", 1234.5, 0.25, 99999.75);
      Locale saved = Locale.getDefault();
      String english;
      try {
        Locale.setDefault(Locale.US);
        english = render(spec);
        for (String tag : List.of("de-DE", "ar-EG", "tr-TR", "hi-IN")) {
          Locale.setDefault(Locale.forLanguageTag(tag));
          assertThat(render(spec)).as(tag).isEqualTo(english);
        }
      } finally {
        Locale.setDefault(saved);
      }
    }
  }

  @Nested
  @DisplayName("renders whatever it is given")
  class Total {
    @Test
    @DisplayName("a chart with no series")
    void emptyChart() throws Exception {
      ChartSpec empty =
          new ChartSpec(
              "empty", new Axis("x", Scale.LINEAR), new Axis("y", Scale.LINEAR), List.of());
      wellFormedIfXml(render(empty));
    }

    @Test
    @DisplayName("hostile text in titles, labels, names and tooltips")
    void hostileText() throws Exception {
      String hostile =
          "<script>alert(1)</script> & \" ' \u0000\u001b[31m \u202e \ud800 x " + "é".repeat(5_000);
      ChartSpec spec =
          new ChartSpec(
              hostile,
              new Axis(hostile, Scale.LINEAR),
              new Axis(hostile, Scale.LOG),
              List.of(new Series(hostile, List.of(new Point(1, 2, hostile, true)), true, hostile)));
      wellFormedIfXml(render(spec));
    }

    @Test
    @DisplayName("extreme finite values, on linear and log axes")
    void extremeValues() throws Exception {
      double[] values = {Double.MIN_VALUE, 1e-300, 1e-9, 1, 1e9, 1e150, 1e300, Double.MAX_VALUE};
      for (Scale scale : Scale.values()) {
        List<Point> points = new ArrayList<>();
        for (double v : values) {
          points.add(new Point(v, values[values.length - 1 - points.size()], "v", false));
        }
        ChartSpec spec =
            new ChartSpec(
                "extreme " + scale,
                new Axis("x", scale),
                new Axis("y", scale),
                List.of(new Series("s", points, true)));
        wellFormedIfXml(render(spec));
      }
    }

    @Test
    @DisplayName("values that cannot be placed (zero and negatives on a log axis, infinities)")
    void unplaceableValues() {
      List<Point> points =
          List.of(
              new Point(0, -1, "zero", false),
              new Point(Double.POSITIVE_INFINITY, 1, "inf", false),
              new Point(Double.NaN, 2, "nan", false),
              new Point(10, 10, "fine", false));
      ChartSpec spec =
          new ChartSpec(
              "unplaceable",
              new Axis("x", Scale.LOG),
              new Axis("y", Scale.LOG),
              List.of(new Series("s", points, false)));
      assertThatCode(() -> render(spec)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("ten thousand points")
    void manyPoints() throws Exception {
      double[] ys = new double[10_000];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = 1 + (i * 7919 % 1000);
      }
      wellFormedIfXml(render(sample("many", ys)));
    }

    @Test
    @DisplayName("grouped bars, where supported")
    void bars() throws Exception {
      if (!supportsBars()) {
        return;
      }
      ChartSpec spec =
          ChartSpec.bars(
              "bars",
              "accelerator",
              new Axis("tokens/s", Scale.LINEAR),
              List.of("H100", "H200"),
              List.of(
                  new Series(
                      "a",
                      List.of(new Point(0, 10, "a", false), new Point(1, 20, "b", false)),
                      false)));
      wellFormedIfXml(render(spec));
    }
  }
}
