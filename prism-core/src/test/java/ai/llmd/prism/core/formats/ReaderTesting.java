package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.LoadOptions;
import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.spi.FormatReader;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Loads inputs through the facade with one reader, as users do. */
final class ReaderTesting {

  private ReaderTesting() {}

  static LoadResult load(FormatReader reader, Path path) {
    return Prism.of(Plugins.builder().reader(reader).build(), LoadOptions.defaults()).load(path);
  }

  static LoadResult load(FormatReader reader, String name, byte[] content) {
    return Prism.of(Plugins.builder().reader(reader).build(), LoadOptions.defaults())
        .read(name, new ByteArrayInputStream(content));
  }

  /** Reads with {@code reader} forced, skipping detection. */
  static LoadResult forced(FormatReader reader, String name, byte[] content) {
    return Prism.of(
            Plugins.builder().reader(reader).build(),
            LoadOptions.defaults().withFormat(reader.id()))
        .read(name, new ByteArrayInputStream(content));
  }

  /** Sniffs with every discovered reader, as {@code Prism.create()} does. */
  static LoadResult sniffed(Path path) {
    return Prism.create().load(path);
  }

  static Path resource(String relative) {
    try {
      return Path.of(ReaderTesting.class.getResource("/formats/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Problem> errors(LoadResult r) {
    return r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }
}
