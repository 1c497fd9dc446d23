/**
 * The report: one self-contained, interactive HTML file about a load, written by {@link
 * ai.llmd.prism.report.HtmlReport}; charts are drawn by the renderer {@link
 * ai.llmd.prism.core.Plugins} has for the chart format.
 */
package ai.llmd.prism.report;
