package ai.llmd.prism.testkit;

import ai.llmd.prism.core.formats.BenchmarkReportReader;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The built-in llm-d benchmark report reader held to the kit's reader contract. */
class BenchmarkReportReaderContractTest extends FormatReaderContract {

  @Override
  protected FormatReader reader() {
    return new BenchmarkReportReader();
  }

  @Override
  protected SourceFile sample() {
    Path p =
        Fixtures.repositoryRoot()
            .orElseThrow()
            .resolve("examples/llm-d/h100-aggregated-4x-tp2/concurrency-064.yaml");
    try {
      return SourceFiles.named("concurrency-064.yaml")
          .uri(p.toUri())
          .content(Files.readAllBytes(p))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Map<String, Double> expectedFirstPoint() {
    // the file says 0.2484 s and 31.36 ms/token
    return Map.of("ttft.p90", 248.4, "tpot.p90", 31.36);
  }
}
