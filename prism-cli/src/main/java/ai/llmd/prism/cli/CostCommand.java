package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Metric;
import ai.llmd.prism.api.PricingModel;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.analysis.CostEstimate;
import ai.llmd.prism.core.analysis.CostRanking;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.CostRankings;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism cost}: USD per million tokens at every point, per pricing model. */
@Command(
    name = "cost",
    description = {
      "USD per 1M output and input tokens at every point, per pricing model.",
      "Costs the source states win; others are estimates from the pricing catalog, marked '~',",
      "with the row used ([n] below the table) chosen by docs/pricing.md's policy.",
      "A point without a price says why, never 0.",
      "--ranking: per pricing model, configurations ranked by USD/1M output tokens at their",
      "cheapest point meeting --slo, the benefit %% vs the cheapest, and the cost frontier."
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

  @Option(
      names = "--slo",
      paramLabel = "CONSTRAINTS",
      description =
          "Service-level objective the cheapest configuration and the ranking meet (default:"
              + " ${DEFAULT-VALUE}; '' for none).")
  String slo = Findings.DEFAULT_SLO;

  @Option(
      names = "--ranking",
      description =
          "Rank configurations by cost at the SLO, with the benefit %% vs the cheapest and the"
              + " cost-vs-throughput frontier, instead of costing every point.")
  boolean ranking;

  @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PricingModel> models = Choices.pricingModels(spec, pricing);
    Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
    Findings.Builder b = priceOptions.apply(spec, loaded.findings()).pricing(models);
    try {
      b.slo(slo);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--slo " + e.getMessage());
    }
    Findings findings = b.build();
    if (json) {
      out.println(
          FindingsJson.write(
              findings, ranking ? FindingsJson.Part.COST_RANKINGS : FindingsJson.Part.COSTS));
      out.flush();
      return loaded.exitCode();
    }
    if (ranking) {
      printRanking(out, findings);
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
        row.add(
            money(pc.estimate().perMillion(CostEstimate.Tokens.OUTPUT), mark)
                + note(rowNotes, pc.estimate()));
        row.add(money(pc.estimate().perMillion(CostEstimate.Tokens.INPUT), mark));
      }
      rows.add(row.toArray(String[]::new));
    }
    Table.print(out, rows);
    legend(out, costs.catalogVersion(), rowNotes);
    for (Costs.ForModel m : costs.byModel().values()) {
      for (Costs.NoPrice np : m.noPrice()) {
        out.println(
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

  /** The cost ranking at the SLO and the cost frontier, per pricing model. */
  private static void printRanking(PrintWriter out, Findings findings) {
    CostRankings rankings = findings.costRankings();
    Labels labels = findings.labels();
    List<String> rowNotes = new ArrayList<>();
    out.println(
        "cost ranking at the SLO "
            + (rankings.slo().isEmpty() ? "(none)" : rankings.slo())
            + ": each configuration at its cheapest point meeting it");
    for (CostRankings.ForModel m : rankings.byModel().values()) {
      CostRanking.Ranking r = m.ranking();
      out.println();
      out.println(r.pricingModel().key() + ":");
      if (r.ranked().isEmpty()) {
        out.println("no priced configuration meets the SLO");
      } else {
        List<String[]> rows = new ArrayList<>();
        rows.add(
            new String[] {
              "RANK", "CONFIGURATION", "LOAD", "USD/1M out", "BENEFIT VS CHEAPEST", "SOURCE"
            });
        int rank = 1;
        for (CostRanking.Entry e : r.ranked()) {
          rows.add(
              new String[] {
                Integer.toString(rank++),
                labels.name(e.configuration()),
                e.loadLevel(),
                money(
                        OptionalDouble.of(e.perMillionOutputTokens()),
                        e.cost().estimated() ? "~" : "")
                    + note(rowNotes, e.cost()),
                Labels.number(e.benefitPercent()) + " %",
                Labels.source(e.point())
              });
        }
        Table.print(out, rows);
      }
      if (!r.infeasible().isEmpty()) {
        out.println(r.infeasible().size() + " configurations meet the SLO at no load");
      }
      if (!r.unpriced().isEmpty()) {
        out.println(r.unpriced().size() + " points left out (no price, or an SLO value missing)");
      }
      out.print("cost frontier (" + Labels.unit(rankings.throughput()) + " vs USD/1M out):");
      if (m.frontier().isEmpty()) {
        out.print(" " + Labels.NONE);
      }
      for (CostRanking.FrontierPoint f : m.frontier()) {
        out.print(
            "\n  "
                + labels.name(Configuration.of(f.point()))
                + " @ "
                + Labels.load(f.point())
                + ": "
                + Labels.number(f.throughput())
                + ", "
                + money(
                    OptionalDouble.of(f.perMillionOutputTokens()),
                    f.cost().estimated() ? "~" : ""));
      }
      out.println();
    }
    out.println();
    legend(out, findings.costs().catalogVersion(), rowNotes);
    out.flush();
  }

  /** {@code [n]}: the footnote number of the catalog row an estimate used (none for stated). */
  private static String note(List<String> rowNotes, CostEstimate c) {
    if (c.row() == null) {
      return "";
    }
    String text = Labels.priceRow(c);
    if (!rowNotes.contains(text)) {
      rowNotes.add(text);
    }
    return " [" + (rowNotes.indexOf(text) + 1) + "]";
  }

  private static void legend(PrintWriter out, String catalogVersion, List<String> rowNotes) {
    out.println(
        "~ estimated from the pricing catalog "
            + catalogVersion
            + "; others as stated by the source");
    for (int i = 0; i < rowNotes.size(); i++) {
      out.println("[" + (i + 1) + "] " + rowNotes.get(i));
    }
  }

  private static String money(OptionalDouble v, String mark) {
    return v.isEmpty() ? Labels.NONE : mark + Labels.money(v.getAsDouble());
  }
}
