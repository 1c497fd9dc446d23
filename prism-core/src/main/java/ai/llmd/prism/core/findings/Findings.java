package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Statistic;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.ArchitectureComparison;
import ai.llmd.prism.core.analysis.ArenaScores;
import ai.llmd.prism.core.analysis.Catalog;
import ai.llmd.prism.core.analysis.Comparisons;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.analysis.Facet;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Optimum;
import ai.llmd.prism.core.analysis.Pareto;
import ai.llmd.prism.core.analysis.ParetoResult;
import ai.llmd.prism.core.analysis.PricingCatalog;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.analysis.RegressionReport;
import ai.llmd.prism.core.analysis.Series;
import ai.llmd.prism.core.analysis.WorkloadGroup;
import ai.llmd.prism.core.formats.DatasetSummaries;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Every answer the outputs show, computed once from one load: build it with {@link
 * #builder(LoadResult)}, set what differs from the defaults, and ask for the parts you render. Each
 * part is computed on first request and then kept, so a renderer that shows several parts, or two
 * renderers of one findings object, see the very same answers. The defaults live here and nowhere
 * else.
 *
 * <p>Points whose file is also part of the baseline are left out of the analysis (a baseline inside
 * the current directory is not compared with itself); {@link SourcesSummary} counts them.
 */
public final class Findings {

  /** The SLO unless set: {@value}. */
  public static final String DEFAULT_SLO = "ttft.p90<=500ms,tpot.mean<=50ms";

  /** What winners maximise unless set: output throughput per accelerator (mean). */
  public static final Measure DEFAULT_OBJECTIVE =
      Measure.of(Metric.OUTPUT_THROUGHPUT).per(Views.Basis.ACCELERATOR);

  /** The latency the frontier and the P/D comparison use unless set: TPOT mean. */
  public static final Measure DEFAULT_LATENCY = Measure.of(Metric.TPOT);

  /** TPOT targets (ms/token) P/D and aggregated serving are compared at unless set. */
  public static final List<Double> DEFAULT_LATENCY_TARGETS = List.of(20.0, 25.0, 30.0, 40.0, 50.0);

  /** Measures a regression judges unless set. */
  public static final List<Measure> DEFAULT_REGRESSION_MEASURES =
      List.of(
          Measure.of(Metric.OUTPUT_THROUGHPUT),
          Measure.of(Metric.TTFT),
          Measure.of(Metric.TTFT, Statistic.P90),
          Measure.of(Metric.TPOT),
          Measure.of(Metric.E2E_LATENCY));

  /** The significance band of a regression unless set, in percent. */
  public static final double DEFAULT_BAND_PERCENT = 5.0;

  /** How many configurations a ranking keeps per group unless set. */
  public static final int DEFAULT_TOP = 10;

  private static final String MLPERF_FORMAT = "mlperf";

  private final Builder options;
  private final LoadResult result;
  private final List<BenchmarkPoint> points;
  private final int leftOutAsBaseline;
  private final CostEstimator estimator;
  private final Map<String, Object> memo = new java.util.HashMap<>();

  private Findings(Builder b) {
    this.options = b.copy();
    this.result = b.result;
    List<BenchmarkPoint> current = b.result.points();
    int dropped = 0;
    if (b.baseline != null) {
      Set<URI> baseFiles = new HashSet<>();
      for (BenchmarkPoint p : b.baseline.points()) {
        baseFiles.add(p.provenance().source());
      }
      List<BenchmarkPoint> kept = new ArrayList<>();
      for (BenchmarkPoint p : current) {
        if (baseFiles.contains(p.provenance().source())) {
          dropped++;
        } else {
          kept.add(p);
        }
      }
      current = kept;
    }
    this.points = List.copyOf(current);
    this.leftOutAsBaseline = dropped;
    // each point is priced per model for costs, the cheapest under the SLO and the rankings:
    // memoized, that is once
    this.estimator = b.narrowing.apply(CostEstimator.of(b.catalog)).memoized();
  }

  /** Findings over {@code result} with every default. */
  public static Findings of(LoadResult result) {
    return builder(result).build();
  }

  /**
   * A builder over {@code result}: set what differs from the defaults, then {@link
   * Builder#build()}.
   */
  public static Builder builder(LoadResult result) {
    return new Builder(result);
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> T memo(String key, Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.get();
      memo.put(key, v);
    }
    return (T) v;
  }

  /** The points analysed: the load's, minus those from the baseline's files. */
  public List<BenchmarkPoint> points() {
    return points;
  }

  /** Whether a baseline was given (it may have no point). */
  public boolean hasBaseline() {
    return options.baseline != null;
  }

  /** The baseline's points, or empty without a baseline. */
  public List<BenchmarkPoint> baselinePoints() {
    return options.baseline == null ? List.of() : options.baseline.points();
  }

  /** The SLO the winners and the cheapest-under-SLO costs meet. */
  public List<Constraint> slo() {
    return options.slo;
  }

  /** The analysed points' configurations, by key. */
  public List<Series> configurations() {
    return memo("configurations", () -> catalog().all().series());
  }

  /** The analysed points indexed once, for configurations and facet counts alike. */
  private Catalog catalog() {
    return memo("catalog", () -> Catalog.of(points));
  }

  /** Short unique names for the configurations of the analysed points and the baseline. */
  public Labels labels() {
    return memo(
        "labels",
        () -> {
          Set<Configuration> all = new LinkedHashSet<>();
          for (Series s : configurations()) {
            all.add(s.configuration());
          }
          return Labels.of(all);
        });
  }

  /** What was loaded, with every problem. */
  public SourcesSummary sources() {
    return memo(
        "sources",
        () -> {
          Map<String, Integer> byFormat = new TreeMap<>();
          Map<String, Set<URI>> filesOf = new TreeMap<>();
          Set<URI> files = new HashSet<>();
          for (BenchmarkPoint p : result.points()) {
            byFormat.merge(p.provenance().format(), 1, Integer::sum);
            filesOf
                .computeIfAbsent(p.provenance().format(), k -> new HashSet<>())
                .add(p.provenance().source());
            files.add(p.provenance().source());
          }
          Map<String, Integer> filesByFormat = new TreeMap<>();
          filesOf.forEach((f, s) -> filesByFormat.put(f, s.size()));
          return new SourcesSummary(
              result.points().size(),
              points.size(),
              leftOutAsBaseline,
              files.size(),
              byFormat,
              filesByFormat,
              result.problems(),
              options.baseline == null ? List.of() : options.baseline.problems());
        });
  }

  /** The configurations that best meet the objective under the SLO. */
  public Winners winners() {
    return memo(
        "winners",
        () ->
            Winners.of(
                Optimum.best(options.objective).subjectTo(options.slo).over(points),
                Labels.unit(options.objective)));
  }

  /** The configurations ranked by USD per 1M output tokens under {@code model}, meeting the SLO. */
  public Winners cheapest(PricingModel model) {
    return memo(
        "cheapest:" + model.key(),
        () -> Winners.of(cheapestUnderSlo(model), "USD/1M output tokens"));
  }

  private Optimum.Result cheapestUnderSlo(PricingModel model) {
    return memo(
        "cheapest-result:" + model.key(),
        () ->
            Optimum.cheapest(estimator, model, CostEstimate.Tokens.OUTPUT)
                .subjectTo(options.slo)
                .over(points));
  }

  /**
   * The cost rankings at the SLO and the cost-vs-throughput frontiers, per pricing model (default:
   * all four), the frontier over output throughput per chip unless set.
   */
  public CostRankings costRankings() {
    return memo(
        "cost-rankings",
        () -> {
          Map<PricingModel, CostRankings.ForModel> byModel = new LinkedHashMap<>();
          for (PricingModel m : options.pricing) {
            byModel.put(
                m,
                new CostRankings.ForModel(
                    CostRanking.of(cheapestUnderSlo(m), estimator, m),
                    CostRanking.frontier(points, estimator, m, options.costThroughput)));
          }
          StringBuilder slo = new StringBuilder();
          for (Constraint c : options.slo) {
            slo.append(slo.length() == 0 ? "" : ",").append(c.text());
          }
          return new CostRankings(slo.toString(), options.costThroughput, byModel);
        });
  }

  /**
   * The Pareto frontier of the frontier measures (default: TPOT mean against output throughput per
   * chip) per group of the frontier facet (default: one group, {@code all}), groups by value.
   */
  public List<Frontier> frontiers() {
    return memo(
        "frontiers",
        () -> {
          List<Frontier> out = new ArrayList<>();
          if (options.frontierGroups == null) {
            out.add(Frontier.of("all", Pareto.frontier(points, options.frontierMeasures)));
            return List.copyOf(out);
          }
          Map<String, ParetoResult> byGroup =
              new TreeMap<>(
                  Pareto.frontiers(
                      points,
                      options.frontierGroups::valueOf,
                      options.frontierMeasures.toArray(Measure[]::new)));
          byGroup.forEach((g, r) -> out.add(Frontier.of(g, r)));
          return List.copyOf(out);
        });
  }

  /**
   * The Pareto frontier of {@code measures} (at least two, each in its own direction) over every
   * analysed point, as one group {@code all}: what a chart of two measures marks. Kept per list of
   * measures; the default frontier measures give the very same answer as {@link #frontiers()}.
   */
  public Frontier frontier(List<Measure> measures) {
    if (measures.size() < 2) {
      throw new IllegalArgumentException("a frontier needs at least two measures");
    }
    List<Measure> ms = List.copyOf(measures);
    if (options.frontierGroups == null && ms.equals(options.frontierMeasures)) {
      return frontiers().get(0);
    }
    return memo("frontier:" + ms, () -> Frontier.of("all", Pareto.frontier(points, ms)));
  }

  /** Costs per pricing model (default: all four). */
  public Costs costs() {
    return memo(
        "costs",
        () -> {
          Map<PricingModel, Costs.ForModel> byModel = new LinkedHashMap<>();
          for (PricingModel m : options.pricing) {
            byModel.put(m, costsFor(m));
          }
          return new Costs(options.catalog.version(), byModel);
        });
  }

  private Costs.ForModel costsFor(PricingModel m) {
    List<Costs.PointCost> each = new ArrayList<>();
    Map<String, List<BenchmarkPoint>> why = new TreeMap<>();
    for (Series s : configurations()) {
      for (BenchmarkPoint p : s.points()) {
        Optional<CostEstimate> c = estimator.estimate(p, m);
        if (c.isPresent()) {
          each.add(new Costs.PointCost(p, s.configuration(), c.get(), null));
        } else {
          String reason = estimator.whyNoPrice(p, m).orElse("no price");
          each.add(new Costs.PointCost(p, s.configuration(), null, reason));
          why.computeIfAbsent(reason, k -> new ArrayList<>()).add(p);
        }
      }
    }
    List<Costs.NoPrice> noPrice = new ArrayList<>();
    why.forEach((r, ps) -> noPrice.add(new Costs.NoPrice(r, ps)));
    Optimum.Result all = Optimum.cheapest(estimator, m, CostEstimate.Tokens.OUTPUT).over(points);
    List<Costs.PricedCandidate> ranked = new ArrayList<>();
    for (Optimum.Candidate c : all.ranked()) {
      ranked.add(priced(c, m));
    }
    Costs.PricedCandidate underSlo = cheapest(m).winner().map(c -> priced(c, m)).orElse(null);
    return new Costs.ForModel(m, each, ranked, underSlo, noPrice);
  }

  private Costs.PricedCandidate priced(Optimum.Candidate c, PricingModel m) {
    return new Costs.PricedCandidate(c, estimator.estimate(c.point(), m).orElseThrow());
  }

  /** P/D against aggregated serving per workload group, one-sided groups included and marked. */
  public PdComparison pdVsAggregated() {
    return memo(
        "pd",
        () -> {
          double[] targets =
              options.latencyTargets.stream().mapToDouble(Double::doubleValue).toArray();
          ArchitectureComparison cmp =
              Comparisons.aggregatedVsDisaggregated(
                  points, options.pdThroughput, options.pdLatency, targets);
          Map<WorkloadGroup, Set<Architecture>> sides = new TreeMap<>();
          // per configuration, not per point: its points share deployment and workload group
          for (Series s : configurations()) {
            Architecture a = s.configuration().deployment().architecture();
            if (a != Architecture.UNKNOWN) {
              sides
                  .computeIfAbsent(
                      s.configuration().workloadGroup(),
                      k -> java.util.EnumSet.noneOf(Architecture.class))
                  .add(a);
            }
          }
          Map<WorkloadGroup, List<ArchitectureComparison.Row>> rows = new TreeMap<>();
          for (ArchitectureComparison.Row r : cmp.rows()) {
            rows.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
          }
          List<PdComparison.Group> groups = new ArrayList<>();
          sides.forEach(
              (g, s) ->
                  groups.add(
                      new PdComparison.Group(
                          g,
                          s.size() == 2
                              ? PdComparison.Sides.BOTH
                              : s.contains(Architecture.AGGREGATED)
                                  ? PdComparison.Sides.AGGREGATED_ONLY
                                  : PdComparison.Sides.DISAGGREGATED_ONLY,
                          rows.getOrDefault(g, List.of()))));
          List<Double> sorted = new ArrayList<>(options.latencyTargets);
          sorted.sort(null);
          return new PdComparison(
              options.pdThroughput, options.pdLatency, sorted, groups, cmp.excluded());
        });
  }

  /** The analysed points against the baseline, or empty without a baseline. */
  public Optional<RegressionReport> regression() {
    if (options.baseline == null) {
      return Optional.empty();
    }
    return Optional.of(
        memo(
            "regression",
            () ->
                Comparisons.regression(
                    options.baseline.points(),
                    points,
                    options.regressionMeasures,
                    options.bandPercent)));
  }

  /** Facet counts under the facet filters (default: none), Catalog semantics. */
  public FacetCounts facets() {
    return memo(
        "facets",
        () -> {
          Catalog.Selection sel = catalog().all();
          for (Map.Entry<Facet, List<String>> f : options.facetFilters.entrySet()) {
            sel = sel.where(f.getKey(), f.getValue());
          }
          Map<String, List<FacetCounts.ValueCount>> facets = new LinkedHashMap<>();
          sel.counts()
              .forEach(
                  (facet, counts) -> {
                    List<FacetCounts.ValueCount> vs = new ArrayList<>();
                    counts.forEach((v, n) -> vs.add(new FacetCounts.ValueCount(v, n)));
                    facets.put(facet.name(), vs);
                  });
          Map<String, List<String>> filters = new LinkedHashMap<>();
          sel.filters().forEach((f, vs) -> filters.put(f.name(), List.copyOf(vs)));
          return new FacetCounts(sel.points().size(), sel.series().size(), filters, facets);
        });
  }

  /**
   * The top configurations by the ranking measure (default: output throughput per chip) per group
   * of the ranking facet (default: model), each configuration by its best point.
   */
  public Ranking<String> ranking() {
    return memo(
        "ranking",
        () ->
            Comparisons.top(points, options.rankMeasure, options.top, options.rankGroups::valueOf));
  }

  /** The MLPerf views over the points the {@code mlperf} reader produced. */
  public MlperfViews mlperf() {
    return memo(
        "mlperf",
        () -> {
          List<BenchmarkPoint> ml =
              points.stream().filter(p -> MLPERF_FORMAT.equals(p.provenance().format())).toList();
          Map<Metric, Ranking<Mlperf.Group>> per = new EnumMap<>(Metric.class);
          for (Metric m : List.of(Metric.OUTPUT_THROUGHPUT, Metric.REQUEST_RATE)) {
            if (ml.stream().anyMatch(p -> p.metrics().has(m))) {
              per.put(m, Mlperf.perAccelerator(ml, m, options.top));
            }
          }
          return new MlperfViews(ml.size(), per, Mlperf.degradation(ml), Mlperf.acrossRounds(ml));
        });
  }

  /**
   * The token-length distributions of the dataset summaries given to the builder (default: none),
   * as histograms and percentiles.
   */
  public DatasetViews datasets() {
    return memo(
        "datasets",
        () -> options.datasets == null ? DatasetViews.none() : DatasetViews.of(options.datasets));
  }

  /**
   * The quality overlay: each model's arena score from the scores given to the builder (default:
   * none, so no model is scored) beside its best configuration by the ranking measure.
   */
  public QualityView quality() {
    return memo(
        "quality",
        () ->
            QualityView.of(
                Comparisons.top(points, options.rankMeasure, 1, Facet.MODEL::valueOf),
                options.arena));
  }

  /**
   * The arena score the quality overlay joins to {@code point}'s model: the one entry of the same
   * canonical model and precision ({@link ArenaScores#scoreOf}); empty without scores given or
   * without exactly one such entry. The explorer plots it as a measure of each point.
   */
  public Optional<ArenaScores.Score> arenaScore(BenchmarkPoint point) {
    return options.arena == null ? Optional.empty() : options.arena.scoreOf(point.model());
  }

  /** The options these findings were built with; every default is filled in. */
  public Options options() {
    return new Options(
        options.slo,
        options.objective,
        options.frontierMeasures,
        options.frontierGroups == null ? null : options.frontierGroups.name(),
        options.pdThroughput,
        options.pdLatency,
        options.latencyTargets,
        options.pricing,
        options.regressionMeasures,
        options.bandPercent,
        options.rankMeasure,
        options.rankGroups.name(),
        options.top);
  }

  /**
   * The options in effect, for outputs that state them.
   *
   * @param slo the SLO
   * @param objective what winners optimise
   * @param frontierMeasures the frontier's measures
   * @param frontierGroups the facet frontiers are grouped by, or {@code null} for one group
   * @param pdThroughput what the P/D comparison compares
   * @param pdLatency what its targets bound
   * @param latencyTargets the targets
   * @param pricing the pricing models costed
   * @param regressionMeasures what a regression judges
   * @param bandPercent the regression's significance band
   * @param rankMeasure what rankings rank
   * @param rankGroups the facet rankings are grouped by
   * @param top how many a ranking keeps per group
   */
  public record Options(
      List<Constraint> slo,
      Measure objective,
      List<Measure> frontierMeasures,
      String frontierGroups,
      Measure pdThroughput,
      Measure pdLatency,
      List<Double> latencyTargets,
      List<PricingModel> pricing,
      List<Measure> regressionMeasures,
      double bandPercent,
      Measure rankMeasure,
      String rankGroups,
      int top) {
    public Options {
      slo = List.copyOf(slo);
      frontierMeasures = List.copyOf(frontierMeasures);
      latencyTargets = List.copyOf(latencyTargets);
      pricing = List.copyOf(pricing);
      regressionMeasures = List.copyOf(regressionMeasures);
    }
  }

  /** Sets what differs from the defaults; every setter returns this builder. */
  public static final class Builder {
    private final LoadResult result;
    private LoadResult baseline;
    private List<Constraint> slo = Constraint.parseAll(DEFAULT_SLO);
    private Measure objective = DEFAULT_OBJECTIVE;
    private List<Measure> frontierMeasures = List.of(DEFAULT_LATENCY, DEFAULT_OBJECTIVE);
    private Facet frontierGroups;
    private Measure pdThroughput = DEFAULT_OBJECTIVE;
    private Measure pdLatency = DEFAULT_LATENCY;
    private List<Double> latencyTargets = DEFAULT_LATENCY_TARGETS;
    private List<PricingModel> pricing = Arrays.asList(PricingModel.values());
    private Measure costThroughput = DEFAULT_OBJECTIVE;
    private PricingCatalog catalog = PricingCatalog.builtIn();
    private UnaryOperator<CostEstimator> narrowing = UnaryOperator.identity();
    private List<Measure> regressionMeasures = DEFAULT_REGRESSION_MEASURES;
    private double bandPercent = DEFAULT_BAND_PERCENT;
    private Measure rankMeasure = DEFAULT_OBJECTIVE;
    private Facet rankGroups = Facet.MODEL;
    private int top = DEFAULT_TOP;
    private Map<Facet, List<String>> facetFilters = new LinkedHashMap<>();
    private DatasetSummaries.Result datasets;
    private ArenaScores arena;

    private Builder(LoadResult result) {
      this.result = Objects.requireNonNull(result, "result");
    }

    private Builder copy() {
      Builder b = new Builder(result);
      b.baseline = baseline;
      b.slo = slo;
      b.objective = objective;
      b.frontierMeasures = frontierMeasures;
      b.frontierGroups = frontierGroups;
      b.pdThroughput = pdThroughput;
      b.pdLatency = pdLatency;
      b.latencyTargets = latencyTargets;
      b.pricing = pricing;
      b.costThroughput = costThroughput;
      b.catalog = catalog;
      b.narrowing = narrowing;
      b.regressionMeasures = regressionMeasures;
      b.bandPercent = bandPercent;
      b.rankMeasure = rankMeasure;
      b.rankGroups = rankGroups;
      b.top = top;
      b.facetFilters = new LinkedHashMap<>(facetFilters);
      b.datasets = datasets;
      b.arena = arena;
      return b;
    }

    /** The baseline to judge regressions against; its files' points leave the analysis. */
    public Builder baseline(LoadResult b) {
      this.baseline = b;
      return this;
    }

    /** The SLO, e.g. {@code ttft.p90<=500ms,tpot.mean<=50ms}; blank for none. */
    public Builder slo(String constraints) {
      return slo(
          constraints == null || constraints.isBlank()
              ? List.of()
              : Constraint.parseAll(constraints));
    }

    /** The SLO constraints. */
    public Builder slo(List<Constraint> constraints) {
      this.slo = List.copyOf(constraints);
      return this;
    }

    /** What winners optimise, in its own direction (refused for measures without one). */
    public Builder objective(Measure m) {
      Optimum.best(m); // refuses a NEUTRAL measure now rather than when winners are asked for
      this.objective = m;
      return this;
    }

    /** The frontier's measures (at least two). */
    public Builder frontier(List<Measure> measures) {
      if (measures.size() < 2) {
        throw new IllegalArgumentException("a frontier needs at least two measures");
      }
      this.frontierMeasures = List.copyOf(measures);
      return this;
    }

    /** One frontier per value of {@code facet}; {@code null} for one frontier over all points. */
    public Builder frontierGroups(Facet facet) {
      this.frontierGroups = facet;
      return this;
    }

    /** What the P/D comparison compares and the latency its targets bound. */
    public Builder pdMeasures(Measure throughput, Measure latency) {
      this.pdThroughput = Objects.requireNonNull(throughput, "throughput");
      this.pdLatency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** Latency targets for the P/D comparison, in the latency's canonical unit. */
    public Builder latencyTargets(List<Double> targets) {
      this.latencyTargets = List.copyOf(targets);
      return this;
    }

    /** The pricing models to cost, in this order. */
    public Builder pricing(Collection<PricingModel> models) {
      if (models.isEmpty()) {
        throw new IllegalArgumentException("at least one pricing model");
      }
      this.pricing = List.copyOf(models);
      return this;
    }

    /**
     * The throughput the cost-vs-throughput frontiers of {@link Findings#costRankings()} plot cost
     * against (default: output throughput per chip); it must be higher-is-better.
     */
    public Builder costThroughput(Measure throughput) {
      if (throughput.direction() != ai.llmd.prism.api.Direction.HIGHER_IS_BETTER) {
        throw new IllegalArgumentException(throughput + " is not higher-is-better");
      }
      this.costThroughput = throughput;
      return this;
    }

    /** The pricing catalog estimates come from (default: the built-in one). */
    public Builder prices(PricingCatalog c) {
      this.catalog = Objects.requireNonNull(c, "catalog");
      return this;
    }

    /** How the estimator over the catalog is narrowed (provider, region, machine type, ratio). */
    public Builder costs(UnaryOperator<CostEstimator> narrow) {
      this.narrowing = Objects.requireNonNull(narrow, "narrow");
      return this;
    }

    /** What a regression judges and its significance band in percent. */
    public Builder regression(List<Measure> measures, double band) {
      this.regressionMeasures = List.copyOf(measures);
      this.bandPercent = band;
      return this;
    }

    /** What rankings rank, grouped by which facet, and how many per group. */
    public Builder ranking(Measure measure, Facet groups, int n) {
      this.rankMeasure = Objects.requireNonNull(measure, "measure");
      this.rankGroups = Objects.requireNonNull(groups, "groups");
      if (n < 1) {
        throw new IllegalArgumentException("n must be at least 1");
      }
      this.top = n;
      return this;
    }

    /** Keep only points whose {@code facet} is one of {@code values}, for the facet counts. */
    public Builder facetFilter(Facet facet, List<String> values) {
      this.facetFilters.put(Objects.requireNonNull(facet, "facet"), List.copyOf(values));
      return this;
    }

    /** Dataset summaries to describe ({@link Findings#datasets()}); {@code null} for none. */
    public Builder datasets(DatasetSummaries.Result read) {
      this.datasets = read;
      return this;
    }

    /** Arena scores for the quality overlay ({@link Findings#quality()}); {@code null} for none. */
    public Builder arena(ArenaScores scores) {
      this.arena = scores;
      return this;
    }

    /** The findings; parts are computed when first asked for. */
    public Findings build() {
      return new Findings(this);
    }
  }
}
