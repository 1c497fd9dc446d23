package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Writing a command's document to the file {@code -o} names, or to standard output for {@code -}. A
 * target that is one of the inputs is refused, so a slip of the shell never overwrites results.
 */
final class Output {

  private Output() {}

  /**
   * Writes {@code content} to {@code target}; {@code inputs} are the loads the document was made
   * from, whose files (besides the sources on the command line) it must not replace.
   */
  static void write(CommandSpec spec, String target, String content, LoadResult... inputs) {
    if ("-".equals(target)) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(content);
      out.flush();
      return;
    }
    Path path = checked(spec, target, inputs);
    try {
      Files.writeString(path, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("-o " + target + ": could not be written: " + reason(e), e);
    }
  }

  private static Path checked(CommandSpec spec, String target, LoadResult... inputs) {
    if (target.isBlank()) {
      throw usage(spec, "-o needs a file name (or - for standard output)");
    }
    Path path;
    try {
      path = Path.of(target);
    } catch (InvalidPathException e) {
      throw usage(spec, "-o " + target + ": not a valid file name: " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw usage(spec, "-o " + target + ": is a directory; name the file to write");
    }
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw usage(spec, "-o " + target + ": the directory " + dir + " does not exist");
    }
    if (Files.exists(path)) {
      Optional<String> input = sameFile(path, inputFiles(spec, inputs));
      if (input.isPresent()) {
        throw usage(
            spec,
            "-o "
                + target
                + ": is the input "
                + input.get()
                + "; refusing to overwrite it (write the output elsewhere)");
      }
    }
    return path;
  }

  /**
   * The local files the command read: its sources and {@code --baseline} as given, every file a
   * point came from, and every file an error or warning is about.
   */
  private static Set<String> inputFiles(CommandSpec spec, LoadResult... inputs) {
    Set<String> files = new LinkedHashSet<>();
    for (ArgSpec arg : spec.positionalParameters()) {
      arg.stringValues().forEach(files::add);
    }
    OptionSpec baseline = spec.findOption("--baseline");
    if (baseline != null) {
      baseline.stringValues().forEach(files::add);
    }
    for (LoadResult r : inputs) {
      if (r == null) {
        continue;
      }
      for (BenchmarkPoint p : r.points()) {
        URI source = p.provenance().source();
        if ("file".equals(source.getScheme()) && source.getPath() != null) {
          files.add(source.getPath());
        }
      }
      for (Problem p : r.problems()) {
        if (p.severity() != Problem.Severity.INFO) {
          files.add(p.file());
        }
      }
    }
    return files;
  }

  private static Optional<String> sameFile(Path target, Set<String> files) {
    for (String f : files) {
      try {
        Path p = Path.of(f);
        if (Files.exists(p) && Files.isSameFile(p, target)) {
          return Optional.of(f);
        }
      } catch (IOException | InvalidPathException e) {
        // not a local file (a URI, -, a name in an archive): it cannot be the target
      }
    }
    return Optional.empty();
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
