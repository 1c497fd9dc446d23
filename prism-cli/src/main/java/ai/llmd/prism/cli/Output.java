package ai.llmd.prism.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Writing a command's document to a file, or to standard output for {@code -}. */
final class Output {

  private Output() {}

  static void write(CommandSpec spec, String target, String content) throws IOException {
    if ("-".equals(target)) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(content);
      out.flush();
      return;
    }
    Path path = Path.of(target);
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new ParameterException(
          spec.commandLine(), "-o " + target + ": the directory " + dir + " does not exist");
    }
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }
}
