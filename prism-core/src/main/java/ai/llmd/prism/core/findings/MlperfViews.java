package ai.llmd.prism.core.findings;

import ai.llmd.prism.api.Metric;
import ai.llmd.prism.core.analysis.Mlperf;
import ai.llmd.prism.core.analysis.Ranking;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The MLPerf Inference views over the points the {@code mlperf} reader produced.
 *
 * @param mlperfPoints how many points came from the {@code mlperf} reader
 * @param perAccelerator per declared metric (output throughput, request rate): results per
 *     accelerator ranked per round, benchmark and scenario
 * @param degradation the drop from Offline to Server and Interactive per system
 * @param rounds systems across rounds
 */
public record MlperfViews(
    int mlperfPoints,
    Map<Metric, Ranking<Mlperf.Group>> perAccelerator,
    Mlperf.DegradationReport degradation,
    Mlperf.RoundReport rounds) {

  public MlperfViews {
    perAccelerator = Collections.unmodifiableMap(new LinkedHashMap<>(perAccelerator));
    Objects.requireNonNull(degradation, "degradation");
    Objects.requireNonNull(rounds, "rounds");
  }
}
