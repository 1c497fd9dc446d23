package ai.llmd.prism.cli;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.Plugins;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the CLI finds plugin jars besides its own: {@code --plugin-path}, then {@code
 * PRISM_PLUGIN_PATH}, then every jar in {@code ~/.config/prism/plugins/} (or {@code
 * $XDG_CONFIG_HOME/prism/plugins/}). Each entry is a jar or a directory of jars; entries are
 * separated by the platform's path separator.
 */
final class PluginPath {

  private static volatile String option;

  private PluginPath() {}

  /** Set by {@code --plugin-path}, before any command runs. */
  static void set(String value) {
    option = value;
  }

  /**
   * Every plugin: the CLI's own and those on the plugin path, with what went wrong finding them.
   */
  static Plugins plugins() {
    List<Problem> problems = new ArrayList<>();
    List<URL> jars = new ArrayList<>();
    for (String entry : entries()) {
      collect(entry, jars, problems);
    }
    Plugins.Builder builder = Plugins.builder().discover();
    if (!jars.isEmpty()) {
      // the CLI's own loader first, so a plugin jar cannot replace Prism's classes
      builder.discover(
          new URLClassLoader(
              "prism-plugins", jars.toArray(URL[]::new), PluginPath.class.getClassLoader()));
    }
    problems.forEach(builder::problem);
    return builder.build();
  }

  private static List<String> entries() {
    List<String> out = new ArrayList<>();
    for (String list : new String[] {option, System.getenv("PRISM_PLUGIN_PATH")}) {
      if (list != null && !list.isBlank()) {
        for (String e : list.split(File.pathSeparator)) {
          if (!e.isBlank()) {
            out.add(e.strip());
          }
        }
      }
    }
    Path home = configHome().resolve("prism").resolve("plugins");
    if (Files.isDirectory(home)) {
      out.add(home.toString());
    }
    return out;
  }

  private static Path configHome() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".config");
  }

  private static void collect(String entry, List<URL> jars, List<Problem> problems) {
    Path p = Path.of(entry);
    try {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.list(p)) {
          for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
            jars.add(jar.toUri().toURL());
          }
        }
      } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
        jars.add(p.toUri().toURL());
      } else {
        problems.add(
            Problem.error("plugins", entry, "not a jar or a directory of jars on the plugin path"));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error("plugins", entry, "could not be read: " + e.getMessage()));
    }
  }
}
