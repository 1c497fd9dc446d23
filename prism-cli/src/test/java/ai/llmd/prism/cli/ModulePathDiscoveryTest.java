package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.cli.modulepath.ModulePathReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins are found on the module path too: the CLI is started as a module, with prism-api as a
 * named module, the rest as automatic modules, and a third-party reader in a jar of its own.
 */
class ModulePathDiscoveryTest {

  static final List<String> MODULES =
      List.of(
          "prism-api-",
          "prism-core-",
          "prism-charts-svg-",
          "jackson-core-",
          "jackson-databind-",
          "jackson-annotations-",
          "jackson-dataformat-yaml-",
          "jackson-dataformat-csv-",
          "snakeyaml-",
          "picocli-");

  @Test
  void aThirdPartyReaderInItsOwnJarIsDiscoveredOnTheModulePath(@TempDir Path dir) throws Exception {
    List<Path> modulePath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = p.getFileName().toString();
      // the CLI's own modules and what they need; the connectors' SDKs are not needed here
      if (Files.isRegularFile(p)
          && name.endsWith(".jar")
          && MODULES.stream().anyMatch(name::startsWith)) {
        modulePath.add(p);
      }
    }
    // In a reactor build the prism modules arrive as class directories: make them jars.
    modulePath.add(jar(dir, "prism-api.jar", classesOf(Metric.class), null, null));
    modulePath.add(
        jar(
            dir,
            "prism-core.jar",
            classesOf(ai.llmd.prism.core.Prism.class),
            "ai.llmd.prism.core",
            null));
    modulePath.add(
        jar(
            dir,
            "prism-cli.jar",
            classesOf(PrismCli.class),
            "ai.llmd.prism.cli",
            "ai/llmd/prism/cli/modulepath"));
    Path plugin = dir.resolve("plugin");
    Path pkg = plugin.resolve("ai/llmd/prism/cli/modulepath");
    Files.createDirectories(pkg);
    Files.copy(
        classesOf(ModulePathReader.class)
            .resolve("ai/llmd/prism/cli/modulepath/ModulePathReader.class"),
        pkg.resolve("ModulePathReader.class"));
    Files.createDirectories(plugin.resolve("META-INF/services"));
    Files.writeString(
        plugin.resolve("META-INF/services/ai.llmd.prism.spi.FormatReader"),
        ModulePathReader.class.getName() + "\n");
    modulePath.add(jar(dir, "third-party-reader.jar", plugin, "com.example.reader", null));

    List<String> distinct = new ArrayList<>();
    for (Path p : modulePath) {
      if (Files.isRegularFile(p)
          && distinct.stream().noneMatch(d -> Path.of(d).getFileName().equals(p.getFileName()))) {
        distinct.add(p.toString());
      }
    }
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "ALL-MODULE-PATH",
                "-p",
                String.join(File.pathSeparator, distinct),
                "-m",
                "ai.llmd.prism.cli/ai.llmd.prism.cli.PrismCli",
                "plugins")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).containsPattern("format +module-path-plugin +\\? +com\\.example\\.reader ");
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static Path classesOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** A jar of {@code classes} (returned as is when already a jar). */
  private static Path jar(Path dir, String name, Path classes, String moduleName, String exclude)
      throws IOException {
    if (Files.isRegularFile(classes)) {
      return classes;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (moduleName != null) {
      manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
    }
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String entry = classes.relativize(f).toString().replace(File.separatorChar, '/');
        if (entry.equals("META-INF/MANIFEST.MF")
            || (exclude != null && entry.startsWith(exclude))) {
          continue;
        }
        jos.putNextEntry(new JarEntry(entry));
        Files.copy(f, jos);
        jos.closeEntry();
      }
    }
    return jar;
  }
}
