package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.PluginInfo;
import ai.llmd.prism.core.Plugins;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code prism plugins}: every discovered reader, connector and renderer, and where it came from.
 */
@Command(
    name = "plugins",
    description = "List every installed format reader, connector scheme and chart renderer.")
final class PluginsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Plugins plugins = PluginPath.plugins();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KIND", "ID", "API", "FROM", "DESCRIPTION"});
    for (PluginInfo p : plugins.describe()) {
      String kind =
          switch (p.kind()) {
            case FORMAT_READER -> "format";
            case FORMAT_WRITER -> "writer";
            case CONNECTOR -> "connector";
            case CHART_RENDERER -> "renderer";
          };
      String id = p.kind() == PluginInfo.Kind.CONNECTOR ? p.id() + "://" : p.id();
      String description =
          p.available()
              ? p.description()
              : p.description() + " [unavailable: " + p.unavailableReason() + "]";
      String api = p.apiVersion().isEmpty() ? "?" : p.apiVersion();
      rows.add(new String[] {kind, id, api, p.origin(), description});
    }
    Table.print(out, rows);
    for (Problem problem : plugins.problems()) {
      spec.commandLine().getErr().println(Escape.text(problem.toString()));
    }
    return plugins.problems().isEmpty() ? 0 : 1;
  }
}
