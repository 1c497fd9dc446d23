/**
 * The plugin interfaces: format readers, source connectors and chart renderers, all discovered with
 * {@link java.util.ServiceLoader}. Nothing is null unless marked {@link
 * org.jspecify.annotations.Nullable}, as in {@link ai.llmd.prism.api}.
 */
@NullMarked
package ai.llmd.prism.spi;

import org.jspecify.annotations.NullMarked;
