package ai.llmd.prism.core;

import java.util.Objects;

/**
 * One installed plugin, as {@code prism plugins} lists it.
 *
 * @param kind what sort of plugin it is
 * @param id the reader id, connector scheme or renderer format
 * @param description what it does
 * @param implementation the implementing class
 * @param origin the module or jar it came from
 * @param available whether it can be used in this JVM
 * @param unavailableReason why not, when it cannot; empty otherwise
 * @param apiVersion the plugin API version it was built for; empty when it does not say
 */
public record PluginInfo(
    Kind kind,
    String id,
    String description,
    String implementation,
    String origin,
    boolean available,
    String unavailableReason,
    String apiVersion) {

  /** The plugin interfaces. */
  public enum Kind {
    FORMAT_READER,
    FORMAT_WRITER,
    CONNECTOR,
    CHART_RENDERER
  }

  public PluginInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(unavailableReason, "unavailableReason");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }
}
