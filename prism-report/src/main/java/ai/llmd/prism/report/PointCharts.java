package ai.llmd.prism.report;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.spi.ChartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Chart specifications of findings: one series per configuration (each its own colour), in load
 * order, with the Pareto frontier over both measures marked (the findings' {@link
 * Findings#frontier(List) frontier}, where both have a better direction). Render them with the
 * {@link ai.llmd.prism.spi.ChartRenderer} {@link ai.llmd.prism.core.Plugins#renderer} finds.
 */
public final class PointCharts {

  private PointCharts() {}

  /**
   * {@code y} against {@code x} over the findings' points, both linear, light theme, titled and
   * labelled from the measures.
   */
  public static ChartSpec xy(Findings findings, Measure x, Measure y) {
    return xy(
        findings,
        labels(findings),
        axisLabel(y) + " vs " + axisLabel(x),
        x,
        y,
        axisLabel(x),
        axisLabel(y));
  }

  /** {@code y} against the concurrency each point ran at (points without one are left out). */
  public static ChartSpec vsConcurrency(Findings findings, Measure y) {
    return vsConcurrency(
        labels(findings),
        axisLabel(y) + " vs concurrency",
        y,
        "concurrency (requests in flight)",
        axisLabel(y));
  }

  private static PointLabels labels(Findings findings) {
    return new PointLabels(findings.configurations(), findings.labels(), List.of());
  }

  /** How a measure is labelled on an axis, e.g. {@code ttft p90 (ms)}. */
  public static String axisLabel(Measure m) {
    // latencies are never divided, so they are not labelled per chip
    String per =
        !m.metric().scalesWithAccelerators()
            ? ""
            : switch (m.basis()) {
              case TOTAL -> "";
              case ACCELERATOR -> " per chip";
              case REPLICA -> " per replica";
              case NODE -> " per node";
            };
    return m.metric().key().replace('_', ' ')
        + " "
        + m.statistic().key()
        + per
        + " ("
        + m.metric().unit().symbol()
        + ")";
  }

  static ChartSpec xy(
      Findings findings,
      PointLabels labels,
      String title,
      Measure x,
      Measure y,
      String xLabel,
      String yLabel) {
    Set<BenchmarkPoint> on = Collections.newSetFromMap(new IdentityHashMap<>());
    if (x.direction() != Direction.NEUTRAL && y.direction() != Direction.NEUTRAL && !x.equals(y)) {
      for (ParetoResult.Entry e : findings.frontier(List.of(x, y)).frontier()) {
        on.add(e.point());
      }
    }
    List<ChartSpec.Series> out = new ArrayList<>();
    for (Series s : labels.series) {
      List<ChartSpec.Point> ps = new ArrayList<>();
      for (BenchmarkPoint p : s.points()) {
        OptionalDouble vx = x.valueOf(p);
        OptionalDouble vy = y.valueOf(p);
        if (vx.isPresent() && vy.isPresent()) {
          double a = vx.getAsDouble();
          double b = vy.getAsDouble();
          ps.add(
              new ChartSpec.Point(a, b, labels.tooltip(p, xLabel, a, yLabel, b), on.contains(p)));
        }
      }
      if (!ps.isEmpty()) {
        out.add(new ChartSpec.Series(labels.label(s.points().get(0)), ps, true, null));
      }
    }
    return spec(title, xLabel, yLabel, out, ChartSpec.Scale.LINEAR);
  }

  static ChartSpec vsConcurrency(
      PointLabels labels, String title, Measure y, String xLabel, String yLabel) {
    List<ChartSpec.Series> out = new ArrayList<>();
    for (Series s : labels.series) {
      List<ChartSpec.Point> ps = new ArrayList<>();
      for (BenchmarkPoint p : s.points()) {
        Double c = p.workload().concurrency();
        OptionalDouble vy = y.valueOf(p);
        if (c != null && c > 0 && Double.isFinite(c) && vy.isPresent()) {
          double b = vy.getAsDouble();
          ps.add(new ChartSpec.Point(c, b, labels.tooltip(p, xLabel, c, yLabel, b), false));
        }
      }
      if (!ps.isEmpty()) {
        out.add(new ChartSpec.Series(labels.label(s.points().get(0)), ps, true, null));
      }
    }
    return spec(title, xLabel, yLabel, out, ChartSpec.Scale.LOG);
  }

  static ChartSpec spec(
      String title, String xLabel, String yLabel, List<ChartSpec.Series> s, ChartSpec.Scale xs) {
    return new ChartSpec(
        title,
        ChartSpec.Kind.XY,
        new ChartSpec.Axis(xLabel, xs),
        new ChartSpec.Axis(yLabel, ChartSpec.Scale.LINEAR),
        s,
        List.of(),
        ChartSpec.Theme.LIGHT);
  }

  /** Whether any series has a point. */
  static boolean hasPoints(ChartSpec spec) {
    return spec.series().stream().anyMatch(s -> !s.points().isEmpty());
  }
}
