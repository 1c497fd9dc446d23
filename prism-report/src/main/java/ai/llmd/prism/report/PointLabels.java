package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.num;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Series;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short, unique names for configurations (the analysis keys are complete but long) and short
 * provenance paths relative to the directory every local source shares, so output is machine-free.
 */
final class PointLabels {

  /** Characters of a provenance kept: a path and a location, never a hostile megabyte. */
  static final int PROVENANCE = 400;

  final List<Series> series;
  private final Map<Configuration, String> labelOfConfig = new LinkedHashMap<>();
  private final Map<BenchmarkPoint, String> labelOfPoint = new IdentityHashMap<>();
  private final String commonPrefix;

  /**
   * @param series what is labelled: the findings' configurations
   * @param alsoForPaths further points whose files count when shortening paths (a baseline)
   */
  PointLabels(List<Series> series, Collection<BenchmarkPoint> alsoForPaths) {
    this.series = series;
    boolean manyModels =
        series.stream().map(s -> s.points().get(0).model().id()).distinct().count() > 1;
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Series s : series) {
      String label = Html.shorten(shortLabel(s.points().get(0), manyModels), Html.SHOWN);
      int n = seen.merge(label, 1, Integer::sum);
      if (n > 1) {
        label = label + " #" + n;
      }
      labelOfConfig.put(s.configuration(), label);
      for (BenchmarkPoint p : s.points()) {
        labelOfPoint.put(p, label);
      }
    }
    List<BenchmarkPoint> all = new ArrayList<>();
    for (Series s : series) {
      all.addAll(s.points());
    }
    all.addAll(alsoForPaths);
    this.commonPrefix = commonDirectory(all);
  }

  String label(Configuration configuration) {
    String l = labelOfConfig.get(configuration);
    return l != null ? l : Html.shorten(configuration.key(), Html.SHOWN);
  }

  String label(BenchmarkPoint p) {
    return labelOfPoint.get(p);
  }

  String tooltip(BenchmarkPoint p, String xl, double x, String yl, double y) {
    return label(p)
        + ", "
        + loadText(p)
        + "\n"
        + xl
        + ": "
        + num(x)
        + "\n"
        + yl
        + ": "
        + num(y)
        + "\n"
        + provenance(p);
  }

  /** The file, relative to the shared directory, and the location in it. */
  String provenance(BenchmarkPoint p) {
    URI u = p.provenance().source();
    String path;
    if ("file".equals(u.getScheme()) && u.getPath() != null) {
      path = u.getPath();
      if (path.startsWith(commonPrefix)) {
        path = path.substring(commonPrefix.length());
      }
    } else {
      path = u.toString();
    }
    String loc = p.provenance().location();
    return Html.shorten(loc.isEmpty() ? path : path + ":" + loc, PROVENANCE);
  }

  private static String shortLabel(BenchmarkPoint p, boolean withModel) {
    List<String> parts = new ArrayList<>();
    if (withModel) {
      String id = p.model().id();
      parts.add(id.substring(id.lastIndexOf('/') + 1));
    }
    parts.add(accelerator(p));
    if (p.deployment().architecture() != ai.llmd.prism.api.Architecture.UNKNOWN) {
      parts.add(architecture(p));
    }
    String tp = Facet.TP.valueOf(p);
    if (!Facet.UNKNOWN.equals(tp)) {
      parts.add(tp);
    }
    if (p.deployment().engineVersion() != null) {
      parts.add(p.deployment().engineVersion());
    }
    return String.join(" ", parts);
  }

  static String accelerator(BenchmarkPoint p) {
    String name = p.deployment().accelerator() == null ? "?" : p.deployment().accelerator().name();
    var n = Views.accelerators(p.deployment());
    return n.isPresent() ? name + " ×" + n.getAsInt() : name;
  }

  static String architecture(BenchmarkPoint p) {
    return switch (p.deployment().architecture()) {
      case AGGREGATED -> "aggregated";
      case DISAGGREGATED -> "P/D " + p.deployment().pdRatio();
      case UNKNOWN -> "architecture unknown";
    };
  }

  static String engine(BenchmarkPoint p) {
    String e = p.deployment().engine() == null ? "" : p.deployment().engine();
    String v = p.deployment().engineVersion() == null ? "" : p.deployment().engineVersion();
    String s = (e + " " + v).strip();
    return s.isEmpty() ? "–" : s;
  }

  static String loadText(BenchmarkPoint p) {
    var w = p.workload();
    if (w.concurrency() != null) {
      return "concurrency " + num(w.concurrency());
    }
    if (w.targetRequestRate() != null) {
      return "rate " + num(w.targetRequestRate()) + " req/s";
    }
    if (w.stage() != null) {
      return "stage " + w.stage();
    }
    return "unknown load";
  }

  private static String commonDirectory(List<BenchmarkPoint> all) {
    String prefix = null;
    for (BenchmarkPoint p : all) {
      URI u = p.provenance().source();
      if (!"file".equals(u.getScheme()) || u.getPath() == null) {
        continue;
      }
      String path = u.getPath();
      String dir = path.substring(0, path.lastIndexOf('/') + 1);
      if (prefix == null) {
        prefix = dir;
      } else {
        int i = 0;
        int n = Math.min(prefix.length(), dir.length());
        while (i < n && prefix.charAt(i) == dir.charAt(i)) {
          i++;
        }
        prefix = prefix.substring(0, prefix.lastIndexOf('/', Math.max(0, i - 1)) + 1);
      }
    }
    return prefix == null ? "" : prefix;
  }
}
