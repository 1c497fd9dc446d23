package ai.llmd.prism.core.analysis;

import ai.llmd.prism.api.BenchmarkPoint;
import java.util.List;
import java.util.Objects;

/**
 * The points of one configuration (every scenario dimension except the load level), ordered by
 * load: concurrency, then target rate, then stage.
 *
 * @param configuration the configuration
 * @param points the points, in load order
 */
public record Series(Configuration configuration, List<BenchmarkPoint> points) {
  public Series {
    Objects.requireNonNull(configuration, "configuration");
    points = List.copyOf(points);
  }
}
