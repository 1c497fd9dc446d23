package ai.llmd.prism.connector.s3;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.RemoteConfig;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists, reads and writes {@code s3://bucket/prefix} with one thread-safe {@link S3Client}.
 * Conditional writes use S3's {@code If-None-Match: *} (create only) and {@code If-Match: <ETag>}
 * (compare and swap).
 */
final class S3SourceConnector implements WritableConnector {

  /** Objects up to this size are read whole in {@link #open}, so a broken body is retried. */
  private static final long BUFFER_LIMIT = 64L << 20;

  private final S3Client s3;
  private final int pageSize;
  private final Retry retry;

  S3SourceConnector(S3Client s3, int pageSize, Retry retry) {
    this.s3 = s3;
    this.pageSize = pageSize;
    this.retry = retry;
  }

  /** A connector configured by {@code config}, reading environment variables with {@code env}. */
  static S3SourceConnector create(ConnectorConfig config, Function<String, String> env) {
    RemoteConfig remote = RemoteConfig.of(config, "s3");
    int pageSize = remote.pageSize(1000, 1000);
    Optional<URI> endpoint = endpoint(config, env);
    S3ClientBuilder b =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(credentials(config))
            .region(config.string("s3.region").map(Region::of).orElseGet(S3SourceConnector::region))
            .forcePathStyle(config.bool("s3.pathStyle", endpoint.isPresent()));
    if (endpoint.isPresent()) {
      b.endpointOverride(endpoint.get());
    } else {
      // a bucket in another region than the configured one is found, not refused
      b.crossRegionAccessEnabled(true);
    }
    Retry retry = Retry.of(remote);
    Optional<Duration> attemptTimeout = remote.attemptTimeout();
    b.overrideConfiguration(
        o -> {
          // full jitter on exponential delays; throttling (SlowDown, 429) backs off from a
          // longer base, as AWS recommends
          o.retryStrategy(
                  AwsRetryStrategy.standardRetryStrategy().toBuilder()
                      .maxAttempts(retry.maxAttempts())
                      .backoffStrategy(
                          BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay()))
                      .throttlingBackoffStrategy(
                          BackoffStrategy.exponentialDelay(
                              retry.baseDelay().multipliedBy(5), retry.maxDelay()))
                      .build())
              .apiCallTimeout(retry.deadline());
          attemptTimeout.ifPresent(o::apiCallAttemptTimeout);
        });
    return new S3SourceConnector(b.build(), pageSize, retry);
  }

  private static Optional<URI> endpoint(ConnectorConfig config, Function<String, String> env) {
    Optional<String> raw = config.string("s3.endpoint");
    String from = "s3.endpoint";
    for (String variable : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
      if (raw.isEmpty()) {
        raw = Optional.ofNullable(env.apply(variable)).filter(v -> !v.isBlank()).map(String::strip);
        from = variable;
      }
    }
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(raw.get());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(from + " is not a URI: '" + raw.get() + "'", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          from + " must be an http:// or https:// URL, was '" + raw.get() + "'");
    }
    return Optional.of(uri);
  }

  private static AwsCredentialsProvider credentials(ConnectorConfig config) {
    if (config.bool("s3.anonymous", false)) {
      return AnonymousCredentialsProvider.create();
    }
    Optional<String> id = config.string("s3.accessKeyId");
    if (id.isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String secret =
        config
            .string("s3.secretAccessKey")
            .orElseThrow(
                () -> new IllegalArgumentException("s3.accessKeyId needs s3.secretAccessKey"));
    Optional<String> session = config.string("s3.sessionToken");
    AwsCredentials c =
        session.isPresent()
            ? AwsSessionCredentials.create(id.get(), secret, session.get())
            : AwsBasicCredentials.create(id.get(), secret);
    return StaticCredentialsProvider.create(c);
  }

  private static Region region() {
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkException e) {
      return Region.US_EAST_1; // with cross-region access on, any region finds the bucket
    }
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    Location at = Location.of(root);
    try {
      if (at.prefix().isEmpty() || at.prefix().endsWith("/")) {
        listUnder(at.bucket(), at.prefix(), each);
        return;
      }
      if (listUnder(at.bucket(), at.prefix() + "/", each) > 0) {
        return;
      }
      // no "directory": maybe the root names one object, which sorts first among its prefix
      ListObjectsV2Response first =
          s3.listObjectsV2(r -> r.bucket(at.bucket()).prefix(at.prefix()).maxKeys(1));
      if (!first.contents().isEmpty() && first.contents().get(0).key().equals(at.prefix())) {
        String key = at.prefix();
        each.accept(
            ref(at.bucket(), first.contents().get(0), key.substring(key.lastIndexOf('/') + 1)));
      }
    } catch (NoSuchBucketException e) {
      throw new FileNotFoundException("s3://" + at.bucket() + ": no such bucket");
    } catch (SdkException e) {
      throw new IOException("listing " + root + " failed: " + message(e), e);
    }
  }

  private int listUnder(String bucket, String prefix, Consumer<ObjectRef> each) {
    int n = 0;
    for (ListObjectsV2Response page :
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).maxKeys(pageSize))) {
      for (S3Object o : page.contents()) {
        if (o.key().endsWith("/")) {
          continue; // a "folder" marker, not content
        }
        each.accept(ref(bucket, o, o.key().substring(prefix.length())));
        n++;
      }
    }
    return n;
  }

  private static ObjectRef ref(String bucket, S3Object o, String relativeKey) {
    long size = o.size() == null ? -1 : o.size();
    return new ObjectRef(Location.uri(bucket, o.key()), relativeKey, size, unquote(o.eTag()));
  }

  /**
   * Opens the listed version of an object. Objects of known size up to 64 MiB are read whole here,
   * so that a body cut off mid-way is retried (the SDK retries only until the headers arrive) and
   * every caller sees either all of it or an exception.
   */
  @Override
  public InputStream open(ObjectRef object) throws IOException {
    if (object.size() < 0 || object.size() > BUFFER_LIMIT) {
      return new SdkExceptionsAsIo(download(object), object.uri());
    }
    return retry.call(
        "reading " + object.uri(),
        () -> {
          byte[] b;
          try (InputStream in = new SdkExceptionsAsIo(download(object), object.uri())) {
            b = in.readAllBytes();
          }
          if (b.length != object.size()) {
            throw new IOException(
                "reading "
                    + object.uri()
                    + " failed: listed as "
                    + object.size()
                    + " bytes but "
                    + b.length
                    + " arrived");
          }
          return new ByteArrayInputStream(b);
        });
  }

  private ResponseInputStream<GetObjectResponse> download(ObjectRef object) throws IOException {
    Location at = Location.of(object.uri());
    try {
      // only the listed version: content read under a stale ETag would poison caches
      String etag = object.changeToken();
      return s3.getObject(
          r ->
              r.bucket(at.bucket())
                  .key(at.prefix())
                  .ifMatch(etag == null ? null : "\"" + etag + "\""));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      throw new FileNotFoundException(object.uri() + ": no such object");
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new FileNotFoundException(object.uri() + ": no such object");
      }
      if (e.statusCode() == 412) {
        throw new FileNotFoundException(
            object.uri()
                + ": no such object with ETag "
                + object.changeToken()
                + " (changed since listing?)");
      }
      throw new Retry.Permanent("reading " + object.uri() + " failed: " + message(e), e);
    } catch (SdkException e) {
      // the SDK has already retried what it could within the deadline
      throw new Retry.Permanent("reading " + object.uri() + " failed: " + message(e), e);
    }
  }

  @Override
  public Optional<StoredObject> get(URI object) throws IOException {
    Location at = Location.of(object);
    return retry.call(
        "reading " + object,
        () -> {
          try {
            ResponseBytes<GetObjectResponse> b =
                s3.getObjectAsBytes(r -> r.bucket(at.bucket()).key(at.prefix()));
            return Optional.of(new StoredObject(b.asByteArray(), unquote(b.response().eTag())));
          } catch (NoSuchKeyException e) {
            return Optional.empty();
          } catch (NoSuchBucketException e) {
            throw new FileNotFoundException("s3://" + at.bucket() + ": no such bucket");
          } catch (S3Exception e) {
            if (e.statusCode() == 404) {
              return Optional.empty();
            }
            throw new Retry.Permanent("reading " + object + " failed: " + message(e), e);
          } catch (SdkException e) {
            throw new Retry.Permanent("reading " + object + " failed: " + message(e), e);
          }
        });
  }

  @Override
  public String put(URI object, byte[] content, Precondition precondition) throws IOException {
    Location at = Location.of(object);
    PutObjectRequest.Builder r = PutObjectRequest.builder().bucket(at.bucket()).key(at.prefix());
    switch (precondition.kind()) {
      case NONE -> {}
      case ABSENT -> r.ifNoneMatch("*");
      case MATCHES -> r.ifMatch("\"" + precondition.changeToken() + "\"");
    }
    try {
      return unquote(s3.putObject(r.build(), RequestBody.fromBytes(content)).eTag());
    } catch (S3Exception e) {
      // 412: the condition did not hold; 409: another conditional write to the key was under way
      if (e.statusCode() == 412
          || e.statusCode() == 409 && precondition.kind() != Precondition.Kind.NONE) {
        if (precondition.kind() == Precondition.Kind.ABSENT) {
          // a create whose answer was lost is retried by the SDK and then refused: if the
          // object there has exactly these bytes, that write was this one
          Optional<String> same = sameContent(at, content);
          if (same.isPresent()) {
            return same.get();
          }
        }
        throw new PreconditionFailedException(object, precondition);
      }
      if (e.statusCode() == 404) {
        boolean bucket =
            e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
        if (!bucket && precondition.kind() == Precondition.Kind.MATCHES) {
          // If-Match on a key that is gone: S3 answers 404 NoSuchKey
          throw new PreconditionFailedException(object, precondition);
        }
        if (bucket) {
          throw new FileNotFoundException("s3://" + at.bucket() + ": no such bucket");
        }
      }
      throw new IOException("writing " + object + " failed: " + message(e), e);
    } catch (SdkException e) {
      throw new IOException("writing " + object + " failed: " + message(e), e);
    }
  }

  /** The object's ETag when it holds exactly {@code content} (a single-part ETag is its MD5). */
  private Optional<String> sameContent(Location at, byte[] content) {
    try {
      String etag =
          unquote(
              s3.headObject(
                      HeadObjectRequest.builder().bucket(at.bucket()).key(at.prefix()).build())
                  .eTag());
      String md5 =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
      return md5.equalsIgnoreCase(etag) ? Optional.of(etag) : Optional.empty();
    } catch (SdkException | java.security.NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  private static String unquote(String etag) {
    if (etag != null && etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"")) {
      return etag.substring(1, etag.length() - 1);
    }
    return etag;
  }

  @Override
  public void close() {
    s3.close();
  }

  private static String message(SdkException e) {
    if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
      return s.statusCode()
          + " "
          + s.awsErrorDetails().errorCode()
          + ": "
          + s.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  /** A bucket and a key or key prefix, from an {@code s3://} URI. */
  record Location(String bucket, String prefix) {

    static Location of(URI uri) throws IOException {
      String bucket = uri.getAuthority();
      if (!"s3".equalsIgnoreCase(uri.getScheme()) || bucket == null || bucket.isBlank()) {
        throw new IOException("not an s3://bucket/prefix URI: " + uri);
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      return new Location(bucket, path.startsWith("/") ? path.substring(1) : path);
    }

    static URI uri(String bucket, String key) {
      try {
        return new URI("s3", bucket, "/" + key, null, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("no URI for s3://" + bucket + "/" + key, e);
      }
    }
  }

  /** Turns the SDK's unchecked failures while streaming into the IOException callers expect. */
  private static final class SdkExceptionsAsIo extends FilterInputStream {
    private final URI uri;

    SdkExceptionsAsIo(InputStream in, URI uri) {
      super(in);
      this.uri = uri;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (SdkException e) {
        throw new IOException("reading " + uri + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (SdkException e) {
        throw new IOException("reading " + uri + " failed: " + e.getMessage(), e);
      }
    }
  }
}
