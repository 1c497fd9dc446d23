/** The canonical model and plugin interfaces of Prism; depends on nothing but the JDK. */
module ai.llmd.prism.api {
  // nullness annotations: compile time only, and visible to those who compile against the API
  requires static transitive org.jspecify;

  exports ai.llmd.prism.api;
  exports ai.llmd.prism.spi;

  uses ai.llmd.prism.spi.FormatReader;
  uses ai.llmd.prism.spi.FormatWriter;
  uses ai.llmd.prism.spi.ConnectorProvider;
  uses ai.llmd.prism.spi.ChartRenderer;
}
