package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.publish.IndexEntry;
import ai.llmd.prism.core.publish.Publisher;
import ai.llmd.prism.core.publish.Stores;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prism publish}: validated points into a store, content-addressed, with an index. */
@Command(
    name = "publish",
    description = {
      "Publish the points of SOURCE... to a store: each as an llm-d Benchmark Report v0.2 named by"
          + " the SHA-256 of its bytes (results/<hash>.yaml), so publishing again writes nothing"
          + " new, and one line per report in the store's index.jsonl (configuration key, label,"
          + " provenance, hash, time), updated with conditional writes so that concurrent"
          + " publishers never lose an entry.",
      "Inputs with errors are refused (listed, exit 1) unless --allow-problems.",
      "Read a store back with `prism points STORE` (every command reads a published store through"
          + " its index); review a candidate with `prism compare CANDIDATE --baseline STORE`."
    })
final class PublishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin FilterOptions filters;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URI",
      description = "The store: a directory, file:, s3://bucket/prefix or gs://bucket/prefix.")
  String to;

  @Option(
      names = "--allow-problems",
      description = "Publish the points that were read even when some input had errors.")
  boolean allowProblems;

  @Option(names = "--json", description = "What was published, as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (to.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--to must name a store");
    }
    Loaded loaded = Loaded.from(source, filters, err);
    if (loaded.result().hasErrors() && !allowProblems) {
      long errors =
          loaded.result().problems().stream()
              .filter(p -> p.severity() == Problem.Severity.ERROR)
              .count();
      err.println(
          "prism publish: nothing published: "
              + errors
              + " error"
              + (errors == 1 ? "" : "s")
              + " in the inputs (listed above); fix them, or publish what was read with"
              + " --allow-problems");
      return PrismCli.INPUT_PROBLEMS;
    }
    Stores.Store store;
    try {
      store = Stores.open(to, PluginPath.plugins(), source.connectorConfig());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--to " + e.getMessage());
    }
    Publisher.Result r;
    try (store) {
      r = Publisher.to(store.connector(), store.root()).publish(loaded.points());
    }
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode o = m.createObjectNode();
      o.put("store", store.root().toString());
      o.put("points", loaded.points().size());
      o.put("written", r.written());
      o.put("already_present", r.alreadyPresent());
      o.put("indexed", r.indexed());
      o.put("index_attempts", r.indexAttempts());
      ArrayNode entries = o.putArray("entries");
      for (IndexEntry e : r.entries()) {
        entries.addPOJO(m.readTree(Publisher.line(e)));
      }
      out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    } else {
      out.println(
          "published "
              + loaded.points().size()
              + " point"
              + (loaded.points().size() == 1 ? "" : "s")
              + " to "
              + store.root()
              + ": "
              + r.written()
              + " report"
              + (r.written() == 1 ? "" : "s")
              + " written, "
              + r.alreadyPresent()
              + " already there; "
              + r.indexed()
              + " index entr"
              + (r.indexed() == 1 ? "y" : "ies")
              + " added");
    }
    out.flush();
    return loaded.exitCode();
  }
}
