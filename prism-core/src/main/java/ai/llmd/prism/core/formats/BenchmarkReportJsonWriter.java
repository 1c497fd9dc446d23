package ai.llmd.prism.core.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** A point as an llm-d-benchmark Benchmark Report v0.2 in JSON. */
public final class BenchmarkReportJsonWriter extends BenchmarkReportWriter {

  private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

  @Override
  public String id() {
    return "llmd-br-json";
  }

  @Override
  public String description() {
    return "llm-d-benchmark Benchmark Report v0.2, JSON (one point per report)";
  }

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  ObjectWriter mapper() {
    return JSON;
  }
}
