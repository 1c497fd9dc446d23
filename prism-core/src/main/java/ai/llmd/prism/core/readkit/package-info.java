/**
 * The reader kit for plugins that parse with Jackson, as the built-in readers do (SLF4J's {@code
 * helpers} package is the model): {@link ai.llmd.prism.core.readkit.JsonFields} reads members of a
 * parsed tree and reports each bad one to the {@link ai.llmd.prism.spi.ReadContext} at its JSON
 * pointer. Parsers hardened against hostile input are in {@link ai.llmd.prism.core.formats.Trees}.
 * A published package: it keeps its compatibility like the API.
 *
 * @since 0.2
 */
package ai.llmd.prism.core.readkit;
