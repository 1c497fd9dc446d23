package ai.llmd.prism.core.formats;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.ReadSink;

/** Reports problems about one file to a sink, so that readers need not repeat its name. */
final class Issues {

  private final ReadSink sink;
  private final String file;

  Issues(ReadSink sink, String file) {
    this.sink = sink;
    this.file = file;
  }

  /** The same sink, for another file (a sibling configuration or report). */
  Issues about(String otherFile) {
    return new Issues(sink, otherFile);
  }

  String file() {
    return file;
  }

  void error(String location, String message) {
    sink.problem(Problem.error(file, location, message));
  }

  void warning(String location, String message) {
    sink.problem(Problem.warning(file, location, message));
  }

  void info(String location, String message) {
    sink.problem(Problem.info(file, location, message));
  }
}
