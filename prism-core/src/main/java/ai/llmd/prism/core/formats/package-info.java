/**
 * The built-in {@link ai.llmd.prism.spi.FormatReader}s, registered through the same service file a
 * third party would use, and the small pieces they share (mappers, unit conversion).
 */
package ai.llmd.prism.core.formats;
