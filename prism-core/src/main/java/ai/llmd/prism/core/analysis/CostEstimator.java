package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.api.Role;
import ai.llmd.prism.core.Views;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Cost per million tokens of a point. A cost the source stated (not estimated) wins; otherwise the
 * hourly price of the accelerators the point used ({@link Views#accelerators}: every replica of
 * every role, prefill and decode alike) is taken from a {@link PricingCatalog} row and divided by
 * throughput:
 *
 * <pre>
 *   $/1M out   = hourly × 10^6 / (3600 × (out_tps + in_tps / r))
 *   $/1M in    = ($/1M out) / r
 *   $/1M total = hourly × 10^6 / (3600 × total_tps)
 * </pre>
 *
 * with r the output:input cost ratio (default 4.0). When input throughput is unknown, all machine
 * time is charged to output tokens and the input price stays unknown. No price is ever invented: a
 * point without one gets a reason instead.
 *
 * <p>Row choice (docs/pricing.md): the candidates are the catalog rows for the point's accelerator
 * (and memory, where both are known) under the pricing model, narrowed by the hard filters {@link
 * #withProvider}, {@link #withRegion}, {@link #withMachineType} and {@link #withSource}; of rows
 * differing only by date the newest is kept. If any candidate remains, one is always chosen, by
 * these preferences in order: the machine type the source names (label {@code instanceType}); the
 * user's {@link PricingProfile} (machine type for the accelerator, provider, region), which
 * inherits unset preferences from the catalog's {@link PricingCatalog#defaultProfile()}; rows that
 * fit a replica on whole machines, largest machine first; rows not marked low confidence; the
 * profile's source order; dated rows, newest first; then file order. The estimate carries the row,
 * the reason it won, and the range across all candidates.
 */
public final class CostEstimator {

  /** The output:input cost ratio used by GKE Inference Quickstart. */
  public static final double DEFAULT_OUTPUT_INPUT_RATIO = 4.0;

  /** The point label holding a machine type the source named (GKE Inference Quickstart's). */
  public static final String MACHINE_TYPE_LABEL = "instanceType";

  private final PricingCatalog catalog;
  private final String provider;
  private final String region;
  private final String machineType;
  private final String source;
  private final double ratio;
  private final PricingProfile profile;
  // null unless memoized(): each point's answer by identity, and each row selection by what it
  // depends on; both live as long as this instance
  private final Map<PricingModel, Map<BenchmarkPoint, Outcome>> outcomes;
  private final Map<List<Object>, Selection> selections;

  private CostEstimator(
      PricingCatalog catalog,
      String provider,
      String region,
      String machineType,
      String source,
      double ratio,
      PricingProfile profile) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.provider = provider;
    this.region = region;
    this.machineType = machineType;
    this.source = source;
    if (!(ratio > 0 && Double.isFinite(ratio))) {
      throw new IllegalArgumentException("the output:input cost ratio must be positive");
    }
    this.ratio = ratio;
    this.profile = Objects.requireNonNull(profile, "profile");
    this.outcomes = null;
    this.selections = null;
  }

  private CostEstimator(CostEstimator plain) {
    this.catalog = plain.catalog;
    this.provider = plain.provider;
    this.region = plain.region;
    this.machineType = plain.machineType;
    this.source = plain.source;
    this.ratio = plain.ratio;
    this.profile = plain.profile;
    this.outcomes = new EnumMap<>(PricingModel.class);
    this.selections = new HashMap<>();
  }

  /**
   * This estimator, keeping every answer it gives (each point's by identity, each catalog row
   * selection by accelerator, pricing model, named machine type and replica size) for as long as it
   * lives: the same answers, computed once, for an analysis that asks about the same points many
   * times (findings ask per pricing model for costs, the cheapest and the rankings). Not for a
   * long-lived estimator over ever new points: it never forgets.
   *
   * @since 0.2
   */
  public CostEstimator memoized() {
    return new CostEstimator(this);
  }

  /** An estimator over {@code catalog} with its default profile, any provider, r = 4.0. */
  public static CostEstimator of(PricingCatalog catalog) {
    return new CostEstimator(
        catalog, null, null, null, null, DEFAULT_OUTPUT_INPUT_RATIO, catalog.defaultProfile());
  }

  /** Only rows of this provider (case-insensitive), e.g. {@code AWS}. */
  public CostEstimator withProvider(String p) {
    return new CostEstimator(catalog, p, region, machineType, source, ratio, profile);
  }

  /** Only rows of this region (or {@code list}). */
  public CostEstimator withRegion(String r) {
    return new CostEstimator(catalog, provider, r, machineType, source, ratio, profile);
  }

  /** Only rows of this machine type. */
  public CostEstimator withMachineType(String m) {
    return new CostEstimator(catalog, provider, region, m, source, ratio, profile);
  }

  /** Only rows from this source (its short name, e.g. {@code perfdash}). */
  public CostEstimator withSource(String s) {
    return new CostEstimator(catalog, provider, region, machineType, s, ratio, profile);
  }

  /** The output:input cost ratio r. */
  public CostEstimator withOutputInputRatio(double r) {
    return new CostEstimator(catalog, provider, region, machineType, source, r, profile);
  }

  /**
   * Prefer rows by {@code userProfile}; what it leaves unset comes from the catalog's default
   * profile.
   */
  public CostEstimator withProfile(PricingProfile userProfile) {
    return new CostEstimator(
        catalog,
        provider,
        region,
        machineType,
        source,
        ratio,
        userProfile.over(catalog.defaultProfile()));
  }

  /** The preferences in force (the user's over the catalog's default). */
  public PricingProfile profile() {
    return profile;
  }

  /** The catalog prices come from. */
  public PricingCatalog catalog() {
    return catalog;
  }

  /** The cost at {@code point} under {@code model}, or empty (see {@link #whyNoPrice}). */
  public Optional<CostEstimate> estimate(BenchmarkPoint point, PricingModel model) {
    return Optional.ofNullable(compute(point, model).estimate);
  }

  /** Why {@link #estimate} is empty, or empty when there is a price. */
  public Optional<String> whyNoPrice(BenchmarkPoint point, PricingModel model) {
    return Optional.ofNullable(compute(point, model).reason);
  }

  private record Outcome(CostEstimate estimate, String reason) {}

  private static Outcome none(String reason) {
    return new Outcome(null, "no price: " + reason);
  }

  private Outcome compute(BenchmarkPoint point, PricingModel model) {
    Objects.requireNonNull(model, "model");
    if (outcomes == null) {
      return computeOnce(point, model);
    }
    synchronized (outcomes) {
      Map<BenchmarkPoint, Outcome> m =
          outcomes.computeIfAbsent(model, k -> new IdentityHashMap<>());
      Outcome o = m.get(point);
      if (o == null) {
        o = computeOnce(point, model);
        m.put(point, o);
      }
      return o;
    }
  }

  private Outcome computeOnce(BenchmarkPoint point, PricingModel model) {
    Cost fallback = null;
    for (Cost c : point.costs()) {
      if (c.pricingModel() == model) {
        if (!c.estimated()) {
          return new Outcome(
              new CostEstimate(
                  model,
                  c.perMillionOutputTokens(),
                  c.perMillionInputTokens(),
                  null,
                  false,
                  "stated by the source: " + c.basis(),
                  null),
              null);
        }
        fallback = fallback == null ? c : fallback;
      }
    }
    Outcome derived = derive(point, model);
    if (derived.estimate == null && fallback != null) {
      return new Outcome(
          new CostEstimate(
              model,
              fallback.perMillionOutputTokens(),
              fallback.perMillionInputTokens(),
              null,
              true,
              "estimated by the source: " + fallback.basis(),
              null),
          null);
    }
    return derived;
  }

  private Outcome derive(BenchmarkPoint point, PricingModel model) {
    AcceleratorRef acc = point.deployment().accelerator();
    if (acc == null) {
      return none("the accelerator is unknown");
    }
    OptionalInt chips = Views.accelerators(point.deployment());
    if (chips.isEmpty()) {
      return none("the accelerator count is unknown");
    }
    Selection sel = selection(point, model, acc);
    if (sel.none != null) {
      return sel.none;
    }
    PriceRow row = sel.choice.row;
    OptionalDouble out = point.metrics().mean(Metric.OUTPUT_THROUGHPUT);
    OptionalDouble in = point.metrics().mean(Metric.INPUT_THROUGHPUT);
    OptionalDouble total = point.metrics().mean(Metric.TOTAL_THROUGHPUT);
    if (total.isEmpty() && out.isPresent() && in.isPresent()) {
      total = OptionalDouble.of(out.getAsDouble() + in.getAsDouble());
    }
    double hourly = row.usdPerAcceleratorHour() * chips.getAsInt();
    Double perOut = null;
    Double perIn = null;
    String split;
    if (out.isPresent()) {
      double denom = out.getAsDouble() + (in.isPresent() ? in.getAsDouble() / ratio : 0);
      if (denom > 0) {
        perOut = hourly * 1e6 / (3600 * denom);
        if (in.isPresent()) {
          perIn = perOut / ratio;
          split = "r = " + ratio;
        } else {
          split = "input throughput unknown: all machine time charged to output tokens";
        }
      } else {
        split = "no output tokens";
      }
    } else {
      split = "output throughput unknown";
    }
    Double perTotal = null;
    if (total.isPresent() && total.getAsDouble() > 0) {
      perTotal = hourly * 1e6 / (3600 * total.getAsDouble());
    }
    if (perOut == null && perTotal == null) {
      return none("the point has no positive output or total throughput to divide by");
    }
    double low = sel.low;
    double high = sel.high;
    double perChip = row.usdPerAcceleratorHour();
    CostEstimate.Range range =
        new CostEstimate.Range(
            sel.rows,
            low,
            high,
            perOut == null ? null : perOut * low / perChip,
            perOut == null ? null : perOut * high / perChip);
    String basis = sel.basis + chips.getAsInt() + " accelerators → " + hourly + " USD/h; " + split;
    return new Outcome(
        new CostEstimate(
            model, perOut, perIn, perTotal, true, basis, row, range, sel.choice.reason),
        null);
  }

  /**
   * The catalog rows a point of {@code acc} can be priced with under {@code model}, and the one
   * chosen for {@code point}: the same for every point of one accelerator, pricing model, named
   * machine type and replica size, so a memoized estimator works it out once for them.
   */
  private Selection selection(BenchmarkPoint point, PricingModel model, AcceleratorRef acc) {
    if (selections == null) {
      return select(point, model, acc);
    }
    List<Object> key =
        Arrays.asList(
            acc.name(),
            acc.memoryGiB(),
            model,
            point.labels().get(MACHINE_TYPE_LABEL),
            acceleratorsPerReplica(point));
    synchronized (selections) {
      Selection sel = selections.get(key);
      if (sel == null) {
        sel = select(point, model, acc);
        selections.put(key, sel);
      }
      return sel;
    }
  }

  private Selection select(BenchmarkPoint point, PricingModel model, AcceleratorRef acc) {
    List<PriceRow> forAccelerator = new ArrayList<>();
    for (PriceRow r : catalog.rows()) {
      if (r.accelerator().equalsIgnoreCase(acc.name())
          && (acc.memoryGiB() == null
              || r.acceleratorMemoryGiB() == null
              || Math.abs(acc.memoryGiB() - r.acceleratorMemoryGiB()) < 1)) {
        forAccelerator.add(r);
      }
    }
    if (forAccelerator.isEmpty()) {
      return Selection.none(
          none(
              "the catalog ("
                  + catalog.version()
                  + ") has no row for "
                  + describe(acc)
                  + " at all"));
    }
    List<PriceRow> candidates = new ArrayList<>();
    for (PriceRow r : forAccelerator) {
      if (r.pricingModel() == model
          && matches(provider, r.provider())
          && matches(region, r.region())
          && matches(machineType, r.machineType())
          && matches(source, r.source())) {
        candidates.add(r);
      }
    }
    if (candidates.isEmpty()) {
      return Selection.none(
          none(
              "the catalog ("
                  + catalog.version()
                  + ") has no "
                  + model.key()
                  + " price for "
                  + describe(acc)
                  + query()
                  + "; it has "
                  + forAccelerator.stream()
                      .map(r -> r.provider() + " " + r.machineType() + " " + r.pricingModel().key())
                      .distinct()
                      .collect(Collectors.joining(", "))));
    }
    List<PriceRow> current = newestPerSeries(candidates);
    Choice choice = choose(current, point, acc);
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (PriceRow r : current) {
      low = Math.min(low, r.usdPerAcceleratorHour());
      high = Math.max(high, r.usdPerAcceleratorHour());
    }
    String basis =
        "catalog "
            + catalog.version()
            + " row: "
            + choice.row.describe()
            + "; chosen by "
            + choice.reason
            + " among "
            + current.size()
            + " matching row"
            + (current.size() == 1 ? "" : "s")
            + "; ";
    return new Selection(null, choice, current.size(), low, high, basis);
  }

  /**
   * Either why there is no row ({@code none}) or the chosen row with the spread across the
   * candidates and the start of the basis text.
   */
  private record Selection(
      Outcome none, Choice choice, int rows, double low, double high, String basis) {
    static Selection none(Outcome none) {
      return new Selection(none, null, 0, 0, 0, null);
    }
  }

  private record Choice(PriceRow row, String reason) {}

  /** Picks one of {@code rows} by the documented preferences; {@code rows} is not empty. */
  private Choice choose(List<PriceRow> rows, BenchmarkPoint point, AcceleratorRef acc) {
    String named = point.labels().get(MACHINE_TYPE_LABEL);
    String preferredMachine = profile.machineTypeFor(acc.name()).orElse(null);
    int perReplica = acceleratorsPerReplica(point);
    List<PriceRow> ranked = new ArrayList<>(rows);
    Comparator<PriceRow> order =
        Comparator.<PriceRow>comparingInt(r -> named != null && is(named, r.machineType()) ? 0 : 1)
            .thenComparingInt(
                r -> preferredMachine != null && is(preferredMachine, r.machineType()) ? 0 : 1)
            .thenComparingInt(
                r -> profile.provider() != null && is(profile.provider(), r.provider()) ? 0 : 1)
            .thenComparingInt(
                r -> profile.region() != null && is(profile.region(), r.region()) ? 0 : 1)
            .thenComparingInt(r -> perReplica % r.acceleratorsPerMachine() == 0 ? 0 : 1)
            .thenComparing(Comparator.comparingInt(PriceRow::acceleratorsPerMachine).reversed())
            .thenComparingInt(r -> r.lowConfidence() ? 1 : 0)
            .thenComparingInt(r -> sourceRank(r.source()))
            .thenComparing(
                PriceRow::asOf, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));
    ranked.sort(order); // stable: file order breaks the remaining ties
    PriceRow best = ranked.get(0);
    if (rows.size() == 1) {
      return new Choice(best, "the only matching row");
    }
    List<String> why = new ArrayList<>();
    if (named != null && is(named, best.machineType())) {
      why.add("the machine type the source names (" + named + ")");
    } else {
      if (named != null) {
        why.add("(the source's machine type " + named + " has no such row)");
      }
      List<String> profileHits = new ArrayList<>();
      if (preferredMachine != null && is(preferredMachine, best.machineType())) {
        profileHits.add("machine type " + preferredMachine);
      }
      if (profile.provider() != null && is(profile.provider(), best.provider())) {
        profileHits.add("provider " + profile.provider());
      }
      if (profile.region() != null && is(profile.region(), best.region())) {
        profileHits.add("region " + profile.region());
      }
      if (!profileHits.isEmpty()) {
        why.add("profile " + profile.name() + ": " + String.join(", ", profileHits));
      }
      why.add(
          "then fit ("
              + perReplica
              + " accelerators per replica), confidence, source order, date and file order");
    }
    return new Choice(best, String.join("; ", why));
  }

  private int sourceRank(String s) {
    for (int i = 0; i < profile.sources().size(); i++) {
      if (is(profile.sources().get(i), s)) {
        return i;
      }
    }
    return profile.sources().size();
  }

  /** Accelerators one replica uses: the largest of the roles', else the whole deployment's. */
  private static int acceleratorsPerReplica(BenchmarkPoint point) {
    int n = 0;
    for (Role r : point.deployment().roles()) {
      if (r.acceleratorsPerReplica() != null) {
        n = Math.max(n, r.acceleratorsPerReplica());
      }
    }
    return n > 0 ? n : Views.accelerators(point.deployment()).orElse(1);
  }

  private static boolean is(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  private static String describe(AcceleratorRef acc) {
    return acc.name() + (acc.memoryGiB() == null ? "" : " " + Math.round(acc.memoryGiB()) + " GiB");
  }

  /** Rows of the same provider, region, machine type and source are versions: keep the newest. */
  private static List<PriceRow> newestPerSeries(List<PriceRow> rows) {
    Comparator<PriceRow> newestFirst =
        Comparator.comparing(
            PriceRow::asOf, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));
    Map<List<String>, PriceRow> latest = new LinkedHashMap<>();
    for (PriceRow r : rows.stream().sorted(newestFirst).toList()) {
      latest.putIfAbsent(List.of(r.provider(), r.region(), r.machineType(), r.source()), r);
    }
    return new ArrayList<>(latest.values());
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equalsIgnoreCase(actual);
  }

  private String query() {
    StringBuilder sb = new StringBuilder();
    if (provider != null) {
      sb.append(", provider ").append(provider);
    }
    if (region != null) {
      sb.append(", region ").append(region);
    }
    if (machineType != null) {
      sb.append(", machine type ").append(machineType);
    }
    if (source != null) {
      sb.append(", source ").append(source);
    }
    return sb.toString();
  }
}
