package ai.llmd.prism.charts.svg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Axis;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Scale;
import ai.llmd.prism.spi.ChartSpec.Series;
import ai.llmd.prism.spi.ChartSpec.Theme;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartRendererTest {

  private final SvgChartRenderer renderer = new SvgChartRenderer();

  @Test
  void isDiscoveredAsTheSvgRenderer() {
    Plugins plugins = Plugins.builder().discover().build();

    assertThat(plugins.renderer("svg")).get().isInstanceOf(SvgChartRenderer.class);
    assertThat(plugins.problems()).isEmpty();
  }

  @Test
  void writesTheSameBytesWhateverTheDefaultLocale() throws IOException {
    ChartSpec spec = Samples.throughputVsTpot(Scale.LOG);
    StringBuilder out = new StringBuilder();
    renderer.render(spec, out);
    String expected = out.toString();
    Locale before = Locale.getDefault();
    try {
      for (Locale l :
          List.of(
              Locale.GERMANY,
              Locale.forLanguageTag("ar-EG"),
              Locale.forLanguageTag("tr-TR"),
              Locale.forLanguageTag("hi-IN-u-nu-deva"))) {
        Locale.setDefault(l);
        assertThat(renderer.toSvg(spec)).as("in %s", l).isEqualTo(expected);
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void styleFollowsTheTheme() {
    ChartSpec spec = Samples.latencyVsConcurrency();

    assertThat(renderer.toSvg(spec)).contains(".bg{fill:#ffffff}").doesNotContain("@media");
    assertThat(renderer.toSvg(spec.withTheme(Theme.DARK)))
        .contains(".bg{fill:#16181d}")
        .doesNotContain("#ffffff");
    assertThat(renderer.toSvg(spec.withTheme(Theme.AUTO)))
        .contains(".bg{fill:#ffffff}", "@media (prefers-color-scheme: dark) {\n.bg{fill:#16181d}");
  }

  @Test
  void seriesOfOneGroupShareAColourAndDifferInShape() {
    Point p = new Point(1, 1, "p", false);
    ChartSpec spec =
        new ChartSpec(
            "groups",
            Samples.axis("x"),
            Samples.axis("y"),
            List.of(
                new Series("H100 a", List.of(p), false, "H100"),
                new Series("H200 a", List.of(p), false, "H200"),
                new Series("H100 b", List.of(p), false, "H100"),
                new Series("own", List.of(p), false)));

    Document doc = Svg.parse(renderer.toSvg(spec));
    List<Element> series = Svg.byClass(doc, "series");

    assertThat(series)
        .extracting(e -> e.getAttribute("class"))
        .containsExactly("series c0", "series c1", "series c0", "series c2");
    assertThat(Svg.marks(doc))
        .extracting(Element::getLocalName)
        .containsExactly("circle", "circle", "rect", "circle");
  }

  @Test
  void barsStandOnZeroWithHeightsProportionalToTheirValues() {
    ChartSpec spec = Samples.pdBars();
    List<Double> values = new ArrayList<>();
    spec.series().forEach(s -> s.points().forEach(p -> values.add(p.y())));

    List<Element> bars = Svg.marks(Svg.parse(renderer.toSvg(spec)));

    assertThat(bars).hasSize(9);
    double pxPerUnit = Svg.num(bars.get(0), "height") / values.get(0);
    double baseline = Svg.num(bars.get(0), "y") + Svg.num(bars.get(0), "height");
    for (int i = 0; i < bars.size(); i++) {
      Element bar = bars.get(i);
      assertThat(Svg.num(bar, "height"))
          .isCloseTo(values.get(i) * pxPerUnit, org.assertj.core.data.Offset.offset(0.02));
      assertThat(Svg.num(bar, "y") + Svg.num(bar, "height"))
          .isCloseTo(baseline, org.assertj.core.data.Offset.offset(0.02));
    }
  }

  @Test
  void saysHowManyPointsItCouldNotDrawAndWhy() {
    List<Point> points =
        List.of(
            new Point(1, 10, "ok", false),
            new Point(0, 10, "zero x on log", false),
            new Point(2, -1, "negative y on log", false),
            new Point(Double.POSITIVE_INFINITY, 3, "infinite", false));
    ChartSpec spec =
        new ChartSpec(
            "log",
            new Axis("x", Scale.LOG),
            new Axis("y", Scale.LOG),
            List.of(new Series("s", points, false)));

    Document doc = Svg.parse(renderer.toSvg(spec));

    assertThat(Svg.byClass(doc, "note"))
        .extracting(Element::getTextContent)
        .containsExactly(
            "1 point not shown: x or y is not a finite number",
            "2 points not shown: not positive, on a log axis");
    assertThat(Svg.marks(doc)).hasSize(1);
  }

  @Test
  void specsRefuseBarsOnALogAxisAndCategoriesOnXyCharts() {
    assertThatThrownBy(
            () -> ChartSpec.bars("b", "c", new Axis("v", Scale.LOG), List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ChartSpec(
                    "t",
                    ChartSpec.Kind.XY,
                    Samples.axis("x"),
                    Samples.axis("y"),
                    List.of(),
                    List.of("a"),
                    Theme.LIGHT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverTouchesAwt() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.llmd.prism.charts.svg"));
  }
}
