package ai.llmd.prism.connector.gdrive;

import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;

/**
 * Provides the {@code gdrive://} connector for Google Drive: {@code gdrive://folder/<id>} lists a
 * folder recursively, {@code gdrive://folder/<id>/a/b.json} a path below it, {@code
 * gdrive://file/<id>} one file. A Google Sheet becomes one CSV per tab, named {@code
 * <title>/<tab>.csv}.
 *
 * <p>Credentials, first that applies: {@code gdrive.apiKey} (public files only), {@code
 * gdrive.credentials} (a service-account or other credentials JSON file), {@code
 * gdrive.anonymous=true} (no credentials at all), else Application Default Credentials. Other keys
 * (all optional): {@code gdrive.rootUrl} and {@code gdrive.sheetsRootUrl}, {@code gdrive.pageSize}
 * (1 to 1000, default 1000), {@code gdrive.timeout} (one request), and retrying of 429, 5xx and
 * rate-limit 403 answers: {@code gdrive.maxAttempts} (default 5), {@code gdrive.retryDelay} and
 * {@code gdrive.deadline}.
 *
 * <p>Holds no Google type in a field or signature, so that discovery works without the client and
 * {@link #availability()} can say what is missing.
 */
public final class GdriveConnectorProvider implements ConnectorProvider {

  static final String SDK_CLASS = "com.google.api.services.drive.Drive";

  /** Used by {@link java.util.ServiceLoader}. */
  public GdriveConnectorProvider() {}

  @Override
  public String scheme() {
    return "gdrive";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "Google Drive folders and files; Sheets as CSV per tab (gdrive://folder/<id>)";
  }

  @Override
  public Availability availability() {
    try {
      Class.forName(SDK_CLASS, false, GdriveConnectorProvider.class.getClassLoader());
      return Availability.AVAILABLE;
    } catch (ClassNotFoundException | LinkageError e) {
      return Availability.unavailable(
          "the Google Drive client is not on the class path ("
              + SDK_CLASS
              + " is missing); add com.google.apis:google-api-services-drive");
    }
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return GdriveSourceConnector.create(config);
  }
}
