package ai.llmd.prism.spi;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;

/** The {@link ReadContext} that {@link ReadContext#of} puts around a plain sink. */
record SinkReadContext(SourceFile file, ReadSink sink, ReadLimits limits) implements ReadContext {

  @Override
  public void point(BenchmarkPoint point) {
    sink.point(point);
  }

  @Override
  public void problem(Problem problem) {
    sink.problem(problem);
  }
}
