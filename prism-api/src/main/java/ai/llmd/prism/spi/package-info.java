/**
 * The plugin interfaces: format readers, source connectors and chart renderers, all discovered with
 * {@link java.util.ServiceLoader}.
 */
package ai.llmd.prism.spi;
