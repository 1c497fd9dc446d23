package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.ConnectorConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An s3proxy server in this JVM on 127.0.0.1, in memory, whose store logs every listing page and
 * every content download it serves.
 */
final class LocalS3 implements AutoCloseable {

  static final String ACCESS_KEY = "AKIAPRISMTESTKEY0001";
  static final String SECRET_KEY = "prismTestSecretValue7Qx9";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client admin;
  private final BlobStore store;
  private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
  private final AtomicInteger listPages = new AtomicInteger();

  private LocalS3(boolean authenticated) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.identity", ACCESS_KEY);
    p.setProperty("jclouds.credential", SECRET_KEY);
    store = new Logging(BlobStores.create("transient", p));
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .stopTimeout(0)
            .awsAuthentication(
                authenticated ? AuthenticationType.AWS_V2_OR_V4 : AuthenticationType.NONE,
                ACCESS_KEY,
                SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** A server that checks signatures. */
  static LocalS3 start() throws Exception {
    return new LocalS3(true);
  }

  /** A server that serves anyone, like a public bucket. */
  static LocalS3 startPublic() throws Exception {
    return new LocalS3(false);
  }

  URI endpoint() {
    return endpoint;
  }

  void createBucket(String bucket) {
    admin.createBucket(b -> b.bucket(bucket));
  }

  void put(String bucket, String key, byte[] content) {
    admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /** Puts straight into the store, skipping HTTP: for setting up thousands of objects fast. */
  void putDirect(String bucket, String key, byte[] content) {
    store.putBlob(
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentLength((long) content.length)
            .build(),
        new ByteArrayInputStream(content));
  }

  void delete(String bucket, String key) {
    admin.deleteObject(b -> b.bucket(bucket).key(key));
  }

  /** Configuration reaching this server with its credentials. */
  ConnectorConfig config() {
    return ConnectorConfig.of(
        Map.of(
            "s3.endpoint",
            endpoint.toString(),
            "s3.region",
            "us-east-1",
            "s3.accessKeyId",
            ACCESS_KEY,
            "s3.secretAccessKey",
            SECRET_KEY));
  }

  /** How many times the content of {@code bucket/key} was sent. */
  int downloads(String bucket, String key) {
    AtomicInteger n = downloads.get(bucket + "/" + key);
    return n == null ? 0 : n.get();
  }

  /** Every content download so far. */
  int downloads() {
    return downloads.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** How many listing pages were served. */
  int listPages() {
    return listPages.get();
  }

  void resetLog() {
    downloads.clear();
    listPages.set(0);
  }

  @Override
  public void close() {
    admin.close();
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }

  /** The request log: counts what the S3 front end asked of the store. */
  private final class Logging extends ForwardingBlobStore {
    Logging(BlobStore delegate) {
      super(delegate);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
      listPages.incrementAndGet();
      return super.list(request);
    }

    /**
     * s3proxy 4.1.0 checks If-Match and If-None-Match on a PUT before it writes, but not atomically
     * with the write: two conditional writers can both pass (WritableConnectorContract lost
     * compare-and-swap appends). S3 itself decides conditional writes atomically; this store does
     * too, by checking the condition again while it holds a lock around the write.
     */
    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
      if (request.ifMatch() == null && request.ifNoneMatch() == null) {
        return super.putBlob(request, content);
      }
      synchronized (this) {
        HeadObjectResponse now = blobMetadataIfPresent(request.bucket(), request.key());
        boolean holds =
            request.ifNoneMatch() != null
                ? now == null
                : now != null && unquote(now.eTag()).equals(unquote(request.ifMatch()));
        if (!holds) {
          throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
        }
        return super.putBlob(request, content);
      }
    }

    private static String unquote(String etag) {
      return etag == null ? "" : etag.replace("\"", "");
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
      ResponseInputStream<GetObjectResponse> in = super.getBlob(request);
      if (in != null) {
        downloads
            .computeIfAbsent(request.bucket() + "/" + request.key(), k -> new AtomicInteger())
            .incrementAndGet();
      }
      return in;
    }
  }
}
