package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.SourcesSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sources per format and every problem as {@code file:location: message}, at most {@value
 * #PER_FILE} per file and {@value #IN_ALL} in all, each cap saying how many it leaves out (one
 * hostile file can carry a million problems; {@code prism validate} lists them all).
 */
final class SummarySection {

  static final int PER_FILE = 20;
  static final int IN_ALL = 500;

  private SummarySection() {}

  static void write(Report r) {
    StringBuilder sb = r.sb;
    r.open("summary", "Sources and problems");
    SourcesSummary sources = r.findings.sources();
    Map<String, Integer> files = sources.filesByFormat();
    Map<String, Integer> pts = sources.pointsByFormat();
    if (files.isEmpty()) {
      sb.append("<p class=\"note\">No benchmark points were read.</p>\n");
    } else {
      sb.append("<table class=\"sortable\">\n<thead><tr><th>Format</th><th>Files</th>")
          .append("<th>Points</th></tr></thead>\n<tbody>\n");
      for (Map.Entry<String, Integer> e : files.entrySet()) {
        sb.append("<tr><td>")
            .append(Html.shown(e.getKey()))
            .append("</td>")
            .append(numCell(e.getValue()))
            .append(numCell(pts.get(e.getKey())))
            .append("</tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
    if (sources.leftOutAsBaseline() > 0) {
      sb.append("<p class=\"note\">")
          .append(sources.leftOutAsBaseline())
          .append(" points of files the baseline also loaded are counted as baseline only.</p>\n");
    }
    List<Problem> serious = new ArrayList<>();
    List<Problem> info = new ArrayList<>();
    List<Problem> all = new ArrayList<>(sources.problems());
    all.addAll(sources.baselineProblems());
    for (Problem p : all) {
      (p.severity() == Problem.Severity.INFO ? info : serious).add(p);
    }
    if (!all.isEmpty()) {
      // by kind, not by text: the same words validate and the JSON's problemsByKind use
      Map<Problem.Kind, Integer> byKind = new EnumMap<>(Problem.Kind.class);
      for (Problem p : all) {
        byKind.merge(p.kind(), 1, Integer::sum);
      }
      sb.append("<p class=\"kinds\">Problems by kind:");
      String sep = " ";
      for (Map.Entry<Problem.Kind, Integer> e : byKind.entrySet()) {
        sb.append(sep).append(Labels.kind(e.getKey())).append(' ').append(e.getValue());
        sep = ", ";
      }
      sb.append("</p>\n");
    }
    if (serious.isEmpty()) {
      sb.append("<p class=\"note\">No errors or warnings.</p>\n");
    } else {
      sb.append("<h3>Errors and warnings (")
          .append(serious.size())
          .append(")</h3>\n<ul class=\"problems\">\n");
      list(sb, serious, true);
      sb.append("</ul>\n");
    }
    if (!info.isEmpty()) {
      sb.append("<details><summary>")
          .append(info.size())
          .append(" informational notes</summary>\n<ul class=\"problems\">\n");
      list(sb, info, false);
      sb.append("</ul>\n</details>\n");
    }
    r.close();
  }

  /** The problems, by file in first-seen order, capped per file and in all. */
  private static void list(StringBuilder sb, List<Problem> problems, boolean withSeverity) {
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (Problem p : problems) {
      byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
    }
    int shown = 0;
    int accounted = 0;
    int filesDone = 0;
    for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
      List<Problem> mine = e.getValue();
      if (shown >= IN_ALL) {
        int files = byFile.size() - filesDone;
        sb.append("<li class=\"more\">")
            .append(problems.size() - accounted)
            .append(" more in ")
            .append(files)
            .append(files == 1 ? " further file" : " further files")
            .append(" not shown (prism validate lists every one).</li>\n");
        return;
      }
      int n = Math.min(mine.size(), Math.min(PER_FILE, IN_ALL - shown));
      for (Problem p : mine.subList(0, n)) {
        item(sb, p, withSeverity);
      }
      shown += n;
      accounted += mine.size();
      filesDone++;
      if (n < mine.size()) {
        sb.append("<li class=\"more\">")
            .append(mine.size() - n)
            .append(" more in <code>")
            .append(Html.shown(e.getKey()))
            .append("</code> not shown.</li>\n");
      }
    }
  }

  private static void item(StringBuilder sb, Problem p, boolean withSeverity) {
    if (withSeverity) {
      sb.append("<li class=\"")
          .append(p.severity().name().toLowerCase(Locale.ROOT))
          .append("\"><span class=\"sev\">")
          .append(p.severity().name())
          .append("</span> <code>")
          .append(Html.shown(p.toString()))
          .append("</code></li>\n");
    } else {
      sb.append("<li><code>").append(Html.shown(p.toString())).append("</code></li>\n");
    }
  }
}
