package ai.llmd.prism.cli;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Ranking;
import ai.llmd.prism.core.export.FindingsJson;
import ai.llmd.prism.core.findings.Findings;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.findings.MlperfViews;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism mlperf}: the MLPerf Inference views over results the mlperf reader read. */
@Command(
    name = "mlperf",
    description = "MLPerf Inference views: per accelerator, Offline→Server degradation, rounds.",
    subcommands = {
      MlperfCommand.Accelerators.class,
      MlperfCommand.Degradation.class,
      MlperfCommand.Rounds.class
    })
final class MlperfCommand {

  private MlperfCommand() {}

  /** What every MLPerf view takes. */
  abstract static class View implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SourceOptions source;

    @Mixin FilterOptions filters;

    @Option(names = "--json", description = "JSON (docs/json-format.md) instead of a table.")
    boolean json;

    int top = Findings.DEFAULT_TOP;

    abstract FindingsJson.Part part();

    abstract void print(PrintWriter out, MlperfViews v);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Loaded loaded = Loaded.from(source, filters, spec.commandLine().getErr());
      Findings findings =
          loaded
              .findings()
              .ranking(Findings.DEFAULT_OBJECTIVE, ai.llmd.prism.core.analysis.Facet.MODEL, top)
              .build();
      if (json) {
        out.println(FindingsJson.write(findings, part()));
      } else {
        MlperfViews v = findings.mlperf();
        if (v.mlperfPoints() == 0) {
          out.println("no MLPerf results among the sources");
        } else {
          print(out, v);
        }
      }
      out.flush();
      return loaded.exitCode();
    }

    static String unmatched(int n) {
      return n + (n == 1 ? " result" : " results") + " could not be paired (see --json for why)";
    }
  }

  /** {@code prism mlperf accelerators}. */
  @Command(
      name = "accelerators",
      description =
          "Results divided by each system's accelerator count, the best per round, benchmark and"
              + " scenario.")
  static final class Accelerators extends View {
    @Option(
        names = "--top",
        paramLabel = "N",
        description = "Systems per round, benchmark and scenario (default: 10).")
    void setTop(int n) {
      if (n < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--top " + n + ": must be at least 1");
      }
      top = n;
    }

    @Override
    FindingsJson.Part part() {
      return FindingsJson.Part.MLPERF_ACCELERATORS;
    }

    @Override
    void print(PrintWriter out, MlperfViews v) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "ROUND", "BENCHMARK", "SCENARIO", "RANK", "SYSTEM", "ACCELERATOR", "VALUE", "UNIT"
          });
      for (Map.Entry<Metric, Ranking<Mlperf.Group>> e : v.perAccelerator().entrySet()) {
        String unit = Labels.unit(e.getValue().measure());
        e.getValue()
            .groups()
            .forEach(
                (g, entries) -> {
                  for (Ranking.Entry en : entries) {
                    var acc = en.point().deployment().accelerator();
                    rows.add(
                        new String[] {
                          g.round(),
                          g.benchmark(),
                          g.scenario(),
                          Integer.toString(en.rank()),
                          en.configuration(),
                          acc == null ? Labels.NONE : acc.name(),
                          Labels.number(en.value()),
                          unit
                        });
                  }
                });
      }
      Table.print(out, rows);
    }
  }

  /** {@code prism mlperf degradation}. */
  @Command(
      name = "degradation",
      description = "Each system's drop from its Offline result to Server and Interactive.")
  static final class Degradation extends View {
    @Override
    FindingsJson.Part part() {
      return FindingsJson.Part.MLPERF_DEGRADATION;
    }

    @Override
    void print(PrintWriter out, MlperfViews v) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"SYSTEM", "BENCHMARK", "SCENARIO", "OFFLINE", "OTHER", "UNIT", "DROP"});
      for (Mlperf.Degradation d : v.degradation().drops()) {
        rows.add(
            new String[] {
              d.system(),
              d.benchmark(),
              d.scenario(),
              Labels.number(d.offline().metrics().mean(d.metric()).orElse(Double.NaN)),
              Labels.number(d.other().metrics().mean(d.metric()).orElse(Double.NaN)),
              d.metric().unit().symbol(),
              Labels.percent(d.dropPercent())
            });
      }
      Table.print(out, rows);
      if (!v.degradation().unmatched().isEmpty()) {
        out.println(unmatched(v.degradation().unmatched().size()));
      }
    }
  }

  /** {@code prism mlperf rounds}. */
  @Command(
      name = "rounds",
      description = "The same system on the same benchmark and scenario across MLPerf rounds.")
  static final class Rounds extends View {
    @Override
    FindingsJson.Part part() {
      return FindingsJson.Part.MLPERF_ROUNDS;
    }

    @Override
    void print(PrintWriter out, MlperfViews v) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "SYSTEM", "ACCELERATOR", "BENCHMARK", "SCENARIO", "FROM", "TO", "UNIT", "CHANGE"
          });
      for (Mlperf.Track t : v.rounds().tracks()) {
        for (Mlperf.Step s : t.steps()) {
          rows.add(
              new String[] {
                t.organization() + " / " + t.system(),
                t.accelerator() + " ×" + t.accelerators(),
                t.benchmark(),
                t.scenario(),
                s.fromRound()
                    + ": "
                    + Labels.number(s.from().metrics().mean(t.metric()).orElse(Double.NaN)),
                s.toRound()
                    + ": "
                    + Labels.number(s.to().metrics().mean(t.metric()).orElse(Double.NaN)),
                t.metric().unit().symbol(),
                Labels.percent(s.changePercent())
              });
        }
      }
      Table.print(out, rows);
      if (!v.rounds().unmatched().isEmpty()) {
        out.println(unmatched(v.rounds().unmatched().size()));
      }
    }
  }
}
