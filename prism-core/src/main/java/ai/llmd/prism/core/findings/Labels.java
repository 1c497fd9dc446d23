package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.Architecture;
import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.Views;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.Measure;
import ai.llmd.prism.core.analysis.PriceRow;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one vocabulary of labels, numbers and units every output renders findings with, so a table, a
 * JSON field and the report say the same thing the same way: {@code H100 ×16}, {@code P/D 1:3},
 * {@code concurrency 8}, {@code tokens/s per chip}, {@code –} for "not known".
 */
public final class Labels {

  /** What is printed where a value is not known. */
  public static final String NONE = "–";

  private final Map<Configuration, String> names;

  private Labels(Map<Configuration, String> names) {
    this.names = names;
  }

  /**
   * Short names unique among {@code configurations}: the model is named only when there are several
   * models, and a repeated name gets {@code #2}, {@code #3} in key order.
   */
  public static Labels of(Collection<Configuration> configurations) {
    TreeSet<Configuration> sorted = new TreeSet<>(configurations);
    boolean manyModels = sorted.stream().map(Configuration::model).distinct().count() > 1;
    Map<String, Integer> seen = new LinkedHashMap<>();
    Map<Configuration, String> names = new LinkedHashMap<>();
    for (Configuration c : sorted) {
      String label = c.shortLabel(manyModels);
      int n = seen.merge(label, 1, Integer::sum);
      names.put(c, n > 1 ? label + " #" + n : label);
    }
    return new Labels(Collections.unmodifiableMap(names));
  }

  /** The short unique name of {@code c}, or its full label when it was not among those named. */
  public String name(Configuration c) {
    String n = names.get(c);
    return n == null ? c.label() : n;
  }

  /** Every configuration named, by key, with its short name. */
  public Map<Configuration, String> names() {
    return names;
  }

  // ---- static vocabulary ----

  /** The load level, e.g. {@code concurrency 8} or {@code rate 2.5 req/s}. */
  public static String load(BenchmarkPoint p) {
    return Configuration.loadLevel(p);
  }

  /** The unit of a measure, with its basis: {@code tokens/s per chip}, {@code ms}. */
  public static String unit(Measure m) {
    String symbol = m.metric().unit().symbol();
    if (!m.metric().scalesWithAccelerators()) {
      return symbol;
    }
    return switch (m.basis()) {
      case TOTAL -> symbol;
      case ACCELERATOR -> symbol + " per chip";
      case REPLICA -> symbol + " per replica";
      case NODE -> symbol + " per node";
    };
  }

  /** A measure as written on the command line: {@code ttft.p90}, {@code output_throughput/chip}. */
  public static String measure(Measure m) {
    String s = m.metric().key() + "." + m.statistic().key();
    return m.basis() == Views.Basis.TOTAL
        ? s
        : s
            + switch (m.basis()) {
              case ACCELERATOR -> "/chip";
              case REPLICA -> "/replica";
              case NODE -> "/node";
              case TOTAL -> "";
            };
  }

  /** {@code aggregated}, {@code P/D} or {@code unknown}. */
  public static String architecture(Architecture a) {
    return switch (a) {
      case AGGREGATED -> "aggregated";
      case DISAGGREGATED -> "P/D";
      case UNKNOWN -> "unknown";
    };
  }

  /**
   * A problem's kind as every output names it: {@code not-found}, {@code limit}, {@code
   * unknown-format} (the JSON's {@code problemsByKind} keys, {@code validate}'s and the report's
   * groups).
   */
  public static String kind(Problem.Kind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A number for people: whole numbers and values of 100 or more without decimals, 10 to 100 with
   * one, smaller ones with three significant digits; from 10^15 on three significant digits with an
   * exponent ({@code 1.00e+308}, not 309 digits); {@value #NONE} for NaN, {@code ∞} for infinity;
   * zero without a sign. Never locale-dependent.
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return NONE;
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0) {
      return "0"; // -0.0 too
    }
    double a = Math.abs(v);
    if (a >= 1e15) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /**
   * The catalog row an estimate used, why it was chosen, and the spread across every row that could
   * have priced it: {@code GCP a3-highgpu-8g us-central1 on-demand, <source> <date>: 11.0613
   * USD/accelerator-h; chosen by …; range over 4 rows 9.80–12.40 USD/accelerator-h}.
   */
  public static String priceRow(CostEstimate c) {
    PriceRow r = c.row();
    if (r == null) {
      return "";
    }
    StringBuilder sb =
        new StringBuilder()
            .append(r.provider())
            .append(' ')
            .append(r.machineType())
            .append(' ')
            .append(r.region())
            .append(' ')
            .append(r.pricingModel().key())
            .append(", ")
            .append(r.source())
            .append(' ')
            .append(r.asOfText())
            .append(r.lowConfidence() ? ", low confidence" : "")
            .append(": ")
            .append(usdPerHour(r.usdPerAcceleratorHour()))
            .append(" USD/accelerator-h; chosen by ")
            .append(c.selection());
    c.priceRange()
        .filter(g -> g.rows() > 1)
        .ifPresent(
            g ->
                sb.append("; range over ")
                    .append(g.rows())
                    .append(" rows ")
                    .append(usdPerHour(g.usdPerAcceleratorHourLow()))
                    .append("–")
                    .append(usdPerHour(g.usdPerAcceleratorHourHigh()))
                    .append(" USD/accelerator-h"));
    return sb.toString();
  }

  private static String usdPerHour(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  /** USD with two decimals, e.g. {@code 1.25}; {@value #NONE} for NaN. */
  public static String money(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f", v);
  }

  /** A signed percentage, e.g. {@code +12.5 %}; {@value #NONE} for NaN. */
  public static String percent(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%+.1f %%", v);
  }

  /** The source file's name (not its directory) and the location in it. */
  public static String source(BenchmarkPoint p) {
    URI u = p.provenance().source();
    String path = u.getPath();
    String name = path == null ? u.toString() : path.substring(path.lastIndexOf('/') + 1);
    String loc = p.provenance().location();
    return loc.isEmpty() ? name : name + ":" + loc;
  }
}
