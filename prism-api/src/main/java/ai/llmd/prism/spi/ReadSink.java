package ai.llmd.prism.spi;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;

/** Receives what a {@link FormatReader} found; implementations are supplied by the library. */
public interface ReadSink {

  /** A point read from the input. */
  void point(BenchmarkPoint point);

  /** Something wrong with the input; reading goes on. */
  void problem(Problem problem);
}
