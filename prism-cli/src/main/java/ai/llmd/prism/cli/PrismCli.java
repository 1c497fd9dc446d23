package ai.llmd.prism.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The {@code prism} command: load, normalize, analyse and draw benchmark results. */
@Command(
    name = "prism",
    mixinStandardHelpOptions = true,
    versionProvider = PrismCli.Version.class,
    description = "Unify, normalize and analyse LLM inference benchmark results.",
    subcommands = {
      PointsCommand.class,
      ReportCommand.class,
      ChartCommand.class,
      ValidateCommand.class,
      ResolveCommand.class,
      ParetoCommand.class,
      CostCommand.class,
      BestCommand.class,
      CompareCommand.class,
      PluginsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PrismCli implements Runnable {

  @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--plugin-path",
      paramLabel = "PATH",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Plugin jars, or directories of jars, separated by '${sys:path.separator}'; also"
              + " PRISM_PLUGIN_PATH and ~/.config/prism/plugins/.")
  void pluginPath(String path) {
    PluginPath.set(path);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; 2 for usage errors, as is customary. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    PrismCli root = new PrismCli();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
    cl.setParameterExceptionHandler(
        (e, args1) -> {
          CommandLine c = e.getCommandLine();
          c.getErr()
              .println(
                  c.getCommandSpec().qualifiedName()
                      + ": "
                      + e.getMessage()
                      + " (see "
                      + c.getCommandSpec().qualifiedName()
                      + " --help)");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (root.debug) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine
                .getErr()
                .println("prism: " + message(e) + " (run with --debug for details)");
          }
          return 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Reads the version the build wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = PrismCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
        "prism " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
