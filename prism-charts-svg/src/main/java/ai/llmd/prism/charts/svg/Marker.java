package ai.llmd.prism.charts.svg;

/** Marker shapes, sized to look about equally heavy for the same radius. */
enum Marker {
  CIRCLE,
  SQUARE,
  TRIANGLE,
  DIAMOND;

  /** Starts the marker's element centred on (cx, cy); the caller adds a title and ends it. */
  SvgWriter open(SvgWriter w, double cx, double cy, double r) {
    switch (this) {
      case CIRCLE -> w.start("circle").attr("cx", cx).attr("cy", cy).attr("r", r);
      case SQUARE -> {
        double h = r * 0.9;
        w.start("rect")
            .attr("x", cx - h)
            .attr("y", cy - h)
            .attr("width", 2 * h)
            .attr("height", 2 * h);
      }
      case TRIANGLE -> {
        double s = r * 1.25;
        StringBuilder d = w.start("path").beginAttr("d");
        move(d, cx, cy - s);
        line(d, cx + s, cy + s * 0.8);
        line(d, cx - s, cy + s * 0.8);
        d.append('Z');
        w.endAttr();
      }
      case DIAMOND -> {
        double s = r * 1.3;
        StringBuilder d = w.start("path").beginAttr("d");
        move(d, cx, cy - s);
        line(d, cx + s, cy);
        line(d, cx, cy + s);
        line(d, cx - s, cy);
        d.append('Z');
        w.endAttr();
      }
    }
    return w;
  }

  static void move(StringBuilder d, double x, double y) {
    d.append('M');
    Num.appendCoord(d, x);
    d.append(' ');
    Num.appendCoord(d, y);
  }

  static void line(StringBuilder d, double x, double y) {
    d.append('L');
    Num.appendCoord(d, x);
    d.append(' ');
    Num.appendCoord(d, y);
  }
}
