package ai.llmd.prism.core.formats;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** A point as an llm-d-benchmark Benchmark Report v0.2 in YAML, as llm-d-benchmark writes it. */
public final class BenchmarkReportYamlWriter extends BenchmarkReportWriter {

  private static final ObjectWriter YAML =
      new YAMLMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // text that looks like a number stays text ("1749570583.5714512", "0.10")
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .writer();

  @Override
  public String id() {
    return "llmd-br-yaml";
  }

  @Override
  public String description() {
    return "llm-d-benchmark Benchmark Report v0.2, YAML (one point per report)";
  }

  @Override
  public String fileExtension() {
    return "yaml";
  }

  @Override
  ObjectWriter mapper() {
    return YAML;
  }
}
