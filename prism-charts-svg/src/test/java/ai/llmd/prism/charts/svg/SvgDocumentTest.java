package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every chart, the golden samples and awkward inputs alike, parses as SVG and keeps its promises.
 */
class SvgDocumentTest {

  static Stream<Arguments> charts() {
    Map<String, ChartSpec> all = new LinkedHashMap<>(Samples.all());
    all.putAll(Samples.awkward());
    return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static Document render(ChartSpec spec) {
    return Svg.parse(new SvgChartRenderer().toSvg(spec));
  }

  /** With {@code -Dprism.charts.dump=DIR}, writes every chart there to look at. */
  @org.junit.jupiter.api.Test
  void dumpsChartsWhenAsked() throws java.io.IOException {
    String dir = System.getProperty("prism.charts.dump");
    org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "prism.charts.dump not set");
    for (Arguments a : charts().toList()) {
      String file = a.get()[0].toString().replaceAll("[^a-z0-9-]+", "-") + ".svg";
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(dir, file), new SvgChartRenderer().toSvg((ChartSpec) a.get()[1]));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void isAnSvgDocumentWithAViewBoxAndTheChartTitle(String name, ChartSpec spec) {
    Document doc = render(spec);
    Element root = doc.getDocumentElement();

    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo(Svg.NS);
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 500");
    assertThat(Svg.all(doc, "*"))
        .allSatisfy(e -> assertThat(e.getNamespaceURI()).isEqualTo(Svg.NS));
    assertThat(Svg.children(root).get(0).getLocalName()).isEqualTo("title");
    assertThat(Svg.title(root)).isEqualTo(clean(spec.title()));
    assertThat(Svg.all(doc, "script")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void drawsEveryDrawablePointOnceWithItsTooltip(String name, ChartSpec spec) {
    List<String> expected = new ArrayList<>();
    for (Series s : spec.series()) {
      for (Point p : s.points()) {
        if (drawable(spec, p)) {
          String tip = clean(p.tooltip());
          expected.add(
              p.onFrontier() && spec.kind() == ChartSpec.Kind.XY
                  ? tip + "\nOn the Pareto frontier"
                  : tip);
        }
      }
    }

    List<Element> marks = Svg.marks(render(spec));

    assertThat(marks).extracting(Svg::title).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void ringsEveryFrontierPointAndJoinsThemInOrderOfX(String name, ChartSpec spec) {
    long onFrontier =
        spec.kind() == ChartSpec.Kind.BARS
            ? 0
            : spec.series().stream()
                .flatMap(s -> s.points().stream())
                .filter(p -> p.onFrontier() && drawable(spec, p))
                .count();
    Document doc = render(spec);

    assertThat(Svg.byClass(doc, "frontier-ring").stream().filter(e -> !inLegend(e)))
        .hasSize((int) onFrontier);
    List<Element> lines = Svg.all(doc, "polyline");
    assertThat(lines).hasSize(onFrontier > 1 ? 1 : 0);
    if (onFrontier > 1) {
      String[] pts = lines.get(0).getAttribute("points").split(" ");
      assertThat(pts).hasSize((int) onFrontier);
      double previous = Double.NEGATIVE_INFINITY;
      for (String p : pts) {
        double x = Double.parseDouble(p.split(",")[0]);
        assertThat(x).isGreaterThanOrEqualTo(previous);
        previous = x;
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void noTextLeavesTheImage(String name, ChartSpec spec) {
    for (Element text : Svg.all(render(spec), "text")) {
      double[] box = box(text);
      assertThat(box[0]).as("left of %s", Svg.ownText(text)).isGreaterThanOrEqualTo(0);
      assertThat(box[1]).as("right of %s", Svg.ownText(text)).isLessThanOrEqualTo(800);
      assertThat(box[2]).as("top of %s", Svg.ownText(text)).isGreaterThanOrEqualTo(0);
      assertThat(box[3]).as("bottom of %s", Svg.ownText(text)).isLessThanOrEqualTo(500);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void tickLabelsNeitherOverlapEachOtherNorTheAxisTitles(String name, ChartSpec spec) {
    Document doc = render(spec);
    List<double[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    for (Element text :
        Stream.concat(Svg.byClass(doc, "tick").stream(), Svg.byClass(doc, "category").stream())
            .toList()) {
      Element axis = (Element) text.getParentNode();
      (Svg.hasClass(axis, "x") ? x : y).add(box(text));
    }
    x.sort(Comparator.comparingDouble(b -> b[0]));
    for (int i = 1; i < x.size(); i++) {
      assertThat(x.get(i)[0])
          .as("x label %d starts after label %d ends", i, i - 1)
          .isGreaterThan(x.get(i - 1)[1]);
    }
    y.sort(Comparator.comparingDouble(b -> b[2]));
    for (int i = 1; i < y.size(); i++) {
      assertThat(y.get(i)[2])
          .as("y label %d below label %d", i, i - 1)
          .isGreaterThanOrEqualTo(y.get(i - 1)[3]);
    }
    double[] yTitle =
        box(
            Svg.byClass(doc, "axis-title").stream()
                .filter(e -> Svg.hasClass(e, "y"))
                .findFirst()
                .orElseThrow());
    double[] xTitle =
        box(
            Svg.byClass(doc, "axis-title").stream()
                .filter(e -> Svg.hasClass(e, "x"))
                .findFirst()
                .orElseThrow());
    for (double[] b : y) {
      assertThat(b[0]).isGreaterThan(yTitle[1]);
    }
    for (double[] b : x) {
      assertThat(b[3]).isLessThanOrEqualTo(xTitle[2]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void lineEndLabelsAreAtLeastALineApart(String name, ChartSpec spec) {
    List<Double> ys =
        Svg.byClass(render(spec), "end-label").stream().map(e -> Svg.num(e, "y")).sorted().toList();
    for (int i = 1; i < ys.size(); i++) {
      assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(13.99);
    }
  }

  private static boolean inLegend(Element e) {
    for (Element p = e; p != null; p = p.getParentNode() instanceof Element q ? q : null) {
      if (Svg.hasClass(p, "legend-items")) {
        return true;
      }
    }
    return false;
  }

  private static boolean drawable(ChartSpec spec, Point p) {
    if (spec.kind() == ChartSpec.Kind.BARS) {
      return Double.isFinite(p.y())
          && p.x() >= 0
          && p.x() < spec.categories().size()
          && p.x() == Math.rint(p.x());
    }
    return Double.isFinite(p.x())
        && Double.isFinite(p.y())
        && (spec.x().scale() == Scale.LINEAR || p.x() > 0)
        && (spec.y().scale() == Scale.LINEAR || p.y() > 0);
  }

  /** What XML can carry of a string: forbidden characters become U+FFFD. */
  private static String clean(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            c ->
                sb.appendCodePoint(
                    c < 0x20 && c != '\n' && c != '\t' && c != '\r' || (c >= 0xD800 && c <= 0xDFFF)
                        ? 0xFFFD
                        : c));
    return sb.toString();
  }

  /** Estimated [left, right, top, bottom] of a text, by the renderer's own width rule. */
  static double[] box(Element text) {
    String cls = text.getAttribute("class");
    double size =
        cls.contains("title") && !cls.contains("axis-title")
            ? 16
            : cls.contains("axis-title") ? 13 : 12;
    double width = Text.width(Svg.ownText(text), size);
    double x = Svg.num(text, "x");
    double y = Svg.num(text, "y");
    String anchor = text.getAttribute("text-anchor");
    double start = anchor.equals("middle") ? -width / 2 : anchor.equals("end") ? -width : 0;
    if (text.getAttribute("transform").startsWith("rotate(-90")) {
      // drawn upwards from (x, y): the text runs along y, its glyphs reach left of x
      return new double[] {x - size, x + 0.25 * size, y - start - width, y - start};
    }
    return new double[] {x + start, x + start + width, y - 0.8 * size, y + 0.25 * size};
  }
}
