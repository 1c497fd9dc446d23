package ai.llmd.prism.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code prism} command: load, normalize, analyse and draw benchmark results.
 *
 * <p>Exit codes: {@value #OK} success; {@value #INPUT_PROBLEMS} some input had errors (the rest was
 * still used) or an output could not be written; {@value #USAGE} a usage error, before anything was
 * read or written; {@value #REGRESSION} is reserved for "a regression was found".
 */
@Command(
    name = "prism",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = PrismCli.Version.class,
    description = "Unify, normalize and analyse LLM inference benchmark results.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Some input had errors (printed; the rest was used), or the output could not be written.",
      "2:Usage error: an unknown option, a bad value or a missing argument.",
      "3:Reserved: a regression was found (compare --fail-on-regression)."
    },
    subcommands = {
      PointsCommand.class,
      ReportCommand.class,
      ChartCommand.class,
      ValidateCommand.class,
      ResolveCommand.class,
      ParetoCommand.class,
      CostCommand.class,
      EnergyCommand.class,
      BestCommand.class,
      CompareCommand.class,
      FacetsCommand.class,
      RankCommand.class,
      MlperfCommand.class,
      DatasetsCommand.class,
      PublishCommand.class,
      ReproduceCommand.class,
      PluginsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PrismCli implements Callable<Integer> {

  static final int OK = 0;
  static final int INPUT_PROBLEMS = 1;
  static final int USAGE = 2;
  static final int REGRESSION = 3;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of unexpected errors and the libraries' debug logs.")
  boolean debug;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show the libraries' informational logs (default: warnings only).")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--plugin-path",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description =
          "Plugin jars, or directories of jars, separated by '${sys:path.separator}'; also"
              + " PRISM_PLUGIN_PATH and ~/.config/prism/plugins/.")
  void pluginPath(String path) {
    PluginPath.set(path);
  }

  /** Runs the command line for a process: also sets how loud the libraries' logs are. */
  public static void main(String[] args) {
    System.exit(
        run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true));
  }

  /**
   * Runs the command line and returns its exit code, leaving logging alone. Whatever a command
   * prints passes through {@link Escape#writer}, so no input can put control characters on the
   * terminal.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, false);
  }

  private static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, boolean process) {
    PrintWriter out = new PrintWriter(Escape.writer(rawOut), true);
    PrintWriter err = new PrintWriter(Escape.writer(rawErr), true);
    PrismCli root = new PrismCli();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? USAGE : INPUT_PROBLEMS);
    cl.setParameterExceptionHandler(
        (e, given) -> {
          CommandLine c = e.getCommandLine();
          String name = c.getCommandSpec().qualifiedName();
          c.getErr()
              .println(name + ": " + Escape.text(e.getMessage()) + " (see " + name + " --help)");
          c.getErr().flush();
          return USAGE;
        });
    cl.setExecutionStrategy(
        parsed -> {
          if (process) {
            Logging.configure(root.verbose, root.debug);
          }
          if (!helpRequested(parsed)) {
            try {
              OptionChecks.check(parsed);
            } catch (ParameterException e) {
              throw e;
            } catch (RuntimeException e) {
              // a check's own defect still ends in one line (a trace only with --debug)
              throw new CommandLine.ExecutionException(cl, message(e), e);
            }
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (root.debug) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine
                .getErr()
                .println("prism: " + Escape.text(message(e)) + " (run with --debug for details)");
          }
          commandLine.getErr().flush();
          return INPUT_PROBLEMS;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands errors through; what is left of the heap still prints one line
      if (root.debug) {
        e.printStackTrace(err);
      }
      err.println(OUT_OF_MEMORY);
      code = INPUT_PROBLEMS;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** What an exhausted heap tells the user: how much there was and how to give more. */
  static final String OUT_OF_MEMORY =
      "prism: out of memory with a heap of "
          + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB; give the JVM more (PRISM_JAVA_OPTS=-Xmx4g), or load fewer or smaller"
          + " inputs at once";

  /** {@code prism} alone: the usage, on standard error, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  private static boolean helpRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.isUsageHelpRequested() || p.isVersionHelpRequested() || p.commandSpec().helpCommand()) {
        return true;
      }
    }
    return false;
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
