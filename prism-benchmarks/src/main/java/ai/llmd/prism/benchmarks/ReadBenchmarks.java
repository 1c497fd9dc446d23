package ai.llmd.prism.benchmarks;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.ReadSink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.openjdk.jmh.infra.Blackhole;

/** What every reader benchmark shares: the token-scan ceiling and a sink that keeps nothing. */
final class ReadBenchmarks {

  private ReadBenchmarks() {}

  /** The ceiling a reader is measured against: every token of the bytes, nothing built. */
  static int jacksonTokens(JsonFactory factory, byte[] content) throws IOException {
    int n = 0;
    try (JsonParser p = factory.createParser(content)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }

  /** A sink that hands every point and problem to the blackhole. */
  static ReadSink into(Blackhole bh) {
    return new ReadSink() {
      @Override
      public void point(BenchmarkPoint point) {
        bh.consume(point);
      }

      @Override
      public void problem(Problem problem) {
        bh.consume(problem);
      }
    };
  }
}
