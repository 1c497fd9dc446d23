/**
 * Charts as standalone, deterministic SVG, written directly (no AWT, no fonts measured): the same
 * {@link ai.llmd.prism.spi.ChartSpec} always gives the same bytes.
 */
package ai.llmd.prism.charts.svg;
