package ai.llmd.prism.spi;

import java.util.List;
import java.util.Objects;

/**
 * A description of a chart, independent of how it is drawn: axes, and series of points, some of
 * them marked as lying on a Pareto frontier.
 *
 * @param title the chart's title
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param series the series, in legend order
 */
public record ChartSpec(String title, Axis x, Axis y, List<Series> series) {

  public ChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    series = List.copyOf(series);
  }

  /** How values map to positions along an axis. */
  public enum Scale {
    LINEAR,
    LOG
  }

  /**
   * One axis.
   *
   * @param label the label, with its unit
   * @param scale linear or logarithmic
   */
  public record Axis(String label, Scale scale) {
    public Axis {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(scale, "scale");
    }
  }

  /**
   * One series.
   *
   * @param name the legend entry
   * @param points the points, in drawing order
   * @param connect whether to join the points with a line
   */
  public record Series(String name, List<Point> points, boolean connect) {
    public Series {
      Objects.requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  /**
   * One point.
   *
   * @param x horizontal value
   * @param y vertical value
   * @param tooltip what hovering shows
   * @param onFrontier whether the point lies on the chart's Pareto frontier
   */
  public record Point(double x, double y, String tooltip, boolean onFrontier) {
    public Point {
      Objects.requireNonNull(tooltip, "tooltip");
    }
  }
}
