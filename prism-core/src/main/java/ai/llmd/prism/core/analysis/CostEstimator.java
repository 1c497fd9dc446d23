package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.AcceleratorRef;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Cost;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.Views;
import java.util.ArrayList;
import java.util.Comparator;
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
 * hourly price of the accelerators the point used ({@link Views#accelerators}) is taken from a
 * {@link PricingCatalog} row and divided by throughput:
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
 * <p>Row choice: catalog rows for the point's accelerator and the pricing model, narrowed by the
 * optional provider, region, machine type and source; of rows differing only by date the newest
 * wins; if the remaining rows disagree on the price per accelerator-hour, there is no price (the
 * reason lists them) until the query is narrowed.
 */
public final class CostEstimator {

  /** The output:input cost ratio used by GKE Inference Quickstart. */
  public static final double DEFAULT_OUTPUT_INPUT_RATIO = 4.0;

  private final PricingCatalog catalog;
  private final String provider;
  private final String region;
  private final String machineType;
  private final String source;
  private final double ratio;

  private CostEstimator(
      PricingCatalog catalog,
      String provider,
      String region,
      String machineType,
      String source,
      double ratio) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.provider = provider;
    this.region = region;
    this.machineType = machineType;
    this.source = source;
    if (!(ratio > 0 && Double.isFinite(ratio))) {
      throw new IllegalArgumentException("the output:input cost ratio must be positive");
    }
    this.ratio = ratio;
  }

  /** An estimator over {@code catalog}, any provider, r = 4.0. */
  public static CostEstimator of(PricingCatalog catalog) {
    return new CostEstimator(catalog, null, null, null, null, DEFAULT_OUTPUT_INPUT_RATIO);
  }

  /** Only rows of this provider (case-insensitive), e.g. {@code AWS}. */
  public CostEstimator withProvider(String p) {
    return new CostEstimator(catalog, p, region, machineType, source, ratio);
  }

  /** Only rows of this region (or {@code list}). */
  public CostEstimator withRegion(String r) {
    return new CostEstimator(catalog, provider, r, machineType, source, ratio);
  }

  /** Only rows of this machine type. */
  public CostEstimator withMachineType(String m) {
    return new CostEstimator(catalog, provider, region, m, source, ratio);
  }

  /** Only rows from this source (its short name, e.g. {@code perfdash}). */
  public CostEstimator withSource(String s) {
    return new CostEstimator(catalog, provider, region, machineType, s, ratio);
  }

  /** The output:input cost ratio r. */
  public CostEstimator withOutputInputRatio(double r) {
    return new CostEstimator(catalog, provider, region, machineType, source, r);
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
    List<PriceRow> candidates = new ArrayList<>();
    for (PriceRow r : catalog.rows()) {
      if (r.pricingModel() == model
          && r.accelerator().equalsIgnoreCase(acc.name())
          && (acc.memoryGiB() == null
              || r.acceleratorMemoryGiB() == null
              || Math.abs(acc.memoryGiB() - r.acceleratorMemoryGiB()) < 1)
          && matches(provider, r.provider())
          && matches(region, r.region())
          && matches(machineType, r.machineType())
          && matches(source, r.source())) {
        candidates.add(r);
      }
    }
    if (candidates.isEmpty()) {
      return none(
          "the catalog ("
              + catalog.version()
              + ") has no "
              + model.key()
              + " price for "
              + acc.name()
              + query());
    }
    List<PriceRow> current = newestPerSeries(candidates);
    double perChip = current.get(0).usdPerAcceleratorHour();
    for (PriceRow r : current) {
      if (Math.abs(r.usdPerAcceleratorHour() - perChip) > 1e-9 * perChip) {
        return none(
            current.size()
                + " catalog rows price "
                + acc.name()
                + " "
                + model.key()
                + " differently ("
                + current.stream().map(PriceRow::describe).collect(Collectors.joining("; "))
                + "); narrow by provider, region, machine type or source");
      }
    }
    PriceRow row = current.get(0);
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
    String basis =
        "catalog "
            + catalog.version()
            + " row: "
            + row.describe()
            + "; "
            + chips.getAsInt()
            + " accelerators → "
            + hourly
            + " USD/h; "
            + split;
    return new Outcome(new CostEstimate(model, perOut, perIn, perTotal, true, basis, row), null);
  }

  /** Rows of the same provider, region, machine type and source are versions: keep the newest. */
  private static List<PriceRow> newestPerSeries(List<PriceRow> rows) {
    Comparator<PriceRow> newestFirst =
        Comparator.comparing(
            PriceRow::asOf, Comparator.nullsLast(Comparator.<java.time.LocalDate>reverseOrder()));
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
