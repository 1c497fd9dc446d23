/**
 * Analyses over benchmark points, usable without any CLI: Pareto frontiers, cost per token, SLO
 * constrained optima, a faceted catalog, comparisons, MLPerf views ({@link
 * ai.llmd.prism.core.analysis.Mlperf}) and arena quality scores joined by canonical model id
 * ({@link ai.llmd.prism.core.analysis.ArenaScores}). Every per-accelerator value comes from {@link
 * ai.llmd.prism.core.Views}; every metric is optimised in its own direction.
 */
package ai.llmd.prism.core.analysis;
