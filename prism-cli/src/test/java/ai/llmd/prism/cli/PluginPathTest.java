package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plugin-path}: readers from jars the CLI was not built with. */
class PluginPathTest {

  @TempDir static Path dir;
  static Path good;
  static Path future;

  @BeforeAll
  static void buildPluginJars() throws Exception {
    good = pluginJar("good", "PathReader", "path-plugin", "ai.llmd.prism.spi.PluginApi.VERSION");
    future = pluginJar("future", "FutureReader", "future-plugin", "\"0.99\"");
  }

  /** Compiles a reader that claims {@code id} and {@code version}, and jars it with its service. */
  static Path pluginJar(String name, String cls, String id, String version) throws Exception {
    Path src = dir.resolve(name + "-src/com/example/plug/" + cls + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        "package com.example.plug;\n"
            + "import ai.llmd.prism.spi.*;\n"
            + "public final class "
            + cls
            + " implements FormatReader {\n"
            + "  public String id() { return \""
            + id
            + "\"; }\n"
            + "  public String requestedApiVersion() { return "
            + version
            + "; }\n"
            + "  public String description() { return \"a reader from the plugin path\"; }\n"
            + "  public Detection detect(Sniff s) { return Detection.NO; }\n"
            + "  public void read(SourceFile f, ReadSink s) {}\n"
            + "}\n");
    Path classes = dir.resolve(name + "-classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-cp",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            src.toString());
    assertThat(rc).isZero();
    Path services = classes.resolve("META-INF/services/ai.llmd.prism.spi.FormatReader");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "com.example.plug." + cls + "\n");
    Path jar = dir.resolve(name + "-plugin.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jos.putNextEntry(
            new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, jos);
        jos.closeEntry();
      }
    }
    return jar;
  }

  private static String[] run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        PrismCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    PluginPath.set(null);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aReaderInAJarOnThePluginPathIsListedWithTheJarItCameFrom() {
    String[] r = run(List.of("plugins", "--plugin-path", good.toString()));

    assertThat(r[1]).containsPattern("format +path-plugin +0\\.2 +good-plugin\\.jar ");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
  }

  @Test
  void aDirectoryOfJarsWorksToo() {
    String[] r = run(List.of("plugins", "--plugin-path", good.getParent().toString()));

    assertThat(r[1]).contains("path-plugin");
  }

  @Test
  void aPluginBuiltForAnotherApiIsSkippedAndSaysWhy() {
    String[] r = run(List.of("plugins", "--plugin-path", future.toString()));

    assertThat(r[1]).doesNotContain("future-plugin");
    assertThat(r[2]).contains("future-plugin", "plugin API 0.99");
    assertThat(r[0]).isEqualTo("1");
  }

  @Test
  void anEntryThatIsNotAJarIsReported() {
    String[] r = run(List.of("plugins", "--plugin-path", dir.resolve("nothing.txt").toString()));

    assertThat(r[2]).contains("nothing.txt", "not a jar");
    assertThat(r[0]).isEqualTo("1");
  }
}
