package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;

/**
 * Provides the {@code gs://bucket/prefix} connector for Google Cloud Storage.
 *
 * <p>Configuration keys (all optional): {@code gcs.host} (else the {@code STORAGE_EMULATOR_HOST}
 * environment variable, which the Google client itself ignores); {@code gcs.anonymous=true} for
 * public buckets (the default when a host is overridden), otherwise Application Default
 * Credentials; {@code gcs.project}; {@code gcs.pageSize}; {@code gcs.maxAttempts} and {@code
 * gcs.initialRetryDelay} for retries.
 *
 * <p>Holds no Google type in a field or signature, so that discovery works without the client and
 * {@link #availability()} can say what is missing.
 */
public final class GcsConnectorProvider implements ConnectorProvider {

  static final String SDK_CLASS = "com.google.cloud.storage.StorageOptions";

  /** Used by {@link java.util.ServiceLoader}. */
  public GcsConnectorProvider() {}

  @Override
  public String scheme() {
    return "gs";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "Google Cloud Storage (gs://bucket/prefix)";
  }

  @Override
  public Availability availability() {
    try {
      Class.forName(SDK_CLASS, false, GcsConnectorProvider.class.getClassLoader());
      return Availability.AVAILABLE;
    } catch (ClassNotFoundException | LinkageError e) {
      return Availability.unavailable(
          "google-cloud-storage is not on the class path ("
              + SDK_CLASS
              + " is missing); add com.google.cloud:google-cloud-storage");
    }
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return GcsSourceConnector.create(config, System::getenv);
  }
}
