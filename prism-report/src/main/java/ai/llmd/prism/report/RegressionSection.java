package ai.llmd.prism.report;

import static ai.llmd.prism.report.Html.esc;
import static ai.llmd.prism.report.Html.num;
import static ai.llmd.prism.report.Html.numCell;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Direction;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.findings.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The findings' release-to-release changes on matched configurations, against the baseline: a
 * static table, and the data of the interactive view that follows the explorer's facet filters.
 */
final class RegressionSection {

  static final String ID = "regression";
  private static final String HEADING = "Regression against the baseline";

  private RegressionSection() {}

  static void write(Report r) {
    Optional<RegressionReport> found = r.findings.regression();
    if (found.isEmpty()) {
      r.omitted("regression", HEADING, "No regression: no baseline was given (--baseline).");
      return;
    }
    RegressionReport rr = found.get();
    List<RegressionReport.Change> changes =
        rr.changes().stream().filter(c -> c.verdict() != RegressionReport.Verdict.NO_DATA).toList();
    if (changes.isEmpty()) {
      r.omitted(
          "regression",
          HEADING,
          "No regression: no configuration of the baseline matches one of the current points"
              + " at a common load level.");
      return;
    }
    StringBuilder sb = r.sb;
    Labels names = Labels.of(rr.configurations());
    r.open("regression", HEADING);
    sb.append("<p class=\"hint\">Matched on every scenario dimension but the engine version; ")
        .append("geometric means over the common load levels; changes within ±")
        .append(num(rr.bandPercent()))
        .append(" % count as unchanged.</p>\n")
        .append("<p>")
        .append(rr.withVerdict(RegressionReport.Verdict.REGRESSED).size())
        .append(" regressed, ")
        .append(rr.withVerdict(RegressionReport.Verdict.IMPROVED).size())
        .append(" improved, ")
        .append(rr.withVerdict(RegressionReport.Verdict.UNCHANGED).size())
        .append(" unchanged.</p>\n");
    DashboardViews.view(r, ID, data(rr, names));
    sb.append("<div id=\"regression-static\">\n");
    sb.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th>Configuration</th>")
        .append("<th>Measure</th><th>Unit</th><th>Baseline</th><th>Current</th><th>Change</th>")
        .append("<th>Verdict</th><th>Loads</th></tr></thead>\n<tbody>\n");
    for (RegressionReport.Change c : changes) {
      String verdict = c.verdict().name().toLowerCase(Locale.ROOT);
      sb.append("<tr class=\"")
          .append(verdict)
          .append("\"><td class=\"key\">")
          .append(Html.shown(c.configuration().key()))
          .append("</td><td>")
          .append(esc(c.measure().toString()))
          .append("</td><td>")
          .append(esc(c.measure().metric().unit().symbol()))
          .append("</td>")
          .append(numCell(c.baseline()))
          .append(numCell(c.candidate()))
          .append("<td class=\"num\" data-v=\"")
          .append(Double.toString(c.percentChange()))
          .append("\">")
          .append(Html.percent(c.percentChange()))
          .append("</td><td class=\"verdict\">")
          .append(verdict)
          .append("</td><td>")
          .append(c.loads().size())
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n");
    List<String> unmatched = unmatched(rr, names);
    r.details(unmatched.size() + " configurations or load levels without a match", unmatched);
    sb.append("</div>\n");
    r.close();
  }

  /**
   * The regression as the interactive view draws it: the band; the measures [key, words, unit,
   * direction]; per matched configuration its short name (as {@code prism compare} names it), key
   * and the explorer facets its compared candidate points agree on; the changes with data as
   * [configuration, measure, baseline, candidate, percent change, verdict, load levels]; and every
   * entry without a match, in words. The script filters configurations by facet and takes the
   * geometric mean of the shown ratios per measure, as {@link RegressionReport#geomeans} does.
   */
  static String data(RegressionReport rr, Labels names) {
    List<Measure> measures = new ArrayList<>();
    Map<Configuration, List<BenchmarkPoint>> compared = new LinkedHashMap<>();
    for (RegressionReport.Change c : rr.changes()) {
      if (!measures.contains(c.measure())) {
        measures.add(c.measure());
      }
      if (c.verdict() != RegressionReport.Verdict.NO_DATA) {
        List<BenchmarkPoint> ps =
            compared.computeIfAbsent(c.configuration(), k -> new ArrayList<>());
        for (BenchmarkPoint p : c.candidatePoints()) {
          if (!ps.contains(p)) {
            ps.add(p);
          }
        }
      }
    }
    List<Configuration> configs = new ArrayList<>(compared.keySet());
    return DashboardViews.json(
        g -> {
          g.writeNumberField("band", rr.bandPercent());
          g.writeArrayFieldStart("measures");
          for (Measure m : measures) {
            g.writeStartArray();
            g.writeString(m.toString());
            g.writeString(Labels.measure(m));
            g.writeString(Labels.unit(m));
            g.writeNumber(m.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1);
            g.writeEndArray();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("configurations");
          for (Configuration c : configs) {
            g.writeStartObject();
            g.writeStringField("name", Html.shorten(names.name(c), Html.KEPT));
            g.writeStringField("key", Html.shorten(c.key(), Html.KEPT));
            DashboardViews.facets(g, compared.get(c));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("changes");
          for (RegressionReport.Change c : rr.changes()) {
            if (c.verdict() == RegressionReport.Verdict.NO_DATA) {
              continue;
            }
            g.writeStartArray();
            g.writeNumber(configs.indexOf(c.configuration()));
            g.writeNumber(measures.indexOf(c.measure()));
            g.writeNumber(c.baseline());
            g.writeNumber(c.candidate());
            g.writeNumber(c.percentChange());
            g.writeString(c.verdict().name().toLowerCase(Locale.ROOT));
            g.writeNumber(c.loads().size());
            g.writeEndArray();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("unmatched");
          for (String u : unmatched(rr, names)) {
            g.writeString(Html.shorten(u, Html.KEPT));
          }
          g.writeEndArray();
        });
  }

  /** Every entry without a match, in words, with the measures that had no common data. */
  static List<String> unmatched(RegressionReport rr, Labels names) {
    List<String> out = new ArrayList<>();
    rr.onlyInBaseline().forEach(k -> out.add("only in the baseline: " + names.name(k)));
    rr.onlyInCandidate().forEach(k -> out.add("only in the current set: " + names.name(k)));
    rr.unmatchedLoads()
        .forEach(
            u ->
                out.add(
                    names.name(u.configuration())
                        + " at "
                        + u.load()
                        + (u.inBaseline()
                            ? ": only in the baseline"
                            : ": only in the current set")));
    for (RegressionReport.Change c : rr.changes()) {
      if (c.verdict() == RegressionReport.Verdict.NO_DATA) {
        out.add(
            names.name(c.configuration())
                + ": no common load level with a positive "
                + Labels.measure(c.measure())
                + " on both sides");
      }
    }
    return out;
  }
}
