package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.Availability;
import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.PluginApi;
import ai.llmd.prism.spi.SourceConnector;

/**
 * Provides the {@code s3://bucket/prefix} connector for Amazon S3 and S3-compatible stores.
 *
 * <p>Configuration keys (all optional): {@code s3.region}; {@code s3.endpoint} (else the {@code
 * AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} environment variable); {@code s3.pathStyle}
 * (default true when an endpoint is overridden); {@code s3.anonymous=true} for public buckets;
 * {@code s3.accessKeyId} with {@code s3.secretAccessKey} (and {@code s3.sessionToken}) instead of
 * the default credentials chain; {@code s3.maxAttempts}; {@code s3.pageSize} (at most 1000).
 *
 * <p>Holds no AWS SDK type in a field or signature, so that discovery works without the SDK and
 * {@link #availability()} can say what is missing.
 */
public final class S3ConnectorProvider implements ConnectorProvider {

  static final String SDK_CLASS = "software.amazon.awssdk.services.s3.S3Client";
  static final String HTTP_CLIENT_CLASS =
      "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

  /** Used by {@link java.util.ServiceLoader}. */
  public S3ConnectorProvider() {}

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public String requestedApiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public String description() {
    return "Amazon S3 and S3-compatible object stores (s3://bucket/prefix)";
  }

  @Override
  public Availability availability() {
    for (String name : new String[] {SDK_CLASS, HTTP_CLIENT_CLASS}) {
      try {
        Class.forName(name, false, S3ConnectorProvider.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return Availability.unavailable(
            "the AWS SDK v2 is not on the class path ("
                + name
                + " is missing); add software.amazon.awssdk:s3 and url-connection-client");
      }
    }
    return Availability.AVAILABLE;
  }

  @Override
  public SourceConnector create(ConnectorConfig config) {
    return S3SourceConnector.create(config, System::getenv);
  }
}
