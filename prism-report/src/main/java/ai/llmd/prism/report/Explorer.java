package ai.llmd.prism.report;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.MetricValue;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.findings.Costs;
import ai.llmd.prism.core.findings.FacetCounts;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The interactive explorer: an empty frame the page's script fills, and the points it needs as
 * compact columnar JSON (one array per facet, measure and price, strings dictionary-encoded),
 * gzipped and base64-encoded ({@link Packing#packed}), in the findings' configuration order (the
 * catalog's) so that the script's facet counts are the catalog's; prices are the findings' costs.
 * Values are exactly the library's: per-chip, per-replica and per-node values are the total divided
 * by the divisor embedded beside it, the division {@link Views} makes; arena scores are the quality
 * overlay's join, per point.
 */
final class Explorer {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private Explorer() {}

  static void write(Report r) {
    if (r.points.isEmpty()) {
      r.omitted("explore", "Explore", "Nothing to explore: no point was read.");
      return;
    }
    r.sb
        .append("<section id=\"explore\">\n<h2>Explore</h2>\n")
        .append("<p class=\"note\" id=\"nojs\">The explorer needs JavaScript; every section")
        .append(" below reads without it.</p>\n<div id=\"app\" hidden></div>\n")
        .append("<script type=\"application/octet-stream\" id=\"prism-data\"")
        .append(" data-encoding=\"gzip+base64\">")
        .append(Packing.packed(data(r)))
        .append("</script>\n</section>\n");
  }

  /** The data block's JSON, before {@link Packing#packed packing}. */
  static String data(Report r) {
    List<BenchmarkPoint> ps = new ArrayList<>(r.points.size());
    for (Series s : r.series) {
      ps.addAll(s.points());
    }
    StringWriter out = new StringWriter(1 << 16);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeNumberField("n", ps.size());
      facets(g, r.findings.facets(), ps);
      configurations(g, r);
      strings(g, "load", ps, Labels::load);
      strings(g, "source", ps, p -> r.labels.provenance(p));
      measures(g, ps);
      divisors(g, ps);
      costs(g, ps, r.findings.costs());
      arena(g, ps, r.findings);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Each facet's values (the catalog's dictionary, natural order) and one index per point. */
  private static void facets(JsonGenerator g, FacetCounts counts, List<BenchmarkPoint> ps)
      throws IOException {
    Map<String, Facet> byName = new HashMap<>();
    for (Facet f : Facet.BUILT_IN) {
      byName.put(f.name(), f);
    }
    g.writeArrayFieldStart("facets");
    for (Map.Entry<String, List<FacetCounts.ValueCount>> e : counts.facets().entrySet()) {
      Facet f = byName.get(e.getKey());
      List<String> values = new ArrayList<>();
      for (FacetCounts.ValueCount v : e.getValue()) {
        values.add(v.value());
      }
      Map<String, Integer> id = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        id.put(values.get(i), i);
      }
      g.writeStartObject();
      g.writeStringField("name", f.name());
      g.writeArrayFieldStart("values");
      for (String v : values) {
        g.writeString(Html.shorten(v, Html.KEPT));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("ids");
      for (BenchmarkPoint p : ps) {
        g.writeNumber(id.get(f.valueOf(p)));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void configurations(JsonGenerator g, Report r) throws IOException {
    g.writeArrayFieldStart("configurations");
    List<Series> series = r.series;
    for (Series s : series) {
      g.writeString(r.labels.label(s.points().get(0)));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("configuration");
    for (int c = 0; c < series.size(); c++) {
      for (int k = 0; k < series.get(c).points().size(); k++) {
        g.writeNumber(c);
      }
    }
    g.writeEndArray();
  }

  /** A dictionary and one index per point. */
  private static void strings(
      JsonGenerator g,
      String name,
      List<BenchmarkPoint> ps,
      java.util.function.Function<BenchmarkPoint, String> f)
      throws IOException {
    Map<String, Integer> dict = new LinkedHashMap<>();
    int[] ids = new int[ps.size()];
    for (int i = 0; i < ps.size(); i++) {
      ids[i] = dict.computeIfAbsent(f.apply(ps.get(i)), k -> dict.size());
    }
    g.writeObjectFieldStart(name);
    g.writeArrayFieldStart("values");
    for (String v : dict.keySet()) {
      g.writeString(v);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ids");
    for (int id : ids) {
      g.writeNumber(id);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Every metric and statistic some point has, as measured in total; null where absent. */
  private static void measures(JsonGenerator g, List<BenchmarkPoint> ps) throws IOException {
    // which metric and statistic any point has, in one pass: asking every point for every pair
    // that none has cost metrics × statistics × points lookups
    Metric[] metrics = Metric.values();
    Statistic[] stats = Statistic.values();
    boolean[][] present = new boolean[metrics.length][stats.length];
    for (BenchmarkPoint p : ps) {
      for (Metric m : metrics) {
        Optional<MetricValue> v = p.metrics().get(m);
        if (v.isPresent()) {
          for (Statistic s : stats) {
            present[m.ordinal()][s.ordinal()] |= v.get().get(s).isPresent();
          }
        }
      }
    }
    g.writeArrayFieldStart("measures");
    for (Metric m : metrics) {
      for (Statistic s : stats) {
        if (!present[m.ordinal()][s.ordinal()]) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("key", m.key() + "." + s.key());
        g.writeStringField("metric", m.key());
        g.writeStringField("unit", m.unit().symbol());
        g.writeNumberField(
            "direction",
            switch (m.direction()) {
              case HIGHER_IS_BETTER -> 1;
              case LOWER_IS_BETTER -> -1;
              case NEUTRAL -> 0;
            });
        g.writeBooleanField("scales", m.scalesWithAccelerators());
        g.writeArrayFieldStart("values");
        for (BenchmarkPoint p : ps) {
          number(g, p.metrics().get(m, s));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    // whether a metric was derived, per point, as a string of 0 and 1 (metrics with none omitted)
    g.writeObjectFieldStart("derived");
    for (Metric m : Metric.values()) {
      StringBuilder flags = new StringBuilder(ps.size());
      boolean any = false;
      for (BenchmarkPoint p : ps) {
        boolean d = p.metrics().get(m).map(MetricValue::isDerived).orElse(false);
        flags.append(d ? '1' : '0');
        any |= d;
      }
      if (any) {
        g.writeStringField(m.key(), flags.toString());
      }
    }
    g.writeEndObject();
  }

  private static void divisors(JsonGenerator g, List<BenchmarkPoint> ps) throws IOException {
    g.writeObjectFieldStart("divisors");
    String[] names = {"chip", "replica", "node"};
    Views.Basis[] bases = {Views.Basis.ACCELERATOR, Views.Basis.REPLICA, Views.Basis.NODE};
    for (int b = 0; b < bases.length; b++) {
      g.writeArrayFieldStart(names[b]);
      for (BenchmarkPoint p : ps) {
        OptionalInt d = Views.divisor(p.deployment(), bases[b]);
        if (d.isPresent()) {
          g.writeNumber(d.getAsInt());
        } else {
          g.writeNull();
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The findings' USD per 1M output tokens per pricing model, and whether each is an estimate. */
  private static void costs(JsonGenerator g, List<BenchmarkPoint> ps, Costs costs)
      throws IOException {
    g.writeArrayFieldStart("pricing");
    for (Costs.ForModel m : costs.byModel().values()) {
      Map<BenchmarkPoint, CostEstimate> byPoint = new IdentityHashMap<>();
      for (Costs.PointCost pc : m.points()) {
        pc.cost().ifPresent(c -> byPoint.put(pc.point(), c));
      }
      g.writeStartObject();
      g.writeStringField("key", m.model().key());
      g.writeArrayFieldStart("values");
      StringBuilder estimated = new StringBuilder(ps.size());
      for (BenchmarkPoint p : ps) {
        CostEstimate c = byPoint.get(p);
        number(g, c == null ? OptionalDouble.empty() : c.perMillion(CostEstimate.Tokens.OUTPUT));
        estimated.append(c != null && c.estimated() ? '1' : '0');
      }
      g.writeEndArray();
      g.writeStringField("estimated", estimated.toString());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The quality overlay: each point's arena score where its model joins one ({@link
   * Findings#arenaScore}) and the entry's name, as a dictionary; omitted when no point joins.
   */
  private static void arena(JsonGenerator g, List<BenchmarkPoint> ps, Findings f)
      throws IOException {
    List<Optional<ArenaScores.Score>> scores = new ArrayList<>(ps.size());
    boolean any = false;
    for (BenchmarkPoint p : ps) {
      Optional<ArenaScores.Score> s = f.arenaScore(p);
      scores.add(s);
      any |= s.isPresent();
    }
    if (!any) {
      return;
    }
    Map<String, Integer> names = new LinkedHashMap<>();
    g.writeObjectFieldStart("arena");
    g.writeArrayFieldStart("values");
    for (Optional<ArenaScores.Score> s : scores) {
      number(g, s.isPresent() ? OptionalDouble.of(s.get().score()) : OptionalDouble.empty());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ids");
    for (Optional<ArenaScores.Score> s : scores) {
      if (s.isPresent()) {
        g.writeNumber(names.computeIfAbsent(s.get().name(), k -> names.size()));
      } else {
        g.writeNull();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("names");
    for (String n : names.keySet()) {
      g.writeString(Html.shorten(n, Html.KEPT));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, OptionalDouble v) throws IOException {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      double d = v.getAsDouble();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        g.writeNumber((long) d);
      } else {
        g.writeNumber(d);
      }
    } else {
      g.writeNull();
    }
  }
}
