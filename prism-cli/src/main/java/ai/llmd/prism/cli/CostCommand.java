package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Costs;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
      "USD per 1M output and input tokens at every point, per pricing model.",
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
      description = "Pricing models: on-demand, spot, cud-1y, cud-3y (default: all).")
  List<String> pricing = new ArrayList<>();

  @Mixin PriceOptions priceOptions;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PricingModel> models = Choices.pricingModels(spec, pricing);
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings findings = priceOptions.apply(spec, loaded.findings()).pricing(models).build();
    if (json) {
      out.println(FindingsJson.write(findings, FindingsJson.Part.COSTS));
      out.flush();
      return loaded.exitCode();
    }
    Costs costs = findings.costs();
    Labels labels = findings.labels();
    List<String> header = new ArrayList<>(List.of("CONFIGURATION", "LOAD", "OUTPUT TOKENS/S"));
    List<Map<BenchmarkPoint, Costs.PointCost>> byModel = new ArrayList<>();
    for (Costs.ForModel m : costs.byModel().values()) {
      header.add(m.model().key() + " USD/1M out");
      header.add(m.model().key() + " USD/1M in");
      Map<BenchmarkPoint, Costs.PointCost> byPoint = new IdentityHashMap<>();
      m.points().forEach(pc -> byPoint.put(pc.point(), pc));
      byModel.add(byPoint);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(String[]::new));
    List<String> rowNotes = new ArrayList<>();
    for (Costs.PointCost first : costs.byModel().values().iterator().next().points()) {
      BenchmarkPoint p = first.point();
      List<String> row = new ArrayList<>();
      row.add(labels.name(first.configuration()));
      row.add(Labels.load(p));
      row.add(Labels.number(p.metrics().mean(Metric.OUTPUT_THROUGHPUT).orElse(Double.NaN)));
      for (Map<BenchmarkPoint, Costs.PointCost> byPoint : byModel) {
        Costs.PointCost pc = byPoint.get(p);
        if (pc.estimate() == null) {
          row.add("no price");
          row.add("");
          continue;
        }
        String mark = pc.estimate().estimated() ? "~" : "";
        String note = "";
        if (pc.estimate().row() != null) {
          String text = Labels.priceRow(pc.estimate());
          if (!rowNotes.contains(text)) {
            rowNotes.add(text);
          }
          note = " [" + (rowNotes.indexOf(text) + 1) + "]";
        }
        row.add(money(pc.estimate().perMillion(CostEstimate.Tokens.OUTPUT), mark) + note);
        row.add(money(pc.estimate().perMillion(CostEstimate.Tokens.INPUT), mark));
      }
      rows.add(row.toArray(String[]::new));
    }
    Table.print(out, rows);
    Escape.line(
        out,
        "~ estimated from the pricing catalog "
            + costs.catalogVersion()
            + "; others as stated by the source");
    for (int i = 0; i < rowNotes.size(); i++) {
      Escape.line(out, "[" + (i + 1) + "] " + rowNotes.get(i));
    }
    for (Costs.ForModel m : costs.byModel().values()) {
      for (Costs.NoPrice np : m.noPrice()) {
        Escape.line(
            out,
            m.model().key()
                + ": "
                + np.points().size()
                + (np.points().size() == 1 ? " point, " : " points, ")
                + np.reason());
      }
    }
    out.flush();
    return loaded.exitCode();
  }

  private static String money(OptionalDouble v, String mark) {
    return v.isEmpty() ? Labels.NONE : mark + Labels.money(v.getAsDouble());
  }
}
