package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.util.ArrayList;
import java.util.List;

/** Grouped bars: one group per category, one bar per series, from a zero baseline. */
final class BarChart extends Chart {

  /** Share of a category's band the bars fill; the rest separates groups. */
  private static final double GROUP_FILL = 0.8;

  private final List<List<Point>> drawable = new ArrayList<>();
  private double[] yRange;
  private int barCount;
  private double band;

  BarChart(ChartSpec spec) {
    super(spec, 4096 + 160 * spec.series().stream().mapToInt(s -> s.points().size()).sum());
  }

  @Override
  void prepare() {
    int categories = spec.categories().size();
    int notFinite = 0;
    int noCategory = 0;
    for (Series s : spec.series()) {
      List<Point> keep = new ArrayList<>();
      for (Point p : s.points()) {
        if (!Double.isFinite(p.y())) {
          notFinite++;
        } else if (!(p.x() >= 0 && p.x() < categories && p.x() == Math.rint(p.x()))) {
          noCategory++;
        } else {
          keep.add(p);
          yRange =
              yRange == null
                  ? new double[] {p.y(), p.y()}
                  : new double[] {Math.min(yRange[0], p.y()), Math.max(yRange[1], p.y())};
        }
      }
      drawable.add(keep);
      barCount += keep.size();
    }
    note(notFinite, "the value is not a finite number");
    note(noCategory, "x is not the index of a category");
  }

  @Override
  List<Legend.Entry> legendEntries() {
    List<Legend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < spec.series().size(); i++) {
      entries.add(
          new Legend.Entry(
              spec.series().get(i).name(), Legend.Swatch.BAR, colourOf[i], shapeOf[i]));
    }
    return entries;
  }

  @Override
  double[] yRange() {
    return yRange;
  }

  @Override
  void layoutX() {
    plotRight = W - PAD - 4;
    band = (plotRight - plotLeft) / Math.max(1, spec.categories().size());
  }

  @Override
  void drawGridX() {
    // categories need no vertical grid
  }

  @Override
  void drawAxisX(double labelBaseline) {
    w.start("g").attr("class", "axis x");
    double zero = yMap.map(Math.max(yTicks.min(), Math.min(0, yTicks.max())));
    w.start("line")
        .attr("x1", plotLeft)
        .attr("y1", zero)
        .attr("x2", plotRight)
        .attr("y2", zero)
        .end();
    List<String> categories = spec.categories();
    for (int c = 0; c < categories.size(); c++) {
      String name = categories.get(c);
      String label = Text.fit(name, TICK_PX, band - 4);
      w.start("text")
          .attr("class", "category")
          .attr("x", plotLeft + band * (c + 0.5))
          .attr("y", labelBaseline)
          .attr("text-anchor", "middle");
      if (!label.equals(name)) {
        w.title(name);
      }
      w.text(label).end();
    }
    w.end();
  }

  @Override
  void drawData() {
    if (barCount == 0) {
      noData();
      return;
    }
    int n = spec.series().size();
    double barWidth = band * GROUP_FILL / n;
    double gap = barWidth > 4 ? 1 : 0;
    double zero = yMap.map(0);
    for (int i = 0; i < n; i++) {
      List<Point> bars = drawable.get(i);
      if (bars.isEmpty()) {
        continue;
      }
      w.start("g").attr("class", "series c" + colourOf[i]);
      for (Point p : bars) {
        double x = plotLeft + band * (p.x() + (1 - GROUP_FILL) / 2) + barWidth * i;
        double y = yMap.map(p.y());
        w.start("rect")
            .attr("class", "bar")
            .attr("x", x + gap / 2)
            .attr("y", Math.min(y, zero))
            .attr("width", barWidth - gap)
            .attr("height", Math.abs(zero - y))
            .title(p.tooltip())
            .end();
      }
      w.end();
    }
  }
}
