package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.num;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.Labels;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings' labels as the page shows them: the names come from {@link Labels} (the CLI's very
 * words), cut to {@link Html#SHOWN} characters; provenance paths are written relative to the
 * directory every local source shares, so the page is machine-free. Nothing here names anything.
 */
final class PointLabels {

  /** Characters of a provenance kept: a path and a location, never a hostile megabyte. */
  static final int PROVENANCE = 400;

  final List<Series> series;
  private final Labels labels;
  private final Map<BenchmarkPoint, Configuration> configurationOf = new IdentityHashMap<>();
  private final String commonPrefix;

  /**
   * @param series what is labelled: the findings' configurations
   * @param labels the findings' names for them
   * @param alsoForPaths further points whose files count when shortening paths (a baseline)
   */
  PointLabels(List<Series> series, Labels labels, Collection<BenchmarkPoint> alsoForPaths) {
    this.series = series;
    this.labels = labels;
    List<BenchmarkPoint> all = new ArrayList<>();
    for (Series s : series) {
      for (BenchmarkPoint p : s.points()) {
        configurationOf.put(p, s.configuration());
      }
      all.addAll(s.points());
    }
    all.addAll(alsoForPaths);
    this.commonPrefix = commonDirectory(all);
  }

  /** The configuration's name, as the CLI prints it, cut for display. */
  String label(Configuration configuration) {
    return Html.shorten(labels.name(configuration), Html.SHOWN);
  }

  /** The name of the configuration {@code p} belongs to. */
  String label(BenchmarkPoint p) {
    return label(configuration(p));
  }

  /** The configuration of {@code p}: its series', found without rebuilding the key. */
  Configuration configuration(BenchmarkPoint p) {
    Configuration c = configurationOf.get(p);
    return c != null ? c : Configuration.of(p);
  }

  String tooltip(BenchmarkPoint p, String xl, double x, String yl, double y) {
    return label(p)
        + ", "
        + Labels.load(p)
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
