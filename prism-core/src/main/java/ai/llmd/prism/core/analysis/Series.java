package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.List;
import java.util.Objects;

/**
 * The points of one configuration (every scenario dimension except the load level), ordered by
 * load: concurrency, then target rate, then stage.
 *
 * @param configuration the configuration key, stable readable text (e.g. {@code llama-3.1-70b |
 *     accelerator=H100 | count=16 | engine=vLLM | roles=1PTP8 1DTP8 | isl=~8k | osl=~1k})
 * @param points the points, in load order
 */
public record Series(String configuration, List<BenchmarkPoint> points) {
  public Series {
    Objects.requireNonNull(configuration, "configuration");
    points = List.copyOf(points);
  }
}
