package ai.llmd.prism.cli;

import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.analysis.Constraint;
import ai.llmd.prism.core.analysis.Measure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks option values before any command runs, so that a bad value is a usage error (exit 2)
 * naming the option, whichever command it was given to, and nothing has been read or written yet.
 * An option name means one thing in every command, so the checks are keyed by name.
 */
final class OptionChecks {

  private static final Pattern PD_RATIO = Pattern.compile("[1-9][0-9]{0,5}:[1-9][0-9]{0,5}");
  private static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+");

  /** The most files read at once: more threads only cost memory. */
  static final int MAX_THREADS = 256;

  private static final Map<String, Consumer<Object>> CHECKS =
      Map.ofEntries(
          Map.entry("--threads", v -> between((Integer) v, 1, MAX_THREADS)),
          Map.entry("--format", v -> knownFormat((String) v)),
          Map.entry("--config", v -> ((Map<?, ?>) v).keySet().forEach(OptionChecks::configKey)),
          Map.entry("--tp", v -> each(v, t -> positiveInteger((String) t))),
          Map.entry("--pd-ratio", v -> each(v, r -> pdRatio((String) r))),
          Map.entry("--isl", v -> positive((Double) v)),
          Map.entry("--osl", v -> positive((Double) v)),
          Map.entry("--maximize", v -> Measure.parse((String) v)),
          Map.entry("--minimize", v -> Measure.parse((String) v)),
          Map.entry("--measure", v -> each(v, m -> Measure.parse((String) m))),
          Map.entry("--throughput", v -> Measure.parse((String) v)),
          Map.entry("--latency", v -> Measure.parse((String) v)),
          Map.entry("--slo", v -> Constraint.parseAll((String) v)),
          Map.entry("--targets", v -> each(v, t -> positive((Double) t))),
          Map.entry("--band", v -> nonNegative((Double) v)),
          Map.entry("--ratio", v -> positive((Double) v)),
          Map.entry("--top", v -> between((Integer) v, 0, Integer.MAX_VALUE)),
          Map.entry("--output", v -> outputName((String) v)),
          // files the command reads besides its sources (--pricing is a file only in report)
          Map.entry("--registry", v -> readableFile((Path) v)),
          Map.entry("--prices", v -> readableFile((Path) v)),
          Map.entry("--pricing", v -> readableFile(v instanceof Path p ? p : null)));

  private OptionChecks() {}

  /** Throws a {@link ParameterException} for the first matched option whose value is bad. */
  static void check(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec option : p.matchedOptions()) {
        // by any of its names: an alias must not slip past its option's check
        Consumer<Object> check = null;
        for (String name : option.names()) {
          check = check != null ? check : CHECKS.get(name);
        }
        Object value = option.getValue();
        if (check == null || value == null) {
          continue;
        }
        try {
          check.accept(value);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(
              p.commandSpec().commandLine(),
              option.shortestName() + " " + quoted(option, e.getMessage()) + e.getMessage(),
              e,
              option,
              null);
        }
      }
    }
  }

  /** The value as given, unless the message already quotes it. */
  private static String quoted(OptionSpec option, String message) {
    String given = String.join(",", option.originalStringValues());
    return message != null && message.contains("'" + given + "'") ? "" : "'" + given + "': ";
  }

  /** Checks every value of a repeatable option, or the one value of a single-valued one. */
  private static void each(Object values, Consumer<Object> check) {
    if (values instanceof Collection<?> all) {
      all.forEach(check);
    } else {
      check.accept(values);
    }
  }

  private static void between(int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          max == Integer.MAX_VALUE
              ? "must be at least " + min
              : "must be from " + min + " to " + max);
    }
  }

  private static void positive(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("must be a positive finite number");
    }
  }

  private static void nonNegative(double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("must be zero or a positive finite number");
    }
  }

  private static void positiveInteger(String s) {
    try {
      between(Integer.parseInt(s.strip()), 1, Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a positive integer", e);
    }
  }

  private static void pdRatio(String s) {
    if (!PD_RATIO.matcher(s.strip()).matches()) {
      throw new IllegalArgumentException(
          "'" + s + "' is not P:D, the prefill and decode replica counts (e.g. 1:3)");
    }
  }

  private static void configKey(Object key) {
    String k = (String) key;
    if (!CONFIG_KEY.matcher(k).matches()) {
      throw new IllegalArgumentException(
          "'" + k + "' is not a dotted key such as s3.endpoint or gcs.anonymous");
    }
  }

  private static void readableFile(Path file) {
    if (file == null) {
      return;
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("not readable (permission denied)");
    }
  }

  private static void outputName(String target) {
    if (target.isBlank()) {
      throw new IllegalArgumentException("needs a file name (or - for standard output)");
    }
    if (!"-".equals(target) && Files.isDirectory(Path.of(target))) {
      throw new IllegalArgumentException("is a directory; name the file to write");
    }
  }

  private static void knownFormat(String id) {
    Plugins plugins = PluginPath.plugins();
    if (plugins.reader(id).isEmpty()) {
      List<String> ids =
          plugins.describe().stream()
              .filter(p -> p.kind() == ai.llmd.prism.core.PluginInfo.Kind.FORMAT_READER)
              .map(ai.llmd.prism.core.PluginInfo::id)
              .sorted()
              .toList();
      throw new IllegalArgumentException("no such format; installed: " + ids);
    }
  }
}
