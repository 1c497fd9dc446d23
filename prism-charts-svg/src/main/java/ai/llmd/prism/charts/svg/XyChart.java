package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Point;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Points at (x, y) per series, joined into lines where asked, with the Pareto frontier (the points
 * marked on it, across all series, in order of x) drawn over them and its points ringed.
 */
final class XyChart extends Chart {

  private static final double END_LABEL_PX = 12;
  private static final double END_LABEL_GAP = 14;
  private static final double END_LABEL_MAX_PX = 180;
  private static final String FRONTIER_NOTE = "\nOn the Pareto frontier";

  /** Drawable points of each series, in drawing order. */
  private final List<List<Point>> drawable = new ArrayList<>();

  private final List<Point> frontier = new ArrayList<>();
  private final List<Integer> labelled = new ArrayList<>();
  private double[] xRange;
  private double[] yRange;
  private int pointCount;
  private Ticks xTicks;
  private Mapping xMap;
  private double radius;

  XyChart(ChartSpec spec) {
    super(spec, capacity(spec));
  }

  /** Room for the whole document, so that the buffer never grows and copies. */
  private static int capacity(ChartSpec spec) {
    long chars = 8192;
    for (Series s : spec.series()) {
      for (Point p : s.points()) {
        chars += 96 + p.tooltip().length();
      }
    }
    return (int) Math.min(chars, Integer.MAX_VALUE - 16);
  }

  @Override
  void prepare() {
    boolean logX = spec.x().scale() == ChartSpec.Scale.LOG;
    boolean logY = spec.y().scale() == ChartSpec.Scale.LOG;
    int notFinite = 0;
    int notPositive = 0;
    for (Series s : spec.series()) {
      List<Point> keep = new ArrayList<>(s.points().size());
      for (Point p : s.points()) {
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
          notFinite++;
        } else if ((logX && p.x() <= 0) || (logY && p.y() <= 0)) {
          notPositive++;
        } else {
          keep.add(p);
          xRange = widen(xRange, p.x());
          yRange = widen(yRange, p.y());
          if (p.onFrontier()) {
            frontier.add(p);
          }
        }
      }
      drawable.add(keep);
      pointCount += keep.size();
    }
    frontier.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
    radius = pointCount > 1000 ? 2.5 : 4;
    note(notFinite, "x or y is not a finite number");
    note(notPositive, "not positive, on a log axis");
  }

  private static double[] widen(double[] r, double v) {
    if (r == null) {
      return new double[] {v, v};
    }
    r[0] = Math.min(r[0], v);
    r[1] = Math.max(r[1], v);
    return r;
  }

  @Override
  List<Legend.Entry> legendEntries() {
    List<Legend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < spec.series().size(); i++) {
      Series s = spec.series().get(i);
      entries.add(
          new Legend.Entry(
              s.name(),
              s.connect() ? Legend.Swatch.LINE_AND_MARKER : Legend.Swatch.MARKER,
              colourOf[i],
              shapeOf[i]));
    }
    if (!frontier.isEmpty()) {
      entries.add(new Legend.Entry("Pareto frontier", Legend.Swatch.FRONTIER, 0, Marker.CIRCLE));
    }
    return entries;
  }

  @Override
  double[] yRange() {
    return yRange;
  }

  @Override
  void layoutX() {
    for (int i = 0; i < drawable.size(); i++) {
      if (spec.series().get(i).connect() && !drawable.get(i).isEmpty()) {
        labelled.add(i);
      }
    }
    if ((labelled.size() - 1) * END_LABEL_GAP > plotBottom - plotTop) {
      labelled.clear(); // too many to label without overlap; the legend names them
    }
    double right = PAD + 4;
    for (int i : labelled) {
      String name = endLabel(i);
      right = Math.max(right, endLabelOffset() + Text.width(name, END_LABEL_PX) + PAD);
    }
    plotRight = W - right;
    boolean log = spec.x().scale() == ChartSpec.Scale.LOG;
    double[] domain = log ? logDomain(xRange) : linearDomain(xRange);
    for (int pass = 0; pass < 3; pass++) {
      xTicks = log ? logTicks(domain) : linearTicks(domain);
      xMap = new Mapping(log, xTicks.min(), xTicks.max(), plotLeft, plotRight);
      // the last label is centred on its tick: keep its right half inside the image
      double overflow = 0;
      for (Ticks.Tick t : xTicks.ticks()) {
        if (t.labelled()) {
          overflow = xMap.map(t.value()) + Text.width(t.label(), TICK_PX) / 2 - (W - 4);
        }
      }
      if (overflow <= 0) {
        break;
      }
      plotRight -= overflow;
    }
  }

  /** Clear of the last marker and of a frontier ring around it. */
  private double endLabelOffset() {
    return radius + (frontier.isEmpty() ? 4 : 7);
  }

  private String endLabel(int series) {
    return Text.fitMiddle(spec.series().get(series).name(), END_LABEL_PX, END_LABEL_MAX_PX);
  }

  private Ticks logTicks(double[] domain) {
    return Ticks.log(domain[0], domain[1], plotRight - plotLeft, Ticks.horizontalRoom(TICK_PX));
  }

  /** As many 1-2-5 steps as leave each label its width plus a gap. */
  private Ticks linearTicks(double[] domain) {
    double len = plotRight - plotLeft;
    for (int maxSteps = (int) Math.max(1, Math.floor(len / 50)); ; maxSteps--) {
      Ticks t = Ticks.linear(domain[0], domain[1], maxSteps);
      double widest = 0;
      for (Ticks.Tick tick : t.ticks()) {
        widest = Math.max(widest, Text.width(tick.label(), TICK_PX));
      }
      if (maxSteps <= 1 || widest + TICK_PX <= len / (t.ticks().size() - 1)) {
        return t;
      }
    }
  }

  @Override
  void drawGridX() {
    for (Ticks.Tick t : xTicks.ticks()) {
      if (t.labelled()) {
        double x = xMap.map(t.value());
        w.start("line")
            .attr("x1", x)
            .attr("y1", plotTop)
            .attr("x2", x)
            .attr("y2", plotBottom)
            .end();
      }
    }
  }

  @Override
  void drawAxisX(double labelBaseline) {
    w.start("g").attr("class", "axis x");
    w.start("line")
        .attr("x1", plotLeft)
        .attr("y1", plotBottom)
        .attr("x2", plotRight)
        .attr("y2", plotBottom)
        .end();
    for (Ticks.Tick t : xTicks.ticks()) {
      double x = xMap.map(t.value());
      double len = t.labelled() ? TICK_LEN : TICK_LEN * 0.6;
      w.start("line")
          .attr("x1", x)
          .attr("y1", plotBottom)
          .attr("x2", x)
          .attr("y2", plotBottom + len)
          .end();
      if (t.labelled()) {
        w.start("text")
            .attr("class", "tick")
            .attr("x", x)
            .attr("y", labelBaseline)
            .attr("text-anchor", "middle")
            .text(t.label())
            .end();
      }
    }
    w.end();
  }

  @Override
  void drawData() {
    if (pointCount == 0) {
      noData();
      return;
    }
    for (int i = 0; i < drawable.size(); i++) {
      List<Point> points = drawable.get(i);
      if (points.isEmpty()) {
        continue;
      }
      w.start("g").attr("class", "series c" + colourOf[i]);
      if (spec.series().get(i).connect() && points.size() > 1) {
        StringBuilder d = w.start("path").attr("class", "line").beginAttr("d");
        for (int j = 0; j < points.size(); j++) {
          Point p = points.get(j);
          double x = xMap.map(p.x());
          double y = yMap.map(p.y());
          if (j == 0) {
            Marker.move(d, x, y);
          } else {
            Marker.line(d, x, y);
          }
        }
        w.endAttr().end();
      }
      w.start("g").attr("class", "marks");
      Marker shape = shapeOf[i];
      for (Point p : points) {
        shape.open(w, xMap.map(p.x()), yMap.map(p.y()), radius);
        w.title(p.onFrontier() ? p.tooltip() + FRONTIER_NOTE : p.tooltip()).end();
      }
      w.end();
      w.end();
    }
    drawFrontier();
    drawEndLabels();
  }

  private void drawFrontier() {
    if (frontier.isEmpty()) {
      return;
    }
    w.start("g").attr("class", "pareto");
    if (frontier.size() > 1) {
      StringBuilder pts = w.start("polyline").attr("class", "frontier").beginAttr("points");
      for (int j = 0; j < frontier.size(); j++) {
        Point p = frontier.get(j);
        if (j > 0) {
          pts.append(' ');
        }
        Num.appendCoord(pts, xMap.map(p.x()));
        pts.append(',');
        Num.appendCoord(pts, yMap.map(p.y()));
      }
      w.endAttr().end();
    }
    for (Point p : frontier) {
      w.start("circle")
          .attr("class", "frontier-ring")
          .attr("cx", xMap.map(p.x()))
          .attr("cy", yMap.map(p.y()))
          .attr("r", radius + 3)
          .end();
    }
    w.end();
  }

  /** A label at the right of each line, level with its last point, spread apart where crowded. */
  private void drawEndLabels() {
    if (labelled.isEmpty()) {
      return;
    }
    int n = labelled.size();
    double[][] ends = new double[n][];
    for (int k = 0; k < n; k++) {
      int i = labelled.get(k);
      List<Point> points = drawable.get(i);
      Point last = points.get(points.size() - 1);
      ends[k] = new double[] {xMap.map(last.x()), yMap.map(last.y()), i};
    }
    // stable: equal heights keep series order
    Arrays.sort(ends, Comparator.comparingDouble((double[] e) -> e[1]));
    double[] wanted = new double[n];
    for (int k = 0; k < n; k++) {
      wanted[k] = ends[k][1];
    }
    double[] at = Labels.spread(wanted, END_LABEL_GAP, plotTop, plotBottom);
    w.start("g").attr("class", "end-labels");
    double labelX = plotRight + endLabelOffset();
    for (int k = 0; k < n; k++) {
      int i = (int) ends[k][2];
      String colour = "c" + colourOf[i];
      if (Math.abs(at[k] - ends[k][1]) > 1 || ends[k][0] < plotRight - 8) {
        w.start("line")
            .attr("class", "leader " + colour)
            .attr("x1", ends[k][0] + radius + 1)
            .attr("y1", ends[k][1])
            .attr("x2", labelX - 2)
            .attr("y2", at[k])
            .end();
      }
      String label = endLabel(i);
      w.start("text")
          .attr("class", "end-label " + colour)
          .attr("x", labelX)
          .attr("y", at[k] + END_LABEL_PX * CENTRE_TO_BASELINE);
      if (!label.equals(spec.series().get(i).name())) {
        w.title(spec.series().get(i).name());
      }
      w.text(label).end();
    }
    w.end();
  }
}
