package ai.llmd.prism.core.http;

import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a single object over HTTPS. Plain HTTP is refused except to a loopback address (tests,
 * local servers); redirects are followed by hand, at most five, and only to a URL this connector
 * would accept in the first place, so a redirect can never downgrade to another scheme; response
 * bodies are bounded.
 */
final class HttpSourceConnector implements SourceConnector {

  static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final long maxBytes;
  private final Duration timeout;

  HttpSourceConnector(long maxBytes, Duration timeout) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    check(root);
    String path = root.getPath() == null ? "" : root.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    each.accept(new ObjectRef(root, name.isEmpty() ? root.getHost() : name, -1, null));
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    URI uri = object.uri();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      check(uri);
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + uri, e);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        response.body().close();
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new IOException("HTTP " + status + " without a Location from " + uri);
        }
        uri = uri.resolve(location.get());
        continue;
      }
      if (status != 200) {
        response.body().close();
        throw new IOException("HTTP " + status + " from " + uri);
      }
      try (InputStream body = response.body()) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
          throw new IOException(tooLarge(uri));
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new IOException(tooLarge(uri));
        }
        return new ByteArrayInputStream(bytes);
      }
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + object.uri());
  }

  private String tooLarge(URI uri) {
    return uri + " is larger than " + maxBytes + " bytes (raise http.max-mib)";
  }

  /** Only https, or http to a loopback address. */
  static void check(URI uri) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw new IOException("not a URL with a host: " + uri);
    }
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return;
    }
    throw new IOException(
        "refusing "
            + uri.getScheme()
            + "://"
            + uri.getHost()
            + ": only https (or http to a loopback address) is allowed");
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
