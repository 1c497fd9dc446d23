package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.findings.Labels;
import ai.llmd.prism.core.publish.Reproduction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prism reproduce}: what is needed to run a point's configuration again. */
@Command(
    name = "reproduce",
    description = {
      "Write what is needed to re-run a point: an inference-perf config (one stage per load"
          + " level of its configuration), the equivalent `vllm bench serve` and GuideLLM command"
          + " lines, and the llm-d-benchmark scenario fields (model, accelerator, roles with"
          + " replicas and TP/DP/PP/EP).",
      "Only what the sources recorded is written; everything else a re-run needs is listed under"
          + " `unknown`, and every choice made for a tool under `notes`.",
      "Select with --point FILE:LOCATION (as `prism points` shows it) or a configuration key"
          + " (`prism points --json`, or the index of a published store)."
    })
final class ReproduceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--point",
      paramLabel = "SELECTOR",
      description =
          "A point as FILE:LOCATION (its whole configuration is reproduced) or a configuration"
              + " key. Without it the sources must hold exactly one configuration.")
  String point;

  @Option(names = "--json", description = "JSON instead of YAML.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Loaded loaded = Loaded.from(source, filters, err);
    Configuration chosen = null;
    Set<String> keys = new TreeSet<>();
    List<Configuration> configurations = new ArrayList<>(loaded.points().size());
    for (BenchmarkPoint p : loaded.points()) {
      Configuration c = Configuration.of(p);
      configurations.add(c);
      keys.add(c.key());
      if (point != null && (point.equals(c.key()) || point.equals(Labels.source(p)))) {
        chosen = c;
      }
    }
    if (chosen == null && point == null && keys.size() == 1) {
      chosen = configurations.get(0);
    }
    if (chosen == null) {
      // keys quote the sources' names: escaped, so a name cannot start a line of its own
      Escape.line(
          err,
          point == null
              ? "prism reproduce: the sources hold "
                  + keys.size()
                  + " configurations; choose one with --point (FILE:LOCATION or a key):"
              : "prism reproduce: no point or configuration matches '"
                  + point
                  + "'; the keys are:");
      keys.stream().limit(50).forEach(k -> Escape.line(err, "  " + k));
      return PrismCli.USAGE; // the inputs are fine: the selection is the user's to make
    }
    List<BenchmarkPoint> same = new ArrayList<>();
    for (int i = 0; i < configurations.size(); i++) {
      if (configurations.get(i).equals(chosen)) {
        same.add(loaded.points().get(i));
      }
    }
    ObjectNode r = Reproduction.of(same);
    ObjectMapper mapper =
        json
            ? new ObjectMapper()
            : new YAMLMapper(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build());
    out.print(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(r));
    if (json) {
      out.println();
    }
    out.flush();
    return loaded.exitCode();
  }
}
