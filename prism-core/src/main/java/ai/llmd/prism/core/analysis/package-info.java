/**
 * Analyses over benchmark points, usable without any CLI: Pareto frontiers, cost per token, SLO
 * constrained optima, a faceted catalog and comparisons. Every per-accelerator value comes from
 * {@link ai.llmd.prism.core.Views}; every metric is optimised in its own direction.
 */
package ai.llmd.prism.core.analysis;
