package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostEstimator;
import ai.llmd.prism.core.analysis.PriceRow;
import ai.llmd.prism.core.analysis.PricingCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism cost}: USD per million tokens at every point, per pricing model. */
@Command(
    name = "cost",
    description = {
      "USD per 1M output, input and total tokens at every point, per pricing model.",
      "Costs the source states win; others are estimates from the pricing catalog, marked '~',",
      "with the row used ([n] below the table) chosen by docs/pricing.md's policy.",
      "A point without a price says why, never 0."
    })
final class CostCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--pricing",
      paramLabel = "MODEL",
      split = ",",
      description = "on-demand, spot, cud-1y, cud-3y (default: all).")
  List<String> pricing = new ArrayList<>();

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A pricing catalog (JSON/YAML) whose rows override the built-in ones.")
  Path prices;

  @Option(
      names = "--ratio",
      paramLabel = "R",
      description = "Output:input token cost ratio (default: ${DEFAULT-VALUE}).")
  double ratio = CostEstimator.DEFAULT_OUTPUT_INPUT_RATIO;

  @Mixin PriceOptions priceOptions;

  @Option(names = "--json", description = "JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<PricingModel> models = pricingModels(spec, pricing);
    PricingCatalog catalog = PricingCatalog.builtIn();
    if (prices != null) {
      catalog = catalog.overriddenBy(PricingCatalog.load(prices));
    }
    CostEstimator costs = priceOptions.apply(CostEstimator.of(catalog).withOutputInputRatio(ratio));
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    if (json) {
      ArrayNode root = Json.MAPPER.createArrayNode();
      for (BenchmarkPoint p : loaded.points()) {
        ObjectNode n = Json.point(p);
        ObjectNode byModel = n.putObject("costs");
        for (PricingModel m : models) {
          Optional<CostEstimate> c = costs.estimate(p, m);
          ObjectNode e = byModel.putObject(m.key());
          if (c.isEmpty()) {
            e.putNull("perMillionOutputTokens");
            e.put("noPrice", costs.whyNoPrice(p, m).orElse("no price"));
            continue;
          }
          e.put("unit", "USD/1M tokens");
          put(e, "perMillionOutputTokens", c.get().perMillion(CostEstimate.Tokens.OUTPUT));
          put(e, "perMillionInputTokens", c.get().perMillion(CostEstimate.Tokens.INPUT));
          put(e, "perMillionTotalTokens", c.get().perMillion(CostEstimate.Tokens.TOTAL));
          e.put("estimated", c.get().estimated());
          e.put("basis", c.get().basis());
          putRow(e, c.get());
        }
        root.add(n);
      }
      Json.print(out, root);
      return loaded.exitCode();
    }
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("CONFIGURATION", "LOAD", "OUT tok/s"));
    for (PricingModel m : models) {
      header.add(m.key() + " $/1M out");
      header.add(m.key() + " $/1M in");
    }
    rows.add(header.toArray(String[]::new));
    List<String> reasons = new ArrayList<>();
    List<String> rowNotes = new ArrayList<>();
    for (BenchmarkPoint p : loaded.points()) {
      List<String> row = new ArrayList<>();
      row.add(Describe.configuration(p));
      row.add(Describe.load(p));
      row.add(Format.number(p.metrics().mean(Metric.OUTPUT_THROUGHPUT)));
      for (PricingModel m : models) {
        Optional<CostEstimate> c = costs.estimate(p, m);
        if (c.isEmpty()) {
          row.add("no price");
          row.add("");
          costs
              .whyNoPrice(p, m)
              .ifPresent(
                  w ->
                      reasons.add(
                          Describe.configuration(p)
                              + ", "
                              + m.key()
                              + ": "
                              + w.replaceFirst("^no price: ", "")));
          continue;
        }
        String mark = c.get().estimated() ? "~" : "";
        String note = "";
        if (c.get().row() != null) {
          String text = rowNote(c.get());
          if (!rowNotes.contains(text)) {
            rowNotes.add(text);
          }
          note = " [" + (rowNotes.indexOf(text) + 1) + "]";
        }
        row.add(money(c.get().perMillion(CostEstimate.Tokens.OUTPUT), mark) + note);
        row.add(money(c.get().perMillion(CostEstimate.Tokens.INPUT), mark));
      }
      rows.add(row.toArray(String[]::new));
    }
    Table.print(out, rows);
    out.println(
        "~ estimated from the pricing catalog "
            + catalog.version()
            + " with profile "
            + costs.profile().describe()
            + "; others as stated by the source");
    for (int i = 0; i < rowNotes.size(); i++) {
      out.println("[" + (i + 1) + "] " + rowNotes.get(i));
    }
    reasons.stream().distinct().limit(20).forEach(r -> out.println("no price: " + r));
    out.flush();
    return loaded.exitCode();
  }

  static List<PricingModel> pricingModels(CommandSpec spec, List<String> keys) {
    if (keys.isEmpty()) {
      return Arrays.asList(PricingModel.values());
    }
    List<PricingModel> out = new ArrayList<>();
    for (String k : keys) {
      out.add(
          PricingModel.byKey(k)
              .orElseThrow(
                  () ->
                      new picocli.CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown pricing model '" + k + "' (on-demand, spot, cud-1y, cud-3y)")));
    }
    return out;
  }

  /** The row an estimate used, why, and the spread across every row that could have priced it. */
  private static String rowNote(CostEstimate c) {
    PriceRow r = c.row();
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
            .append(usd(r.usdPerAcceleratorHour()))
            .append(" USD/accelerator-h; chosen by ")
            .append(c.selection());
    c.priceRange()
        .filter(g -> g.rows() > 1)
        .ifPresent(
            g ->
                sb.append("; range over ")
                    .append(g.rows())
                    .append(" rows ")
                    .append(usd(g.usdPerAcceleratorHourLow()))
                    .append("–")
                    .append(usd(g.usdPerAcceleratorHourHigh()))
                    .append(" USD/accelerator-h"));
    return sb.toString();
  }

  private static String usd(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  /** The catalog row, the reason it was chosen and the range, as JSON members. */
  private static void putRow(ObjectNode e, CostEstimate c) {
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

  private static String money(OptionalDouble v, String mark) {
    return v.isEmpty() ? "-" : mark + String.format(java.util.Locale.ROOT, "%.2f", v.getAsDouble());
  }

  private static void put(ObjectNode n, String field, OptionalDouble v) {
    if (v.isPresent()) {
      n.put(field, v.getAsDouble());
    } else {
      n.putNull(field);
    }
  }
}
