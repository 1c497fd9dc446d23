package ai.llmd.prism.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small HTTP proxy on 127.0.0.1 in front of a real server (such as s3proxy) that injects faults
 * deterministically: it answers the next N requests matching a method and path with an error
 * status, drops the connection without answering, sends half a body and closes, or waits before
 * forwarding. Everything else is forwarded unchanged. It counts the faults it injected and logs
 * every request.
 */
public final class FaultProxy implements AutoCloseable {

  /** What to do to a matching request. */
  public enum Kind {
    /** Answer with a status and body instead of forwarding. */
    STATUS,
    /** Close the connection without answering. */
    DROP,
    /** Forward, then send the headers and half the body, and close. */
    TRUNCATE,
    /** Wait, then forward. */
    DELAY,
    /** Forward, then send the headers at once and the body one byte per delay. */
    TRICKLE,
    /** Forward, so the store acts on it, then close without answering: a lost answer. */
    LOSE_ANSWER
  }

  /** One request as the proxy saw it. */
  public record Request(String method, String path, String query) {}

  private record Rule(
      String method,
      Pattern path,
      AtomicInteger skip,
      AtomicInteger times,
      Kind kind,
      int status,
      String body,
      Duration delay) {}

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "date");

  private final HttpServer http;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI upstream;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Queue<Request> log = new ConcurrentLinkedQueue<>();
  private final Map<Kind, AtomicInteger> injected = new ConcurrentHashMap<>();

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Starts a proxy forwarding to {@code upstream} (scheme, host and port only). */
  public static FaultProxy start(URI upstream) {
    try {
      return new FaultProxy(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException("the fault proxy could not start", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create(
        "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort());
  }

  /**
   * Answers the next {@code times} requests of {@code method} whose path matches {@code pathRegex}
   * with {@code status} and {@code body}.
   */
  public FaultProxy failNext(String method, String pathRegex, int times, int status, String body) {
    return add(method, pathRegex, 0, times, Kind.STATUS, status, body, Duration.ZERO);
  }

  /** Drops the connection of the next {@code times} matching requests without answering. */
  public FaultProxy dropNext(String method, String pathRegex, int times) {
    return add(method, pathRegex, 0, times, Kind.DROP, 0, "", Duration.ZERO);
  }

  /** Sends only half the body of the next {@code times} matching responses, then closes. */
  public FaultProxy truncateNext(String method, String pathRegex, int times) {
    return add(method, pathRegex, 0, times, Kind.TRUNCATE, 0, "", Duration.ZERO);
  }

  /**
   * Forwards the next {@code times} matching requests, so the store acts on them, then closes the
   * connection without answering: the client cannot tell a write that happened from one that did
   * not.
   */
  public FaultProxy loseAnswerNext(String method, String pathRegex, int times) {
    return add(method, pathRegex, 0, times, Kind.LOSE_ANSWER, 0, "", Duration.ZERO);
  }

  /** Waits {@code delay} before forwarding the next {@code times} matching requests. */
  public FaultProxy delayNext(String method, String pathRegex, int times, Duration delay) {
    return add(method, pathRegex, 0, times, Kind.DELAY, 0, "", delay);
  }

  /**
   * The next {@code times} matching requests get their headers at once and their body one byte
   * every {@code perByte}: a stalled transfer that no header or connect timeout catches.
   */
  public FaultProxy trickleNext(String method, String pathRegex, int times, Duration perByte) {
    return add(method, pathRegex, 0, times, Kind.TRICKLE, 0, "", perByte);
  }

  /**
   * Fails only the {@code nth} (1-based) request matching, with {@code status} and {@code body};
   * the ones before pass.
   */
  public FaultProxy failNth(String method, String pathRegex, int nth, int status, String body) {
    return add(method, pathRegex, nth - 1, 1, Kind.STATUS, status, body, Duration.ZERO);
  }

  private FaultProxy add(
      String method,
      String pathRegex,
      int skip,
      int times,
      Kind kind,
      int status,
      String body,
      Duration delay) {
    rules.add(
        new Rule(
            method.toUpperCase(Locale.ROOT),
            Pattern.compile(pathRegex),
            new AtomicInteger(skip),
            new AtomicInteger(times),
            kind,
            status,
            body,
            delay));
    return this;
  }

  /** How many faults of each kind were injected since the last {@link #reset()}. */
  public int injected(Kind kind) {
    AtomicInteger n = injected.get(kind);
    return n == null ? 0 : n.get();
  }

  /** How many faults were injected since the last {@link #reset()}. */
  public int injected() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(log);
  }

  /** Forgets the rules, the log and the counts. */
  public void reset() {
    rules.clear();
    log.clear();
    injected.clear();
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }

  /** The first rule that still applies to a request, consuming one of its uses, or null. */
  private synchronized Rule match(String method, String path) {
    for (Rule r : rules) {
      if (r.times().get() > 0
          && (r.method().equals("*") || r.method().equals(method))
          && r.path().matcher(path).matches()) {
        if (r.skip().get() > 0) {
          r.skip().decrementAndGet();
          continue;
        }
        r.times().decrementAndGet();
        injected.computeIfAbsent(r.kind(), k -> new AtomicInteger()).incrementAndGet();
        return r;
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      log.add(new Request(method, path, ex.getRequestURI().getRawQuery()));
      Rule rule = match(method, path);
      if (rule != null && rule.kind() == Kind.DROP) {
        return; // closing an exchange before any header closes its connection
      }
      if (rule != null && rule.kind() == Kind.STATUS) {
        byte[] b = rule.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders()
            .set("Content-Type", rule.body().startsWith("<") ? "application/xml" : "text/plain");
        ex.sendResponseHeaders(rule.status(), b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
          ex.getResponseBody().write(b);
        }
        return;
      }
      if (rule != null && rule.kind() == Kind.DELAY) {
        Thread.sleep(rule.delay().toMillis());
      }
      HttpResponse<byte[]> response = forward(ex, method, body);
      if (rule != null && rule.kind() == Kind.LOSE_ANSWER) {
        return; // done upstream; closing before any header drops the answer
      }
      response
          .headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                  ex.getResponseHeaders().put(k, v);
                }
              });
      byte[] b = response.body();
      boolean noBody = method.equals("HEAD") || b.length == 0;
      if (noBody) {
        response
            .headers()
            .firstValue("Content-Length")
            .ifPresent(l -> ex.getResponseHeaders().set("Content-Length", l));
      }
      ex.sendResponseHeaders(response.statusCode(), noBody ? -1 : b.length);
      if (!noBody) {
        OutputStream out = ex.getResponseBody();
        if (rule != null && rule.kind() == Kind.TRICKLE) {
          for (byte x : b) {
            out.write(x);
            out.flush();
            Thread.sleep(rule.delay().toMillis());
          }
          return;
        }
        if (rule != null && rule.kind() == Kind.TRUNCATE) {
          out.write(b, 0, b.length / 2);
          out.flush();
          // closing with bytes owed makes the server drop the connection mid-body
          return;
        }
        out.write(b);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // the client went away, or a truncated body was closed early: nothing more to send
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange ex, String method, byte[] body)
      throws IOException, InterruptedException {
    URI target = upstream.resolve(ex.getRequestURI().getRawPath());
    String q = ex.getRequestURI().getRawQuery();
    if (q != null) {
      target = URI.create(target + "?" + q);
    }
    HttpRequest.Builder r =
        HttpRequest.newBuilder(target)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders()
        .forEach(
            (k, v) -> {
              if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) {
                v.forEach(value -> r.header(k, value));
              }
            });
    return client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public String toString() {
    return "FaultProxy " + endpoint() + " -> " + upstream;
  }
}
