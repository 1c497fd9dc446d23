package ai.llmd.prism.connector.gcs;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.RemoteConfig;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import com.google.api.gax.paging.Page;
import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lists, reads and writes {@code gs://bucket/prefix} with one thread-safe {@link Storage} client.
 * The change token is the object's generation; conditional writes are GCS generation preconditions
 * ({@code ifGenerationMatch=0} to create only, {@code ifGenerationMatch=<g>} to replace the
 * generation that was read).
 */
final class GcsSourceConnector implements WritableConnector {

  /** Read ahead on open, so a missing object fails in {@link #open}, not later. */
  private static final int FIRST_CHUNK = 64 * 1024;

  private final Storage storage;
  private final int pageSize;

  GcsSourceConnector(Storage storage, int pageSize) {
    this.storage = storage;
    this.pageSize = pageSize;
  }

  /** A connector configured by {@code config}, reading environment variables with {@code env}. */
  static GcsSourceConnector create(ConnectorConfig config, Function<String, String> env) {
    RemoteConfig remote = RemoteConfig.of(config, "gcs");
    int pageSize = remote.pageSize(1000, 1000);
    Optional<String> host =
        config
            .string("gcs.host")
            .or(
                () ->
                    Optional.ofNullable(env.apply("STORAGE_EMULATOR_HOST"))
                        .filter(v -> !v.isBlank())
                        .map(String::strip))
            .map(h -> h.contains("://") ? h : "http://" + h);
    StorageOptions.Builder b = StorageOptions.http();
    host.ifPresent(b::setHost);
    if (config.bool("gcs.anonymous", host.isPresent())) {
      b.setCredentials(NoCredentials.getInstance());
    }
    config.string("gcs.project").ifPresent(b::setProjectId);
    // the client retries 429, 5xx and broken connections with jittered exponential backoff;
    // gcs.deadline bounds all tries of one call together
    int attempts = remote.maxAttempts(6);
    Duration delay = remote.retryDelay(Duration.ofSeconds(1));
    Duration deadline = remote.deadline(Duration.ofMinutes(2));
    b.setRetrySettings(
        StorageOptions.getDefaultRetrySettings().toBuilder()
            .setMaxAttempts(attempts)
            .setInitialRetryDelayDuration(delay)
            .setMaxRetryDelayDuration(delay.multipliedBy(32))
            .setTotalTimeoutDuration(deadline)
            .build());
    Optional<Duration> attemptTimeout = remote.attemptTimeout();
    if (attemptTimeout.isPresent()) {
      int ms = (int) Math.min(Integer.MAX_VALUE, attemptTimeout.get().toMillis());
      b.setTransportOptions(
          HttpTransportOptions.newBuilder().setConnectTimeout(ms).setReadTimeout(ms).build());
    }
    return new GcsSourceConnector(b.build().getService(), pageSize);
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    Location at = Location.of(root);
    try {
      if (at.name().isEmpty() || at.name().endsWith("/")) {
        listUnder(at.bucket(), at.name(), each);
        return;
      }
      if (listUnder(at.bucket(), at.name() + "/", each) > 0) {
        return;
      }
      // no "directory": maybe the root names one object, which sorts first among its prefix
      Page<Blob> first =
          storage.list(
              at.bucket(), BlobListOption.prefix(at.name()), BlobListOption.pageSize(1), fields());
      for (Blob blob : first.getValues()) {
        if (blob.getName().equals(at.name())) {
          each.accept(ref(blob, at.name().substring(at.name().lastIndexOf('/') + 1)));
        }
        break;
      }
    } catch (BaseServiceException e) {
      if (e.getCode() == 404) {
        throw new FileNotFoundException("gs://" + at.bucket() + ": no such bucket");
      }
      throw new IOException("listing " + root + " failed: " + e.getMessage(), e);
    }
  }

  private int listUnder(String bucket, String prefix, Consumer<ObjectRef> each) {
    int n = 0;
    Page<Blob> page =
        storage.list(
            bucket, BlobListOption.prefix(prefix), BlobListOption.pageSize(pageSize), fields());
    while (page != null) {
      for (Blob blob : page.getValues()) {
        if (blob.getName().endsWith("/")) {
          continue; // a "folder" placeholder, not content
        }
        each.accept(ref(blob, blob.getName().substring(prefix.length())));
        n++;
      }
      page = page.hasNextPage() ? page.getNextPage() : null;
    }
    return n;
  }

  private static BlobListOption fields() {
    return BlobListOption.fields(BlobField.NAME, BlobField.SIZE, BlobField.GENERATION);
  }

  private static ObjectRef ref(Blob blob, String relativeKey) {
    Long size = blob.getSize();
    Long generation = blob.getGeneration();
    return new ObjectRef(
        Location.uri(blob.getBucket(), blob.getName()),
        relativeKey,
        size == null ? -1 : size,
        generation == null ? null : generation.toString());
  }

  /**
   * Opens the object at the generation that was listed, so that the content always matches the
   * change token; an object replaced since listing is reported instead of read.
   */
  @Override
  public InputStream open(ObjectRef object) throws IOException {
    Location at = Location.of(object.uri());
    Long generation = generation(object.changeToken());
    BlobId id = BlobId.of(at.bucket(), at.name(), generation);
    ReadChannel channel = null;
    try {
      channel = storage.reader(id);
      ByteBuffer first = ByteBuffer.allocate(FIRST_CHUNK);
      while (first.hasRemaining() && channel.read(first) >= 0) {
        // fill the first chunk or reach the end
      }
      first.flip();
      InputStream head = new ByteArrayInputStream(first.array(), 0, first.limit());
      if (first.limit() < FIRST_CHUNK) {
        channel.close();
        return head;
      }
      return new SequenceInputStream(head, Channels.newInputStream(channel));
    } catch (BaseServiceException | IOException e) {
      if (channel != null) {
        channel.close();
      }
      if (notFound(e)) {
        throw new FileNotFoundException(
            object.uri()
                + (generation == null
                    ? ": no such object"
                    : ": no such object at generation "
                        + generation
                        + " (changed since listing?)"));
      }
      throw e instanceof IOException io
          ? io
          : new IOException("reading " + object.uri() + " failed: " + e.getMessage(), e);
    }
  }

  private static boolean notFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BaseServiceException s && s.getCode() == 404) {
        return true;
      }
    }
    return false;
  }

  private static Long generation(String token) {
    if (token == null) {
      return null;
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public Optional<StoredObject> get(URI object) throws IOException {
    Location at = Location.of(object);
    try {
      Blob blob = storage.get(BlobId.of(at.bucket(), at.name()));
      if (blob == null) {
        return Optional.empty();
      }
      // read the generation just looked up, so the bytes and the token agree
      byte[] content =
          storage.readAllBytes(BlobId.of(at.bucket(), at.name(), blob.getGeneration()));
      return Optional.of(new StoredObject(content, blob.getGeneration().toString()));
    } catch (BaseServiceException e) {
      if (e.getCode() == 404) {
        return Optional.empty(); // gone between the lookup and the read
      }
      throw new IOException("reading " + object + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String put(URI object, byte[] content, Precondition precondition) throws IOException {
    Location at = Location.of(object);
    BlobInfo info = BlobInfo.newBuilder(BlobId.of(at.bucket(), at.name())).build();
    BlobTargetOption[] options =
        switch (precondition.kind()) {
          case NONE -> new BlobTargetOption[0];
          case ABSENT -> new BlobTargetOption[] {BlobTargetOption.doesNotExist()};
          case MATCHES -> {
            Long generation = generation(precondition.changeToken());
            if (generation == null) {
              throw new PreconditionFailedException(object, precondition);
            }
            yield new BlobTargetOption[] {BlobTargetOption.generationMatch(generation)};
          }
        };
    try {
      return storage.create(info, content, options).getGeneration().toString();
    } catch (BaseServiceException e) {
      if (e.getCode() == 412) {
        if (precondition.kind() == Precondition.Kind.ABSENT) {
          // a create whose answer was lost is retried by the client and then refused: if the
          // object there has exactly these bytes, that write was this one
          Optional<String> same = sameContent(at, content);
          if (same.isPresent()) {
            return same.get();
          }
        }
        throw new PreconditionFailedException(object, precondition);
      }
      if (e.getCode() == 404) {
        throw new FileNotFoundException("gs://" + at.bucket() + ": no such bucket");
      }
      throw new IOException("writing " + object + " failed: " + e.getMessage(), e);
    }
  }

  /** The object's generation when it holds exactly {@code content} (same MD5). */
  private Optional<String> sameContent(Location at, byte[] content) {
    try {
      Blob blob = storage.get(BlobId.of(at.bucket(), at.name()));
      String md5 =
          java.util.Base64.getEncoder()
              .encodeToString(java.security.MessageDigest.getInstance("MD5").digest(content));
      return blob != null && md5.equals(blob.getMd5())
          ? Optional.of(blob.getGeneration().toString())
          : Optional.empty();
    } catch (BaseServiceException | java.security.NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      storage.close();
    } catch (Exception e) {
      throw new IOException("closing the storage client failed", e);
    }
  }

  /** A bucket and an object name or name prefix, from a {@code gs://} URI. */
  record Location(String bucket, String name) {

    static Location of(URI uri) throws IOException {
      String bucket = uri.getAuthority();
      if (!"gs".equalsIgnoreCase(uri.getScheme()) || bucket == null || bucket.isBlank()) {
        throw new IOException("not a gs://bucket/prefix URI: " + uri);
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      return new Location(bucket, path.startsWith("/") ? path.substring(1) : path);
    }

    static URI uri(String bucket, String name) {
      try {
        return new URI("gs", bucket, "/" + name, null, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("no URI for gs://" + bucket + "/" + name, e);
      }
    }
  }
}
