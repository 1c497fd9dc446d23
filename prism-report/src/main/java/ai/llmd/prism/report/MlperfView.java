package ai.llmd.prism.report;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.MlperfViews;
import ai.llmd.prism.core.formats.MlperfResult;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The MLPerf view: results per accelerator, Offline against Server and Interactive, systems across
 * rounds, from {@link Findings#mlperf()}.
 */
final class MlperfView {

  private MlperfView() {}

  static void write(Report r, Findings f) {
    MlperfViews v = f.mlperf();
    if (v.mlperfPoints() == 0) {
      r.omitted(
          DashboardViews.MLPERF,
          "MLPerf",
          "No MLPerf views: no point was read from an MLPerf export.");
      return;
    }
    DashboardViews.section(
        r,
        DashboardViews.MLPERF,
        "MLPerf",
        mlperfData(v),
        "MLPerf Inference results divided by each system's accelerator count, ranked per round,"
            + " benchmark and scenario; the drop from Offline to Server and Interactive; and each"
            + " system across rounds.");
  }

  /**
   * The MLPerf views: per metric the ranked groups with entries [rank, system, accelerator,
   * accelerators, result, per accelerator]; the drops as [round, benchmark, scenario, system,
   * offline, other, drop %]; the tracks with their steps [from round, to round, from, to, change
   * %].
   */
  static String mlperfData(MlperfViews v) {
    return DashboardViews.json(
        g -> {
          g.writeNumberField("points", v.mlperfPoints());
          g.writeArrayFieldStart("perAccelerator");
          for (Map.Entry<Metric, Ranking<Mlperf.Group>> m : v.perAccelerator().entrySet()) {
            Metric metric = m.getKey();
            g.writeStartObject();
            g.writeStringField("metric", metric.key());
            g.writeStringField("unit", metric.unit().symbol());
            g.writeNumberField("excluded", m.getValue().excluded().size());
            g.writeArrayFieldStart("groups");
            for (Map.Entry<Mlperf.Group, List<Ranking.Entry>> e :
                m.getValue().groups().entrySet()) {
              g.writeStartObject();
              g.writeStringField("round", e.getKey().round());
              g.writeStringField("benchmark", e.getKey().benchmark());
              g.writeStringField("scenario", e.getKey().scenario());
              g.writeArrayFieldStart("entries");
              for (Ranking.Entry x : e.getValue()) {
                g.writeStartArray();
                g.writeNumber(x.rank());
                g.writeString(x.configuration());
                g.writeString(Configuration.of(x.point()).acceleratorLabel());
                OptionalInt chips = Views.divisor(x.point().deployment(), Views.Basis.ACCELERATOR);
                DashboardViews.number(
                    g, chips.isPresent() ? OptionalDouble.of(chips.getAsInt()) : null);
                DashboardViews.number(g, x.point().metrics().mean(metric));
                g.writeNumber(x.value());
                g.writeEndArray();
              }
              g.writeEndArray();
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("degradation");
          for (Mlperf.Degradation d : v.degradation().drops()) {
            g.writeStartArray();
            g.writeString(MlperfResult.of(d.offline()).round());
            g.writeString(d.benchmark());
            g.writeString(d.scenario());
            g.writeString(d.system());
            DashboardViews.number(g, d.offline().metrics().mean(d.metric()));
            DashboardViews.number(g, d.other().metrics().mean(d.metric()));
            g.writeNumber(d.dropPercent());
            g.writeString(d.metric().unit().symbol());
            g.writeEndArray();
          }
          g.writeEndArray();
          g.writeNumberField("degradationUnmatched", v.degradation().unmatched().size());
          g.writeArrayFieldStart("rounds");
          for (Mlperf.Track t : v.rounds().tracks()) {
            g.writeStartObject();
            g.writeStringField("system", t.organization() + " / " + t.system());
            g.writeStringField("accelerator", t.accelerator() + " ×" + t.accelerators());
            g.writeStringField("benchmark", t.benchmark());
            g.writeStringField("scenario", t.scenario());
            g.writeStringField("unit", t.metric().unit().symbol());
            g.writeArrayFieldStart("steps");
            for (Mlperf.Step s : t.steps()) {
              g.writeStartArray();
              g.writeString(s.fromRound());
              g.writeString(s.toRound());
              DashboardViews.number(g, s.from().metrics().mean(t.metric()));
              DashboardViews.number(g, s.to().metrics().mean(t.metric()));
              g.writeNumber(s.changePercent());
              g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("roundsUnmatched", v.rounds().unmatched().size());
        });
  }
}
