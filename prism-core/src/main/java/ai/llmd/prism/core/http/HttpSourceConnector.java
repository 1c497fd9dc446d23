package ai.llmd.prism.core.http;

import ai.llmd.prism.core.internal.OverLimitException;
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
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a single object over HTTPS. Plain HTTP is refused except to a loopback address (tests,
 * local servers); redirects are followed by hand, at most five, and only to a URL this connector
 * would accept in the first place, never from https to http, and never from a remote origin to a
 * loopback, link-local or private address (a server cannot make Prism fetch from local services);
 * response bodies are bounded.
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
    String key = name.isEmpty() ? root.getHost() : name;
    each.accept(versioned(root, key));
  }

  /**
   * The object with its size and change token (the ETag, else Last-Modified) from a HEAD request,
   * so that a cache can keep it; without them (no HEAD, a redirect, no validator) it is read afresh
   * every time.
   */
  private ObjectRef versioned(URI uri, String key) throws IOException {
    HttpRequest head =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<Void> r = client.send(head, HttpResponse.BodyHandlers.discarding());
      long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      Optional<String> token =
          r.headers()
              .firstValue("ETag")
              .map(e -> "etag:" + e)
              .or(() -> r.headers().firstValue("Last-Modified").map(m -> "modified:" + m));
      if (r.statusCode() == 200 && size >= 0 && token.isPresent()) {
        return new ObjectRef(uri, key, size, token.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri + " for its version", e);
    } catch (IOException | RuntimeException e) {
      // the GET will say what is wrong, if anything
    }
    return new ObjectRef(uri, key, -1, null);
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    URI uri = object.uri();
    boolean loopbackOrigin = isLoopback(object.uri().getHost());
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
        URI next = uri.resolve(location.get());
        checkRedirect(uri, next, loopbackOrigin);
        uri = next;
        continue;
      }
      if (status != 200) {
        response.body().close();
        throw statusError(status, uri);
      }
      try (InputStream body = response.body()) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
          throw new OverLimitException(tooLarge(uri));
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new OverLimitException(tooLarge(uri));
        }
        return new ByteArrayInputStream(bytes);
      }
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + object.uri());
  }

  /**
   * The error of a refused fetch, typed so its problem's kind follows: 404 and 410 are missing
   * objects, 401 and 403 refusals; the message names the status either way.
   */
  private static IOException statusError(int status, URI uri) {
    String message = "HTTP " + status + " from " + uri;
    return switch (status) {
      case 404, 410 -> new NoSuchFileException(null, null, message);
      case 401, 403 -> new AccessDeniedException(null, null, message);
      default -> new IOException(message);
    };
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

  /**
   * A redirect may not downgrade https to http, and one from a remote origin may not lead to a
   * loopback, link-local or private address. The addresses checked are the JVM's resolver's
   * (cached, 30 s by default), the same the client then connects through; the client resolves
   * again, and Java 17 has no way to pin its address without giving up hostname verification, so a
   * rebinding between the two is left to that cache and to TLS (docs/limits.md, "DNS rebinding").
   */
  static void checkRedirect(URI from, URI to, boolean loopbackOrigin) throws IOException {
    check(to);
    if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
      throw new IOException(
          "refusing the redirect from " + from + " to " + to + ": it downgrades https to http");
    }
    if (loopbackOrigin) {
      return; // a local server (a test) may send Prism anywhere local
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(to.getHost());
    } catch (UnknownHostException e) {
      throw new IOException("the redirect target " + to.getHost() + " does not resolve", e);
    }
    for (InetAddress a : addresses) {
      if (isPrivate(a)) {
        throw new IOException(
            "refusing the redirect from "
                + from.getHost()
                + " to "
                + to.getHost()
                + ": it leads to a loopback, link-local or private address ("
                + a.getHostAddress()
                + ")");
      }
    }
  }

  /** Loopback, link-local, site-local (10/8, 172.16/12, 192.168/16), unique-local, CGNAT, any. */
  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128); // this network, CGNAT
    }
    return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
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
