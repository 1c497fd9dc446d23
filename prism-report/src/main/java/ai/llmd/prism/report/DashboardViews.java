package ai.llmd.prism.report;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.findings.DatasetViews;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.MlperfViews;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.core.findings.QualityView;
import ai.llmd.prism.core.formats.MlperfResult;
import ai.llmd.prism.core.formats.TokenLengths;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The dashboard views the page's script draws from findings embedded as data, one packed block per
 * section: prefill/decode against aggregated serving under the explorer's facet filters ({@link
 * Findings#pdVsAggregated()}), rankings ({@link Findings#ranking()}), the MLPerf views ({@link
 * Findings#mlperf()}: results per accelerator, Offline against Server and Interactive, systems
 * across rounds) and dataset token-length distributions ({@link Findings#datasets()}). Every number
 * is computed in Java; the script only picks the group to show and sorts.
 */
final class DashboardViews {

  static final String RANKINGS = "rankings";
  static final String MLPERF = "mlperf";
  static final String DATASETS = "datasets";
  static final String PD = "pd-filtered";
  static final String QUALITY = "quality";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private DashboardViews() {}

  static void write(Report r) {
    Findings f = r.findings;
    pd(r, f);
    rankings(r, f);
    quality(r, f);
    mlperf(r, f);
    datasets(r, f);
  }

  private static void pd(Report r, Findings f) {
    PdComparison pd = f.pdVsAggregated();
    if (pd.compared().isEmpty()) {
      r.omitted(
          PD,
          "P/D vs aggregated, filtered",
          "Nothing to compare: no workload group (model, accelerator, ISL/OSL) has both"
              + " aggregated and P/D points.");
      return;
    }
    section(
        r,
        PD,
        "P/D vs aggregated, filtered",
        pdData(r, pd),
        "The best configuration of each architecture per workload group at each "
            + Labels.measure(pd.latency())
            + " target, by "
            + Labels.measure(pd.throughput())
            + "; the facet filters of Explore apply to the groups.");
  }

  /**
   * The P/D comparison of the groups with both sides: per group its workload, the explorer facets
   * on which all its compared points agree, and rows [target, aggregated label, load, value, P/D
   * label, load, value, winner, P/D over aggregated in %].
   */
  static String pdData(Report r, PdComparison pd) {
    return json(
        g -> {
          g.writeStringField("throughput", Labels.measure(pd.throughput()));
          g.writeStringField("unit", Labels.unit(pd.throughput()));
          g.writeStringField("latency", Labels.measure(pd.latency()));
          g.writeStringField("latencyUnit", Labels.unit(pd.latency()));
          g.writeArrayFieldStart("groups");
          for (PdComparison.Group grp : pd.compared()) {
            g.writeStartObject();
            g.writeStringField("workload", Html.shorten(grp.workload().key(), Html.KEPT));
            List<BenchmarkPoint> shown = new ArrayList<>();
            for (ArchitectureComparison.Row row : grp.rows()) {
              for (Optimum.Candidate c :
                  new Optimum.Candidate[] {row.aggregated(), row.disaggregated()}) {
                if (c != null) {
                  shown.add(c.point());
                }
              }
            }
            facets(g, shown);
            g.writeArrayFieldStart("rows");
            for (ArchitectureComparison.Row row : grp.rows()) {
              g.writeStartArray();
              g.writeNumber(row.latencyTarget());
              candidate(g, r, row.aggregated());
              candidate(g, r, row.disaggregated());
              g.writeString(row.winner().map(a -> Labels.architecture(a)).orElse(""));
              if (row.aggregated() != null
                  && row.disaggregated() != null
                  && row.aggregated().objective() > 0) {
                g.writeNumber(
                    (row.disaggregated().objective() - row.aggregated().objective())
                        / row.aggregated().objective()
                        * 100);
              } else {
                g.writeNull();
              }
              g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /**
   * The explorer's facets (as {@code Catalog.of} gives them) on which all {@code points} agree, as
   * the field {@code facets}: a view of the group follows the explorer's filters on these.
   */
  static void facets(JsonGenerator g, List<BenchmarkPoint> points) throws IOException {
    g.writeObjectFieldStart("facets");
    for (Map.Entry<String, String> e : Facet.agreed(Facet.BUILT_IN, points).entrySet()) {
      g.writeStringField(e.getKey(), Html.shorten(e.getValue(), Html.KEPT));
    }
    g.writeEndObject();
  }

  private static void candidate(JsonGenerator g, Report r, Optimum.Candidate c) throws IOException {
    if (c == null) {
      g.writeNull();
      g.writeNull();
      g.writeNull();
      return;
    }
    g.writeString(r.labels.label(c.point()));
    g.writeString(c.loadLevel());
    g.writeNumber(c.objective());
  }

  private static void datasets(Report r, Findings f) {
    DatasetViews v = f.datasets();
    if (v.datasets().isEmpty()) {
      r.omitted(
          DATASETS,
          "Datasets",
          v.problems().isEmpty()
              ? "No dataset summary given (prism report --datasets DIR reads the token-length"
                  + " CSVs)."
              : "No dataset summary could be read: " + v.problems().get(0));
      return;
    }
    section(
        r,
        DATASETS,
        "Datasets",
        datasetsData(v),
        "Input and output token lengths of each dataset: "
            + DatasetViews.BINS
            + " equal-width bins from the shortest to the longest sample, and nearest-rank"
            + " percentiles (each a length some sample has).");
  }

  /**
   * The datasets: per dataset its name, file, and input and output lengths, each with count, min,
   * max, mean, percentiles and bins [lower, upper, count].
   */
  static String datasetsData(DatasetViews v) {
    return json(
        g -> {
          g.writeArrayFieldStart("datasets");
          for (DatasetViews.Dataset d : v.datasets()) {
            g.writeStartObject();
            g.writeStringField("name", Html.shorten(d.name(), Html.KEPT));
            g.writeStringField("file", Html.shorten(d.file(), Html.KEPT));
            lengths(g, "input", d.input());
            if (d.output().isPresent()) {
              lengths(g, "output", d.output().get());
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("problems");
          for (var p : v.problems()) {
            g.writeString(Html.shorten(p.toString(), Html.KEPT));
          }
          g.writeEndArray();
        });
  }

  private static void lengths(JsonGenerator g, String name, DatasetViews.Lengths l)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", l.count());
    g.writeNumberField("min", l.min());
    g.writeNumberField("max", l.max());
    g.writeNumberField("mean", l.mean());
    g.writeObjectFieldStart("percentiles");
    for (Map.Entry<String, Integer> p : l.percentiles().entrySet()) {
      g.writeNumberField(p.getKey(), p.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("bins");
    for (TokenLengths.Bin b : l.histogram()) {
      g.writeStartArray();
      g.writeNumber(b.lower());
      g.writeNumber(b.upper());
      g.writeNumber(b.count());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void rankings(Report r, Findings f) {
    Ranking<String> ranking = f.ranking();
    if (ranking.groups().isEmpty()) {
      r.omitted(
          RANKINGS,
          "Rankings",
          "No ranking: no point has "
              + ranking.measure()
              + " ("
              + ranking.excluded().size()
              + " points lack it).");
      return;
    }
    section(
        r,
        RANKINGS,
        "Rankings",
        rankingsData(r, f),
        "The top configurations by "
            + Labels.measure(ranking.measure())
            + " per "
            + f.options().rankGroups()
            + ", each by its best point; equal values share a rank.");
  }

  private static void quality(Report r, Findings f) {
    QualityView q = f.quality();
    if (!q.scoresGiven() || q.models().isEmpty()) {
      r.omitted(
          QUALITY,
          "Quality",
          !q.scoresGiven()
              ? "No arena scores given (prism report --arena arena_scores.json joins them to the"
                  + " models)."
              : "No model to score: no point has "
                  + Labels.measure(f.options().rankMeasure())
                  + ".");
      return;
    }
    section(
        r,
        QUALITY,
        "Quality",
        qualityData(r, f, q),
        q.scored()
            + " of "
            + q.models().size()
            + " models have an arena score (an entry of the same canonical model and precision;"
            + " names are never matched by substring). Each beside its best configuration by "
            + Labels.measure(f.options().rankMeasure())
            + ".");
  }

  /** The quality overlay: per model [model, arena score, arena name, best label, value, load]. */
  static String qualityData(Report r, Findings f, QualityView q) {
    return json(
        g -> {
          g.writeStringField("measure", Labels.measure(f.options().rankMeasure()));
          g.writeStringField("unit", Labels.unit(f.options().rankMeasure()));
          g.writeArrayFieldStart("models");
          for (QualityView.Model m : q.models()) {
            g.writeStartArray();
            g.writeString(Html.shorten(m.model(), Html.KEPT));
            if (m.arena().isPresent()) {
              g.writeNumber(m.arena().get());
            } else {
              g.writeNull();
            }
            g.writeString(m.arenaName().orElse(""));
            g.writeString(r.labels.label(m.best().point()));
            g.writeNumber(m.best().value());
            g.writeString(Labels.load(m.best().point()));
            g.writeEndArray();
          }
          g.writeEndArray();
        });
  }

  private static void mlperf(Report r, Findings f) {
    MlperfViews v = f.mlperf();
    if (v.mlperfPoints() == 0) {
      r.omitted(MLPERF, "MLPerf", "No MLPerf views: no point was read from an MLPerf export.");
      return;
    }
    section(
        r,
        MLPERF,
        "MLPerf",
        mlperfData(v),
        "MLPerf Inference results divided by each system's accelerator count, ranked per round,"
            + " benchmark and scenario; the drop from Offline to Server and Interactive; and each"
            + " system across rounds.");
  }

  private static void section(Report r, String id, String heading, String json, String hint) {
    r.open(id, heading);
    r.sb
        .append("<p class=\"hint\">")
        .append(Html.esc(hint))
        .append("</p>\n<p class=\"note\" id=\"")
        .append(id)
        .append("-nojs\">This view needs JavaScript.</p>\n");
    view(r, id, json);
    r.close();
  }

  /** The element the script draws view {@code id} into, and its data block, packed. */
  static void view(Report r, String id, String json) {
    r.sb
        .append("<div class=\"view\" id=\"")
        .append(id)
        .append("-view\" hidden></div>\n<script type=\"application/octet-stream\" id=\"")
        .append(id)
        .append("-data\" data-encoding=\"gzip+base64\">")
        .append(Explorer.packed(json))
        .append("</script>\n");
  }

  /**
   * The rankings: measure, unit, and per group its entries as [rank, label, value, load, source].
   */
  static String rankingsData(Report r, Findings f) {
    Ranking<String> ranking = f.ranking();
    return json(
        g -> {
          g.writeStringField("measure", Labels.measure(ranking.measure()));
          g.writeStringField("unit", Labels.unit(ranking.measure()));
          g.writeStringField("by", f.options().rankGroups());
          g.writeNumberField("excluded", ranking.excluded().size());
          g.writeArrayFieldStart("groups");
          for (Map.Entry<String, List<Ranking.Entry>> e : ranking.groups().entrySet()) {
            g.writeStartObject();
            g.writeStringField("group", Html.shorten(e.getKey(), Html.KEPT));
            g.writeArrayFieldStart("entries");
            for (Ranking.Entry x : e.getValue()) {
              g.writeStartArray();
              g.writeNumber(x.rank());
              g.writeString(r.labels.label(x.point()));
              g.writeNumber(x.value());
              g.writeString(Labels.load(x.point()));
              g.writeString(r.labels.provenance(x.point()));
              g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /**
   * The MLPerf views: per metric the ranked groups with entries [rank, system, accelerator,
   * accelerators, result, per accelerator]; the drops as [round, benchmark, scenario, system,
   * offline, other, drop %]; the tracks with their steps [from round, to round, from, to, change
   * %].
   */
  static String mlperfData(MlperfViews v) {
    return json(
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
                number(g, chips.isPresent() ? OptionalDouble.of(chips.getAsInt()) : null);
                number(g, x.point().metrics().mean(metric));
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
            number(g, d.offline().metrics().mean(d.metric()));
            number(g, d.other().metrics().mean(d.metric()));
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
              number(g, s.from().metrics().mean(t.metric()));
              number(g, s.to().metrics().mean(t.metric()));
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

  /** Writes the fields of a data block. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** A data block: {@code version} and the fields {@code body} writes, as one JSON object. */
  static String json(Body body) {
    StringWriter out = new StringWriter(8192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", 1);
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void number(JsonGenerator g, OptionalDouble v) throws IOException {
    if (v != null && v.isPresent() && Double.isFinite(v.getAsDouble())) {
      g.writeNumber(v.getAsDouble());
    } else {
      g.writeNull();
    }
  }
}
