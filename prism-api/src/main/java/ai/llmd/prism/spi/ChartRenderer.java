package ai.llmd.prism.spi;

import java.io.IOException;

/** Draws a {@link ChartSpec} in one output format. */
public interface ChartRenderer {

  /** The output format, e.g. {@code svg}; also the file extension. */
  String format();

  /** One line for people: what this draws. */
  String description();

  /** Writes the chart to {@code out}. Same spec, same bytes. */
  void render(ChartSpec spec, Appendable out) throws IOException;
}
