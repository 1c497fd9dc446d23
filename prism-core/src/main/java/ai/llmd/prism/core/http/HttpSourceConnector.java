package ai.llmd.prism.core.http;

import ai.llmd.prism.core.internal.OverLimitException;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.SourceConnector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Reads a single object over HTTPS. Plain HTTP is refused except to a loopback address (tests,
 * local servers); redirects are followed by hand, at most five, and only to a URL this connector
 * would accept in the first place, never from https to http, and never from a remote origin to a
 * loopback, link-local or private address (a server cannot make Prism fetch from local services);
 * response bodies are bounded.
 *
 * <p>Addresses are checked where they are used: a redirect's target is refused early when its name
 * resolves to a local address, and again, authoritatively, on the address the connection actually
 * reached, before TLS starts ({@link CheckedPeerSocketFactory}); plain http connects to the
 * loopback address it checked, by number. So DNS cannot answer one address to the check and another
 * to the connection. Connections are direct (no proxy): through a proxy, the address reached would
 * be the proxy's.
 */
final class HttpSourceConnector implements SourceConnector {

  static final int MAX_REDIRECTS = 5;

  /** Resolves a host name; the JVM's resolver, or a test's. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  static final Resolver SYSTEM = InetAddress::getAllByName;

  private final long maxBytes;
  private final int timeoutMillis;
  private final Resolver resolver;
  private final SSLSocketFactory tls;

  HttpSourceConnector(long maxBytes, Duration timeout) {
    this(maxBytes, timeout, SYSTEM, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** With the names resolved for the checks by {@code resolver}, and TLS from {@code tls}. */
  HttpSourceConnector(long maxBytes, Duration timeout, Resolver resolver, SSLSocketFactory tls) {
    this.maxBytes = maxBytes;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    this.resolver = resolver;
    this.tls = tls;
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    check(root, resolver);
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
  private ObjectRef versioned(URI uri, String key) {
    HttpURLConnection c = null;
    try {
      c = connection(uri, "HEAD", peer -> {});
      long size = c.getContentLengthLong();
      String etag = c.getHeaderField("ETag");
      String modified = c.getHeaderField("Last-Modified");
      String token =
          etag != null ? "etag:" + etag : modified != null ? "modified:" + modified : null;
      if (c.getResponseCode() == 200 && size >= 0 && token != null) {
        return new ObjectRef(uri, key, size, token);
      }
    } catch (IOException | RuntimeException e) {
      // the GET will say what is wrong, if anything
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
    return new ObjectRef(uri, key, -1, null);
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    URI uri = object.uri();
    boolean loopbackOrigin = isLoopback(uri.getHost(), resolver);
    URI previous = null;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      check(uri, resolver);
      // the origin is the user's choice; where a remote redirect leads is checked on connecting
      String refusal =
          previous == null || loopbackOrigin
              ? null
              : "refusing the redirect from "
                  + previous.getHost()
                  + " to "
                  + uri.getHost()
                  + ": the connection reached";
      CheckedPeerSocketFactory.PeerCheck peerCheck =
          refusal == null
              ? peer -> {}
              : peer ->
                  refuseLocal(
                      peer,
                      refusal,
                      " though the name resolved to public addresses when checked (DNS"
                          + " rebinding)");
      HttpURLConnection c = connection(uri, "GET", peerCheck);
      try {
        int status = status(c, uri);
        if (status >= 300 && status < 400) {
          String location = c.getHeaderField("Location");
          if (location == null) {
            throw new IOException("HTTP " + status + " without a Location from " + uri);
          }
          URI next = uri.resolve(location);
          checkRedirect(uri, next, loopbackOrigin, resolver);
          previous = uri;
          uri = next;
          continue;
        }
        if (status != 200) {
          throw statusError(status, uri);
        }
        long declared = c.getContentLengthLong();
        if (declared > maxBytes) {
          throw new OverLimitException(tooLarge(uri));
        }
        try (InputStream body = c.getInputStream()) {
          byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
          if (bytes.length > maxBytes) {
            throw new OverLimitException(tooLarge(uri));
          }
          return new ByteArrayInputStream(bytes);
        }
      } finally {
        c.disconnect();
      }
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + object.uri());
  }

  /**
   * A connection to {@code uri}, without following redirects: https through {@code peerCheck} on
   * the address reached, plain http (loopback only, checked) to the loopback address checked.
   */
  private HttpURLConnection connection(
      URI uri, String method, CheckedPeerSocketFactory.PeerCheck peerCheck) throws IOException {
    HttpURLConnection c;
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      HttpsURLConnection https = (HttpsURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
      // one factory per request: the JDK keeps idle connections per factory, so none checked for
      // another hop is reused for this one
      https.setSSLSocketFactory(new CheckedPeerSocketFactory(tls, peerCheck));
      c = https;
    } else {
      c = (HttpURLConnection) pinned(uri).toURL().openConnection(Proxy.NO_PROXY);
    }
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setConnectTimeout(timeoutMillis);
    c.setReadTimeout(timeoutMillis);
    c.setRequestMethod(method);
    return c;
  }

  /**
   * The response's status. A connection refused or timed out (TCP or TLS) says where, and stays a
   * {@link ConnectException}, so that its problem reads as unreachable.
   */
  private static int status(HttpURLConnection c, URI uri) throws IOException {
    try {
      c.connect();
    } catch (ConnectException | SocketTimeoutException e) {
      ConnectException named =
          new ConnectException(
              "could not connect to " + uri.getAuthority() + ": " + e.getMessage());
      named.initCause(e);
      throw named;
    }
    return c.getResponseCode();
  }

  /** {@code uri} with its host replaced by the loopback address it resolves to, checked. */
  private URI pinned(URI uri) throws IOException {
    InetAddress[] addresses = resolver.resolve(uri.getHost());
    for (InetAddress a : addresses) {
      if (!a.isLoopbackAddress()) {
        throw new IOException(
            "refusing http://"
                + uri.getHost()
                + ": it resolves to "
                + a.getHostAddress()
                + ", not a loopback address");
      }
    }
    try {
      return new URI(
          uri.getScheme(),
          uri.getRawUserInfo(),
          addresses[0].getHostAddress(),
          uri.getPort(),
          uri.getRawPath(),
          uri.getRawQuery(),
          null);
    } catch (java.net.URISyntaxException e) {
      throw new IOException("not a usable URL: " + uri, e);
    }
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
  static void check(URI uri, Resolver resolver) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      throw new IOException("not a URL with a host: " + uri);
    }
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost(), resolver)) {
      return;
    }
    throw new IOException(
        "refusing "
            + uri.getScheme()
            + "://"
            + uri.getHost()
            + ": only https (or http to a loopback address) is allowed");
  }

  /** {@link #checkRedirect(URI, URI, boolean, Resolver)} with the JVM's resolver. */
  static void checkRedirect(URI from, URI to, boolean loopbackOrigin) throws IOException {
    checkRedirect(from, to, loopbackOrigin, SYSTEM);
  }

  /**
   * A redirect may not downgrade https to http, and one from a remote origin may not lead to a
   * loopback, link-local or private address. This early check resolves the target's name; the
   * connection is checked again on the address it reaches (DNS may answer differently by then).
   */
  static void checkRedirect(URI from, URI to, boolean loopbackOrigin, Resolver resolver)
      throws IOException {
    check(to, resolver);
    if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
      throw new IOException(
          "refusing the redirect from " + from + " to " + to + ": it downgrades https to http");
    }
    if (loopbackOrigin) {
      return; // a local server (a test) may send Prism anywhere local
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(to.getHost());
    } catch (UnknownHostException e) {
      throw new IOException("the redirect target " + to.getHost() + " does not resolve", e);
    }
    for (InetAddress a : addresses) {
      refuseLocal(
          a,
          "refusing the redirect from " + from.getHost() + " to " + to.getHost() + ": it leads to",
          "");
    }
  }

  private static void refuseLocal(InetAddress a, String refusal, String more) throws IOException {
    if (isPrivate(a)) {
      throw new IOException(
          refusal
              + " a loopback, link-local or private address ("
              + a.getHostAddress()
              + ")"
              + more);
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

  private static boolean isLoopback(String host, Resolver resolver) {
    try {
      for (InetAddress a : resolver.resolve(host)) {
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
