/**
 * Findings: every answer the outputs show, computed once from a load and typed, independent of any
 * output format. {@link ai.llmd.prism.core.findings.Findings} is built from a {@code LoadResult}
 * plus options (baseline, SLO, latency targets, pricing choices) and hands out sources and
 * problems, SLO winners, Pareto frontiers with knees, costs per pricing model, P/D vs aggregated
 * groups, regressions, facet counts, rankings and MLPerf views. {@link
 * ai.llmd.prism.core.findings.Labels} is the one vocabulary of labels and units the CLI and the
 * report render them with. The analyses themselves live in {@code core.analysis}; this package
 * depends on it, never the other way round, which is why {@code Configuration} lives there.
 */
package ai.llmd.prism.core.findings;
