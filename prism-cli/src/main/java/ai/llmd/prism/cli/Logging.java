package ai.llmd.prism.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How loud the libraries under the CLI are. SLF4J goes to slf4j-simple (the AWS SDK logs through
 * it), java.util.logging stays the JDK's (the Google clients log through it); both print warnings
 * and errors on standard error, {@code --verbose} adds information and {@code --debug} everything.
 *
 * <p>slf4j-simple reads its level once, when the first logger is made, so this runs before any
 * command; the defaults are in {@code simplelogger.properties}, and an explicit {@code
 * -Dorg.slf4j.simpleLogger.defaultLogLevel} still wins.
 */
final class Logging {

  static final String SIMPLE_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Logging() {}

  static void configure(boolean verbose, boolean debug) {
    if (!debug && !verbose) {
      set(Level.WARNING);
      return;
    }
    if (System.getProperty(SIMPLE_LEVEL) == null) {
      System.setProperty(SIMPLE_LEVEL, debug ? "debug" : "info");
    }
    set(debug ? Level.FINE : Level.INFO);
  }

  private static void set(Level level) {
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    for (var handler : root.getHandlers()) {
      handler.setLevel(level);
    }
  }
}
