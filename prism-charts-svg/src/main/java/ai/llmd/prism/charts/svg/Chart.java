package ai.llmd.prism.charts.svg;

import ai.llmd.prism.spi.ChartSpec;
import ai.llmd.prism.spi.ChartSpec.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every chart shares: the frame, the title, the value (y) axis, the legend and notes. The
 * layout runs outside in: the legend and notes fix the bottom margin, which fixes the plot's height
 * and so the y ticks, whose widest label fixes the left margin; subclasses then fix the right
 * margin and the x axis. Margins come from estimated label sizes, so no label is clipped.
 */
abstract class Chart {

  static final double W = 800;
  static final double H = 500;
  static final double PAD = 12;
  static final double TITLE_PX = 16;
  static final double TICK_PX = 12;
  static final double AXIS_TITLE_PX = 13;
  static final double TICK_LEN = 5;
  static final double NOTE_LINE_PX = 16;

  /** From a centre line to the baseline of 12px text, so that the text looks centred on it. */
  static final double CENTRE_TO_BASELINE = 0.35;

  final ChartSpec spec;
  final SvgWriter w;
  final int[] colourOf;
  final Marker[] shapeOf;
  final List<String> notes = new ArrayList<>();

  double plotLeft;
  double plotRight;
  double plotTop;
  double plotBottom;
  Ticks yTicks;
  Mapping yMap;

  Chart(ChartSpec spec, int capacity) {
    this.spec = spec;
    this.w = new SvgWriter(capacity);
    int n = spec.series().size();
    this.colourOf = new int[n];
    this.shapeOf = new Marker[n];
    assignColours();
  }

  /**
   * Series of one group share a colour and take successive shapes; without groups each series has
   * its own colour, and shapes change once the palette wraps.
   */
  private void assignColours() {
    Map<String, Integer> groups = new LinkedHashMap<>();
    Map<String, Integer> rankInGroup = new LinkedHashMap<>();
    List<Series> series = spec.series();
    Marker[] shapes = Marker.values();
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String key = s.group() == null ? "series:" + i : "group:" + s.group();
      int group = groups.computeIfAbsent(key, k -> groups.size());
      int rank = rankInGroup.merge(key, 1, Integer::sum) - 1;
      colourOf[i] = group % Style.PALETTE.length;
      shapeOf[i] = shapes[(rank + group / Style.PALETTE.length) % shapes.length];
    }
  }

  /** Collects what is drawable and the value range; fills {@link #notes} with what is not. */
  abstract void prepare();

  abstract List<Legend.Entry> legendEntries();

  /** The y domain's data range, before ticks widen it; [min, max] of drawable values. */
  abstract double[] yRange();

  /** Fixes {@link #plotRight} and the x axis, given the rest of the frame. */
  abstract void layoutX();

  abstract void drawGridX();

  abstract void drawAxisX(double labelBaseline);

  abstract void drawData();

  String render() {
    prepare();
    Legend legend = new Legend(legendEntries(), W - 2 * PAD);
    plotTop = PAD + TITLE_PX + 14;
    double below =
        TICK_LEN
            + 3
            + TICK_PX
            + 10
            + AXIS_TITLE_PX
            + 10
            + legend.height()
            + notes.size() * NOTE_LINE_PX
            + PAD;
    plotBottom = H - below;
    layoutY();
    double widestY = 0;
    for (Ticks.Tick t : yTicks.ticks()) {
      widestY = Math.max(widestY, Text.width(t.label(), TICK_PX));
    }
    plotLeft = PAD + AXIS_TITLE_PX + 10 + widestY + 4 + TICK_LEN;
    layoutX();
    yMap =
        new Mapping(
            spec.y().scale() == ChartSpec.Scale.LOG,
            yTicks.min(),
            yTicks.max(),
            plotBottom,
            plotTop);

    w.start("svg")
        .attr("xmlns", SvgWriter.SVG_NS)
        .attr("width", W)
        .attr("height", H)
        .attr("viewBox", "0 0 " + Num.coord(W) + " " + Num.coord(H))
        .attr("class", "prism-chart")
        .attr("font-family", Style.FONT_FAMILY)
        .attr("role", "img");
    w.title(spec.title());
    w.start("style").raw(Style.css(spec.theme())).end();
    w.start("rect").attr("class", "bg").attr("width", W).attr("height", H).end();
    w.start("text")
        .attr("class", "title")
        .attr("x", PAD)
        .attr("y", PAD + TITLE_PX)
        // bold runs wider than the estimate for regular text
        .text(Text.fit(spec.title(), TITLE_PX, (W - 2 * PAD) * 0.9))
        .end();

    w.start("g").attr("class", "grid");
    drawGridY();
    drawGridX();
    w.end();

    double xLabelBaseline = plotBottom + TICK_LEN + 3 + TICK_PX;
    drawAxisX(xLabelBaseline);
    drawAxisY();
    double xTitleBaseline = xLabelBaseline + 10 + AXIS_TITLE_PX;
    w.start("text")
        .attr("class", "axis-title x")
        .attr("x", (plotLeft + plotRight) / 2)
        .attr("y", xTitleBaseline)
        .attr("text-anchor", "middle")
        .text(Text.fit(spec.x().label(), AXIS_TITLE_PX, plotRight - plotLeft))
        .end();

    drawData();

    double legendTop = xTitleBaseline + 10;
    legend.draw(w, PAD, legendTop);
    double noteBaseline = legendTop + legend.height() + NOTE_LINE_PX - 4;
    for (String note : notes) {
      w.start("text").attr("class", "note").attr("x", PAD).attr("y", noteBaseline).text(note).end();
      noteBaseline += NOTE_LINE_PX;
    }
    w.end();
    return w.finish();
  }

  private void layoutY() {
    double[] r = yRange();
    double len = plotBottom - plotTop;
    if (spec.y().scale() == ChartSpec.Scale.LOG) {
      double[] d = logDomain(r);
      yTicks = Ticks.log(d[0], d[1], len, Ticks.verticalRoom(TICK_PX));
    } else {
      double[] d = linearDomain(r);
      yTicks = Ticks.linear(d[0], d[1], (int) Math.max(2, Math.floor(len / 45)));
    }
  }

  /** A linear domain from data: always including zero, so bars and gaps are not exaggerated. */
  static double[] linearDomain(double[] r) {
    if (r == null) {
      return new double[] {0, 1};
    }
    return new double[] {Math.min(0, r[0]), Math.max(0, r[1])};
  }

  /** A log domain from positive data, padded by a few percent of its span (in decades). */
  static double[] logDomain(double[] r) {
    if (r == null) {
      return new double[] {1, 10};
    }
    double lo = StrictMath.log10(r[0]);
    double hi = StrictMath.log10(r[1]);
    double pad = Math.max(0.02, (hi - lo) * 0.04);
    // padding never reaches past the doubles: 1e-300..1e300 padded by 24 decades would be 0..∞
    double from = Math.min(r[0], Math.max(Double.MIN_VALUE, StrictMath.pow(10, lo - pad)));
    double to = Math.max(r[1], Math.min(Double.MAX_VALUE, StrictMath.pow(10, hi + pad)));
    if (from == to) {
      // one value at an end of the doubles: pad on the side that has room
      return from == Double.MAX_VALUE
          ? new double[] {from / 2, to}
          : new double[] {from, Math.min(Double.MAX_VALUE, to * 2)};
    }
    return new double[] {from, to};
  }

  private void drawGridY() {
    for (Ticks.Tick t : yTicks.ticks()) {
      if (t.labelled()) {
        double y = yMap.map(t.value());
        w.start("line")
            .attr("x1", plotLeft)
            .attr("y1", y)
            .attr("x2", plotRight)
            .attr("y2", y)
            .end();
      }
    }
  }

  private void drawAxisY() {
    w.start("g").attr("class", "axis y");
    w.start("line")
        .attr("x1", plotLeft)
        .attr("y1", plotTop)
        .attr("x2", plotLeft)
        .attr("y2", plotBottom)
        .end();
    for (Ticks.Tick t : yTicks.ticks()) {
      double y = yMap.map(t.value());
      double len = t.labelled() ? TICK_LEN : TICK_LEN * 0.6;
      w.start("line")
          .attr("x1", plotLeft - len)
          .attr("y1", y)
          .attr("x2", plotLeft)
          .attr("y2", y)
          .end();
      if (t.labelled()) {
        w.start("text")
            .attr("class", "tick")
            .attr("x", plotLeft - TICK_LEN - 4)
            .attr("y", y + TICK_PX * CENTRE_TO_BASELINE)
            .attr("text-anchor", "end")
            .text(t.label())
            .end();
      }
    }
    double cx = PAD + AXIS_TITLE_PX * 0.85;
    double cy = (plotTop + plotBottom) / 2;
    w.start("text")
        .attr("class", "axis-title y")
        .attr("x", cx)
        .attr("y", cy)
        .attr("transform", "rotate(-90 " + Num.coord(cx) + " " + Num.coord(cy) + ")")
        .attr("text-anchor", "middle")
        .text(Text.fit(spec.y().label(), AXIS_TITLE_PX, plotBottom - plotTop))
        .end();
    w.end();
  }

  /** "3 points not shown: reason", or nothing for none. */
  void note(int count, String reason) {
    if (count > 0) {
      notes.add(count + (count == 1 ? " point" : " points") + " not shown: " + reason);
    }
  }

  void noData() {
    w.start("text")
        .attr("class", "note")
        .attr("x", (plotLeft + plotRight) / 2)
        .attr("y", (plotTop + plotBottom) / 2)
        .attr("text-anchor", "middle")
        .text("No data")
        .end();
  }
}
