package ai.llmd.prism.core.export;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.PriceRow;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.analysis.WorkloadGroup;
import ai.llmd.prism.core.findings.CostRankings;
import ai.llmd.prism.core.findings.Costs;
import ai.llmd.prism.core.findings.FacetCounts;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Frontier;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.MlperfViews;
import ai.llmd.prism.core.findings.PdComparison;
import ai.llmd.prism.core.findings.SourcesSummary;
import ai.llmd.prism.core.findings.Winners;
import ai.llmd.prism.core.formats.MlperfResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes findings in Prism's versioned JSON shape (documented in docs/json-format.md): one document
 * per part, {@code {"schema": "prism-findings", "version": 1, "part": "winners", ...}}. Every
 * output that emits JSON for findings (the CLI's {@code --json}, the report's embedded data) uses
 * this, so they say the same thing. Unknown numbers are {@code null}, never 0.
 */
public final class FindingsJson {

  /** The schema name every document carries. */
  public static final String SCHEMA = "prism-findings";

  /** The version of the shape; fields are only added within a version. */
  public static final int VERSION = 1;

  /** The parts that can be written, each with its {@code part} name. */
  public enum Part {
    SOURCES("sources"),
    WINNERS("winners"),
    FRONTIERS("frontiers"),
    COSTS("costs"),
    COST_RANKINGS("cost-rankings"),
    PD_VS_AGGREGATED("pd-vs-aggregated"),
    REGRESSION("regression"),
    FACETS("facets"),
    RANKING("ranking"),
    MLPERF_ACCELERATORS("mlperf-accelerators"),
    MLPERF_DEGRADATION("mlperf-degradation"),
    MLPERF_ROUNDS("mlperf-rounds");

    private final String key;

    Part(String key) {
      this.key = key;
    }

    /** The {@code part} field's value. */
    public String key() {
      return key;
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Findings f;
  private final Labels labels;

  private FindingsJson(Findings f) {
    this.f = f;
    this.labels = f.labels();
  }

  /** {@code part} of {@code findings} as pretty-printed JSON text (ending without a newline). */
  public static String write(Findings findings, Part part) {
    return text(new FindingsJson(findings).document(part));
  }

  /** {@link #write(Findings, Part)} for the winners under the cheapest-cost objective. */
  public static String writeCheapest(Findings findings, PricingModel model) {
    FindingsJson j = new FindingsJson(findings);
    ObjectNode root = j.header(Part.WINNERS);
    j.winners(root, findings.cheapest(model));
    root.put("pricingModel", model.key());
    return text(root);
  }

  private static String text(ObjectNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private ObjectNode header(Part part) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("version", VERSION);
    root.put("part", part.key());
    return root;
  }

  private ObjectNode document(Part part) {
    ObjectNode root = header(part);
    switch (part) {
      case SOURCES -> sources(root, f.sources());
      case WINNERS -> winners(root, f.winners());
      case FRONTIERS -> frontiers(root, f.frontiers());
      case COSTS -> costs(root, f.costs());
      case COST_RANKINGS -> costRankings(root, f.costRankings());
      case PD_VS_AGGREGATED -> pd(root, f.pdVsAggregated());
      case REGRESSION -> {
        if (f.regression().isPresent()) {
          regression(root, f.regression().get());
        } else {
          root.putNull("regression");
        }
      }
      case FACETS -> facets(root, f.facets());
      case RANKING -> ranking(root, f.ranking());
      case MLPERF_ACCELERATORS -> mlperfAccelerators(root, f.mlperf());
      case MLPERF_DEGRADATION -> degradation(root, f.mlperf().degradation());
      case MLPERF_ROUNDS -> rounds(root, f.mlperf().rounds());
    }
    return root;
  }

  // ---- shared pieces ----

  private ObjectNode configuration(Configuration c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("key", c.key());
    n.put("name", labels.name(c));
    n.put("label", c.label());
    return n;
  }

  private static ObjectNode source(BenchmarkPoint p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("uri", p.provenance().source().toString());
    n.put("format", p.provenance().format());
    n.put("location", p.provenance().location());
    return n;
  }

  private ObjectNode pointRef(BenchmarkPoint p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("configuration", configuration(Configuration.of(p)));
    n.put("load", Labels.load(p));
    n.set("source", source(p));
    return n;
  }

  private static ObjectNode measure(Measure m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("measure", Labels.measure(m));
    n.put("unit", Labels.unit(m));
    return n;
  }

  private static void number(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) {
      n.put(field, v);
    } else {
      n.putNull(field);
    }
  }

  private ObjectNode candidate(Optimum.Candidate c, int rank) {
    ObjectNode n = MAPPER.createObjectNode();
    if (rank > 0) {
      n.put("rank", rank);
    }
    n.set("configuration", configuration(c.configuration()));
    n.put("load", c.loadLevel());
    number(n, "value", c.objective());
    n.set("source", source(c.point()));
    return n;
  }

  private void excluded(ObjectNode root, String field, List<ParetoResult.Excluded> ex) {
    ArrayNode a = root.putArray(field);
    for (ParetoResult.Excluded e : ex) {
      ObjectNode n = pointRef(e.point());
      n.put("reason", e.reason());
      a.add(n);
    }
  }

  /** Configurations that never meet the SLO, each with the first violation seen. */
  private void infeasible(ObjectNode root, Map<Configuration, String> never) {
    ArrayNode inf = root.putArray("infeasible");
    never.forEach(
        (c, why) -> {
          ObjectNode n = inf.addObject();
          n.set("configuration", configuration(c));
          n.put("reason", why);
        });
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---- parts ----

  private void sources(ObjectNode root, SourcesSummary s) {
    root.put("points", s.points());
    root.put("analysed", s.analysed());
    root.put("leftOutAsBaseline", s.leftOutAsBaseline());
    root.put("files", s.files());
    ObjectNode byFormat = root.putObject("pointsByFormat");
    s.pointsByFormat().forEach(byFormat::put);
    ObjectNode filesByFormat = root.putObject("filesByFormat");
    s.filesByFormat().forEach(filesByFormat::put);
    ObjectNode sev = root.putObject("problemsBySeverity");
    for (Problem.Severity v : Problem.Severity.values()) {
      sev.put(lower(v), s.count(v));
    }
    ObjectNode byKind = root.putObject("problemsByKind");
    for (Map.Entry<Problem.Kind, List<Problem>> e : s.byKind().entrySet()) {
      ArrayNode a = byKind.putArray(Labels.kind(e.getKey()));
      for (Problem p : e.getValue()) {
        ObjectNode n = a.addObject();
        n.put("severity", lower(p.severity()));
        n.put("file", p.file());
        n.put("location", p.location());
        n.put("message", p.message());
      }
    }
  }

  private void winners(ObjectNode root, Winners w) {
    root.put("objective", w.objective());
    root.put("unit", w.unit());
    ArrayNode slo = root.putArray("slo");
    for (Constraint c : w.slo()) {
      slo.add(c.text());
    }
    if (w.winner().isPresent()) {
      root.set("winner", candidate(w.winner().get(), 1));
    } else {
      root.putNull("winner");
    }
    ArrayNode ranked = root.putArray("ranked");
    int rank = 1;
    for (Optimum.Candidate c : w.ranked()) {
      ranked.add(candidate(c, rank++));
    }
    infeasible(root, w.infeasible());
    excluded(root, "unchecked", w.unchecked());
  }

  private void frontiers(ObjectNode root, List<Frontier> fs) {
    ArrayNode ms = root.putArray("measures");
    if (!fs.isEmpty()) {
      fs.get(0).measures().forEach(m -> ms.add(measure(m)));
    }
    ArrayNode groups = root.putArray("groups");
    for (Frontier fr : fs) {
      ObjectNode g = groups.addObject();
      g.put("group", fr.group());
      g.put("considered", fr.considered());
      ArrayNode pts = g.putArray("frontier");
      for (ParetoResult.Entry e : fr.frontier()) {
        ObjectNode n = pointRef(e.point());
        ArrayNode values = n.putArray("values");
        e.values().forEach(values::add);
        n.put("knee", fr.knee() != null && fr.knee().point() == e.point());
        pts.add(n);
      }
      excluded(g, "excluded", fr.excluded());
    }
  }

  private void costs(ObjectNode root, Costs c) {
    root.put("catalogVersion", c.catalogVersion());
    root.put("unit", "USD/1M tokens");
    ArrayNode models = root.putArray("models");
    for (Costs.ForModel m : c.byModel().values()) {
      ObjectNode mn = models.addObject();
      mn.put("pricingModel", m.model().key());
      if (m.cheapestUnderSlo() == null) {
        mn.putNull("cheapestUnderSlo");
      } else {
        mn.set("cheapestUnderSlo", priced(m.cheapestUnderSlo(), 0));
      }
      ArrayNode cheapest = mn.putArray("cheapest");
      int rank = 1;
      for (Costs.PricedCandidate pc : m.cheapest()) {
        cheapest.add(priced(pc, rank++));
      }
      ArrayNode pts = mn.putArray("points");
      for (Costs.PointCost pc : m.points()) {
        ObjectNode n = pointRef(pc.point());
        if (pc.estimate() == null) {
          n.putNull("perMillionOutputTokens");
          n.put("noPrice", pc.noPriceReason());
        } else {
          estimate(n, pc.estimate());
        }
        pts.add(n);
      }
      ArrayNode why = mn.putArray("noPrice");
      for (Costs.NoPrice np : m.noPrice()) {
        ObjectNode n = why.addObject();
        n.put("reason", np.reason());
        n.put("points", np.points().size());
      }
    }
  }

  private void costRankings(ObjectNode root, CostRankings c) {
    root.put("slo", c.slo());
    root.put("unit", "USD/1M output tokens");
    root.set("throughput", measure(c.throughput()));
    ArrayNode models = root.putArray("models");
    for (CostRankings.ForModel m : c.byModel().values()) {
      ObjectNode mn = models.addObject();
      mn.put("pricingModel", m.ranking().pricingModel().key());
      ArrayNode ranked = mn.putArray("ranked");
      int rank = 1;
      for (CostRanking.Entry e : m.ranking().ranked()) {
        ObjectNode n = ranked.addObject();
        n.put("rank", rank++);
        n.set("configuration", configuration(e.configuration()));
        n.put("load", e.loadLevel());
        n.set("source", source(e.point()));
        number(n, "benefitPercent", e.benefitPercent());
        estimate(n, e.cost());
      }
      infeasible(mn, m.ranking().infeasible());
      excluded(mn, "unranked", m.ranking().unpriced());
      ArrayNode front = mn.putArray("frontier");
      for (CostRanking.FrontierPoint fp : m.frontier()) {
        ObjectNode n = pointRef(fp.point());
        number(n, "throughput", fp.throughput());
        estimate(n, fp.cost());
        front.add(n);
      }
    }
  }

  private ObjectNode priced(Costs.PricedCandidate pc, int rank) {
    ObjectNode n = candidate(pc.candidate(), rank);
    n.remove("value");
    estimate(n, pc.estimate());
    return n;
  }

  private static void estimate(ObjectNode n, CostEstimate e) {
    for (CostEstimate.Tokens t : CostEstimate.Tokens.values()) {
      String field =
          switch (t) {
            case OUTPUT -> "perMillionOutputTokens";
            case INPUT -> "perMillionInputTokens";
            case TOTAL -> "perMillionTotalTokens";
          };
      var v = e.perMillion(t);
      if (v.isPresent()) {
        n.put(field, v.getAsDouble());
      } else {
        n.putNull(field);
      }
    }
    n.put("estimated", e.estimated());
    n.put("basis", e.basis());
    priceRow(n, e);
  }

  /** The catalog row an estimate used, why it was chosen, and the range over matching rows. */
  private static void priceRow(ObjectNode e, CostEstimate c) {
    PriceRow r = c.row();
    if (r == null) {
      return;
    }
    ObjectNode row = e.putObject("row");
    row.put("provider", r.provider());
    row.put("region", r.region());
    row.put("machineType", r.machineType());
    row.put("pricingModel", r.pricingModel().key());
    row.put("acceleratorsPerMachine", r.acceleratorsPerMachine());
    row.put("usdPerMachineHour", r.usdPerMachineHour());
    row.put("usdPerAcceleratorHour", r.usdPerAcceleratorHour());
    row.put("source", r.source());
    row.put("sourceUrl", r.sourceUrl());
    if (r.asOf() == null) {
      row.putNull("asOf");
    } else {
      row.put("asOf", r.asOf().toString());
    }
    row.put("asOfText", r.asOfText());
    row.put("lowConfidence", r.lowConfidence());
    e.put("selection", c.selection());
    c.priceRange()
        .ifPresent(
            g -> {
              ObjectNode range = e.putObject("range");
              range.put("rows", g.rows());
              range.put("usdPerAcceleratorHourLow", g.usdPerAcceleratorHourLow());
              range.put("usdPerAcceleratorHourHigh", g.usdPerAcceleratorHourHigh());
              if (g.perMillionOutputTokensLow() != null) {
                range.put("perMillionOutputTokensLow", g.perMillionOutputTokensLow());
                range.put("perMillionOutputTokensHigh", g.perMillionOutputTokensHigh());
              }
            });
  }

  private void pd(ObjectNode root, PdComparison c) {
    root.set("throughput", measure(c.throughput()));
    root.set("latency", measure(c.latency()));
    ArrayNode targets = root.putArray("targets");
    c.targets().forEach(targets::add);
    ArrayNode groups = root.putArray("groups");
    for (PdComparison.Group g : c.groups()) {
      ObjectNode gn = groups.addObject();
      gn.set("workload", workload(g.workload()));
      gn.put("sides", lower(g.sides()));
      ArrayNode rows = gn.putArray("rows");
      for (ArchitectureComparison.Row r : g.rows()) {
        ObjectNode n = rows.addObject();
        n.put("latencyTarget", r.latencyTarget());
        side(n, "aggregated", r.aggregated());
        side(n, "disaggregated", r.disaggregated());
        n.put("winner", r.winner().map(FindingsJson::lower).orElse(null));
        if (r.advantagePercent().isPresent()) {
          n.put("advantagePercent", r.advantagePercent().get());
        } else {
          n.putNull("advantagePercent");
        }
      }
    }
    excluded(root, "excluded", c.excluded());
  }

  private void side(ObjectNode n, String field, Optimum.Candidate c) {
    if (c == null) {
      n.putNull(field);
    } else {
      n.set(field, candidate(c, 0));
    }
  }

  private static ObjectNode workload(WorkloadGroup w) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("key", w.key());
    n.put("label", w.label());
    n.put("model", w.model());
    n.put("accelerator", w.accelerator());
    n.put("islBucket", w.inputBucket());
    n.put("oslBucket", w.outputBucket());
    return n;
  }

  private void regression(ObjectNode root, RegressionReport r) {
    root.put("bandPercent", r.bandPercent());
    ArrayNode changes = root.putArray("changes");
    for (RegressionReport.Change ch : r.changes()) {
      ObjectNode n = changes.addObject();
      n.set("configuration", configuration(ch.configuration()));
      n.setAll(measure(ch.measure()));
      number(n, "baseline", ch.baseline());
      number(n, "candidate", ch.candidate());
      number(n, "percentChange", ch.percentChange());
      n.put("verdict", lower(ch.verdict()));
      ArrayNode loads = n.putArray("loads");
      ch.loads().forEach(loads::add);
    }
    ArrayNode ob = root.putArray("onlyInBaseline");
    r.onlyInBaseline().forEach(c -> ob.add(configuration(c)));
    ArrayNode oc = root.putArray("onlyInCandidate");
    r.onlyInCandidate().forEach(c -> oc.add(configuration(c)));
    ArrayNode ul = root.putArray("unmatchedLoads");
    for (RegressionReport.UnmatchedLoad u : r.unmatchedLoads()) {
      ObjectNode n = ul.addObject();
      n.set("configuration", configuration(u.configuration()));
      n.put("load", u.load());
      n.put("onlyIn", u.inBaseline() ? "baseline" : "candidate");
    }
  }

  private static void facets(ObjectNode root, FacetCounts c) {
    root.put("points", c.points());
    root.put("configurations", c.configurations());
    ObjectNode filters = root.putObject("filters");
    c.filters()
        .forEach(
            (k, vs) -> {
              ArrayNode a = filters.putArray(k);
              vs.forEach(a::add);
            });
    ObjectNode facets = root.putObject("facets");
    c.facets()
        .forEach(
            (k, vs) -> {
              ArrayNode a = facets.putArray(k);
              for (FacetCounts.ValueCount v : vs) {
                a.addObject().put("value", v.value()).put("count", v.count());
              }
            });
  }

  private void ranking(ObjectNode root, Ranking<String> r) {
    root.setAll(measure(r.measure()));
    ArrayNode groups = root.putArray("groups");
    r.groups()
        .forEach(
            (g, entries) -> {
              ObjectNode gn = groups.addObject();
              gn.put("group", g);
              ArrayNode a = gn.putArray("entries");
              for (Ranking.Entry e : entries) {
                ObjectNode n = pointRef(e.point());
                n.put("rank", e.rank());
                number(n, "value", e.value());
                a.add(n);
              }
            });
    excluded(root, "excluded", r.excluded());
  }

  private void mlperfAccelerators(ObjectNode root, MlperfViews v) {
    root.put("mlperfPoints", v.mlperfPoints());
    ArrayNode metrics = root.putArray("metrics");
    for (Map.Entry<Metric, Ranking<Mlperf.Group>> e : v.perAccelerator().entrySet()) {
      ObjectNode mn = metrics.addObject();
      mn.setAll(measure(e.getValue().measure()));
      ArrayNode groups = mn.putArray("groups");
      e.getValue()
          .groups()
          .forEach(
              (g, entries) -> {
                ObjectNode gn = groups.addObject();
                gn.put("round", g.round());
                gn.put("benchmark", g.benchmark());
                gn.put("scenario", g.scenario());
                ArrayNode a = gn.putArray("entries");
                for (Ranking.Entry en : entries) {
                  ObjectNode n = a.addObject();
                  n.put("rank", en.rank());
                  n.put("system", en.configuration());
                  n.put(
                      "accelerator",
                      en.point().deployment().accelerator() == null
                          ? null
                          : en.point().deployment().accelerator().name());
                  number(n, "value", en.value());
                  n.set("source", source(en.point()));
                }
              });
      excluded(mn, "excluded", e.getValue().excluded());
    }
  }

  private void degradation(ObjectNode root, Mlperf.DegradationReport d) {
    ArrayNode drops = root.putArray("drops");
    for (Mlperf.Degradation x : d.drops()) {
      ObjectNode n = drops.addObject();
      n.put("system", x.system());
      n.put("benchmark", x.benchmark());
      n.put("scenario", x.scenario());
      n.put("metric", x.metric().key());
      n.put("unit", x.metric().unit().symbol());
      number(n, "offline", x.offline().metrics().mean(x.metric()).orElse(Double.NaN));
      number(n, "other", x.other().metrics().mean(x.metric()).orElse(Double.NaN));
      number(n, "dropPercent", x.dropPercent());
    }
    excludedMlperf(root, d.unmatched());
  }

  private void rounds(ObjectNode root, Mlperf.RoundReport r) {
    ArrayNode tracks = root.putArray("tracks");
    for (Mlperf.Track t : r.tracks()) {
      ObjectNode n = tracks.addObject();
      n.put("organization", t.organization());
      n.put("system", t.system());
      n.put("accelerator", t.accelerator());
      n.put("accelerators", t.accelerators());
      n.put("benchmark", t.benchmark());
      n.put("scenario", t.scenario());
      n.put("metric", t.metric().key());
      n.put("unit", t.metric().unit().symbol());
      ArrayNode steps = n.putArray("steps");
      for (Mlperf.Step s : t.steps()) {
        ObjectNode sn = steps.addObject();
        sn.put("fromRound", s.fromRound());
        sn.put("toRound", s.toRound());
        number(sn, "from", s.from().metrics().mean(t.metric()).orElse(Double.NaN));
        number(sn, "to", s.to().metrics().mean(t.metric()).orElse(Double.NaN));
        number(sn, "changePercent", s.changePercent());
      }
    }
    excludedMlperf(root, r.unmatched());
  }

  private static void excludedMlperf(ObjectNode root, List<ParetoResult.Excluded> ex) {
    ArrayNode a = root.putArray("unmatched");
    for (ParetoResult.Excluded e : ex) {
      ObjectNode n = a.addObject();
      MlperfResult m = MlperfResult.of(e.point());
      n.put("system", m.systemName());
      n.put("benchmark", m.benchmark());
      n.put("scenario", m.scenario());
      n.put("reason", e.reason());
      n.set("source", source(e.point()));
    }
  }
}
