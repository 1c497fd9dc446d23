package ai.llmd.prism.charts.svg;

import java.util.ArrayList;
import java.util.List;

/** The legend: entries laid out left to right in rows that wrap at the chart's width. */
final class Legend {

  static final double FONT_PX = 12;
  static final double ROW_PX = 18;
  static final double SWATCH_PX = 22;
  static final double MAX_LABEL_PX = 260;
  private static final double ITEM_GAP_PX = 16;

  /** What an entry's swatch shows. */
  enum Swatch {
    MARKER,
    LINE_AND_MARKER,
    BAR,
    FRONTIER
  }

  /**
   * One entry.
   *
   * @param name the full name (the drawn label may be cut; the tooltip keeps it)
   * @param swatch what the swatch shows
   * @param colour palette index, for all but the frontier
   * @param shape marker shape
   */
  record Entry(String name, Swatch swatch, int colour, Marker shape) {}

  private final List<Entry> entries;
  private final List<double[]> positions = new ArrayList<>();
  private final int rows;

  /** Lays out {@code entries} within {@code width} pixels. */
  Legend(List<Entry> entries, double width) {
    this.entries = List.copyOf(entries);
    double x = 0;
    int row = 0;
    for (Entry e : entries) {
      double w = itemWidth(e);
      if (x > 0 && x + w > width) {
        x = 0;
        row++;
      }
      positions.add(new double[] {x, row});
      x += w + ITEM_GAP_PX;
    }
    this.rows = entries.isEmpty() ? 0 : row + 1;
  }

  double height() {
    return rows * ROW_PX;
  }

  private static double itemWidth(Entry e) {
    return SWATCH_PX + 6 + Text.width(label(e), FONT_PX);
  }

  private static String label(Entry e) {
    return Text.fitMiddle(e.name(), FONT_PX, MAX_LABEL_PX);
  }

  /** Draws the legend with its first row's centre line at {@code top + ROW_PX / 2}. */
  void draw(SvgWriter w, double left, double top) {
    if (entries.isEmpty()) {
      return;
    }
    w.start("g").attr("class", "legend-items");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      double x = left + positions.get(i)[0];
      double cy = top + positions.get(i)[1] * ROW_PX + ROW_PX / 2;
      drawSwatch(w, e, x, cy);
      String label = label(e);
      w.start("text")
          .attr("class", "legend")
          .attr("x", x + SWATCH_PX + 6)
          .attr("y", cy + FONT_PX * 0.35);
      if (!label.equals(e.name())) {
        w.title(e.name());
      }
      w.text(label).end();
    }
    w.end();
  }

  private static void drawSwatch(SvgWriter w, Entry e, double x, double cy) {
    double mid = x + SWATCH_PX / 2;
    switch (e.swatch()) {
      case FRONTIER -> {
        w.start("line")
            .attr("class", "frontier")
            .attr("x1", x)
            .attr("y1", cy)
            .attr("x2", x + SWATCH_PX)
            .attr("y2", cy)
            .end();
        w.start("circle")
            .attr("class", "frontier-ring")
            .attr("cx", mid)
            .attr("cy", cy)
            .attr("r", 5)
            .end();
      }
      case BAR -> {
        w.start("rect")
            .attr("class", "bar c" + e.colour())
            .attr("x", x + 4)
            .attr("y", cy - 6)
            .attr("width", SWATCH_PX - 8)
            .attr("height", 12)
            .end();
      }
      case MARKER, LINE_AND_MARKER -> {
        w.start("g").attr("class", "c" + e.colour());
        if (e.swatch() == Swatch.LINE_AND_MARKER) {
          w.start("line")
              .attr("class", "line")
              .attr("x1", x)
              .attr("y1", cy)
              .attr("x2", x + SWATCH_PX)
              .attr("y2", cy)
              .end();
        }
        w.start("g").attr("class", "marks");
        e.shape().open(w, mid, cy, 4).end();
        w.end();
        w.end();
      }
    }
  }
}
