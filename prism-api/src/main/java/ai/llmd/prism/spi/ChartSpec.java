package ai.llmd.prism.spi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A description of a chart, independent of how it is drawn: axes, and series of points, some of
 * them marked as lying on a Pareto frontier.
 *
 * <p>An {@link Kind#XY XY} chart places every point at (x, y); a series with {@code connect} is
 * drawn as a line in point order, and the points marked {@code onFrontier} (across all series) are
 * joined, in order of x, into one frontier line. A {@link Kind#BARS BARS} chart draws grouped bars:
 * one group per category, one bar per series, where a point's x is the index of its category in
 * {@code categories} and y is the bar's value.
 *
 * @param title the chart's title
 * @param kind XY (scatter and lines) or grouped bars
 * @param x the horizontal axis; for bars, only its label is used (it names the categories)
 * @param y the vertical axis; bars need a linear one
 * @param series the series, in legend order
 * @param categories the bar groups, left to right; empty for XY charts
 * @param theme the colour theme
 */
public record ChartSpec(
    String title,
    Kind kind,
    Axis x,
    Axis y,
    List<Series> series,
    List<String> categories,
    Theme theme) {

  public ChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(theme, "theme");
    series = List.copyOf(series);
    categories = List.copyOf(categories);
    if (kind == Kind.BARS && y.scale() != Scale.LINEAR) {
      // a bar's length must be proportional to its value, which needs a zero baseline
      throw new IllegalArgumentException("bars need a linear value axis");
    }
    if (kind == Kind.XY && !categories.isEmpty()) {
      throw new IllegalArgumentException("categories are only for bar charts");
    }
  }

  /** An XY chart (scatter and lines) in the light theme. */
  public ChartSpec(String title, Axis x, Axis y, List<Series> series) {
    this(title, Kind.XY, x, y, series, List.of(), Theme.LIGHT);
  }

  /**
   * A grouped bar chart in the light theme: one group per category, one bar per series.
   *
   * @param categoryLabel names what the categories are
   * @param value the value axis, linear
   */
  public static ChartSpec bars(
      String title,
      String categoryLabel,
      Axis value,
      List<String> categories,
      List<Series> series) {
    return new ChartSpec(
        title,
        Kind.BARS,
        new Axis(categoryLabel, Scale.LINEAR),
        value,
        series,
        categories,
        Theme.LIGHT);
  }

  /** This chart in another theme. */
  public ChartSpec withTheme(Theme theme) {
    return new ChartSpec(title, kind, x, y, series, categories, theme);
  }

  /** What is drawn. */
  public enum Kind {
    /** Points at (x, y), optionally joined into lines, with the Pareto frontier overlaid. */
    XY,
    /** Grouped bars: one group per category, one bar per series. */
    BARS
  }

  /** The colour theme. */
  public enum Theme {
    LIGHT,
    DARK,
    /** Light, or dark where the viewer prefers a dark colour scheme. */
    AUTO
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
   * @param group nullable: series with the same group share a colour and differ by marker shape
   *     (e.g. one group per accelerator, one series per model); null gives the series its own
   *     colour
   */
  public record Series(String name, List<Point> points, boolean connect, @Nullable String group) {
    public Series {
      Objects.requireNonNull(name, "name");
      points = List.copyOf(points);
    }

    /** A series with a colour of its own. */
    public Series(String name, List<Point> points, boolean connect) {
      this(name, points, connect, null);
    }
  }

  /**
   * One point.
   *
   * @param x horizontal value (for bars: the index of the category)
   * @param y vertical value
   * @param tooltip what hovering shows
   * @param onFrontier whether the point lies on the chart's Pareto frontier (XY charts only)
   */
  public record Point(double x, double y, String tooltip, boolean onFrontier) {
    public Point {
      Objects.requireNonNull(tooltip, "tooltip");
    }
  }
}
