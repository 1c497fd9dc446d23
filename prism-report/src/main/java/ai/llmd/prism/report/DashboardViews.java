package ai.llmd.prism.report;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.core.findings.QualityView;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The dashboard views the page's script draws from findings embedded as data, one packed block per
 * section: prefill/decode against aggregated serving under the explorer's facet filters ({@link
 * Findings#pdVsAggregated()}), rankings ({@link Findings#ranking()}), the quality overlay, and
 * (drawn by {@link MlperfView} and {@link DatasetsView}) the MLPerf views and dataset token-length
 * distributions; and the packing every view's data block shares. Every number is computed in Java;
 * the script only picks the group to show and sorts.
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
    MlperfView.write(r, f);
    DatasetsView.write(r, f);
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

  static void section(Report r, String id, String heading, String json, String hint) {
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
        .append(Packing.packed(json))
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

  static void number(JsonGenerator g, OptionalDouble v) throws IOException {
    if (v != null && v.isPresent() && Double.isFinite(v.getAsDouble())) {
      g.writeNumber(v.getAsDouble());
    } else {
      g.writeNull();
    }
  }
}
