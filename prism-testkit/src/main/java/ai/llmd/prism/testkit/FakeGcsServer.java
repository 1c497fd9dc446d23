package ai.llmd.prism.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An in-memory stand-in for the Google Cloud Storage JSON API on 127.0.0.1, enough for the real
 * {@code google-cloud-storage} client to list (with {@code prefix}, {@code maxResults} and {@code
 * pageToken}), get metadata, download media and upload objects (simple or multipart, with {@code
 * ifGenerationMatch} preconditions). Every request is logged, and failures can be injected to
 * exercise retries. Point a client at {@link #endpoint()} with {@code setHost}.
 */
public final class FakeGcsServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String method, String path, Map<String, String> query) {}

  private record StoredObject(byte[] content, long generation, Instant updated) {}

  private static final int DEFAULT_PAGE = 1000;

  private final HttpServer http;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
  private final Queue<Request> log = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus;

  static {
    // headers and body go out in separate writes; with Nagle on, each response waits for a
    // delayed ACK (about 40 ms), which turns 2,500 reads into a minute
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeGcsServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Starts a server on a free port of the loopback interface. */
  public static FakeGcsServer start() {
    try {
      return new FakeGcsServer();
    } catch (IOException e) {
      throw new UncheckedIOException("the fake GCS server could not start", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
  }

  /** Creates an empty bucket. */
  public void createBucket(String bucket) {
    buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
  }

  /** Creates or replaces an object, giving it a new generation; returns the generation. */
  public long put(String bucket, String name, byte[] content) {
    NavigableMap<String, StoredObject> b = buckets.get(bucket);
    if (b == null) {
      throw new IllegalArgumentException("no bucket " + bucket);
    }
    synchronized (b) {
      long generation = generations.incrementAndGet();
      b.put(name, new StoredObject(content.clone(), generation, Instant.now()));
      return generation;
    }
  }

  /** Answers the next {@code times} requests with {@code status} (e.g. 503) and no other effect. */
  public void failNext(int times, int status) {
    failureStatus = status;
    failuresLeft.set(times);
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(log);
  }

  /** How many times the content of {@code bucket/name} was sent. */
  public int downloads(String bucket, String name) {
    AtomicInteger n = downloads.get(bucket + "/" + name);
    return n == null ? 0 : n.get();
  }

  /** How many listing requests (pages) were answered. */
  public int listPages() {
    return (int) log.stream().filter(r -> r.path().matches("/storage/v1/b/[^/]+/o")).count();
  }

  /** Forgets the request log. */
  public void clearLog() {
    log.clear();
    downloads.clear();
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
        // the client gzips upload bodies
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      String path = percentDecode(ex.getRequestURI().getRawPath());
      Request r = new Request(ex.getRequestMethod(), path, query(ex.getRequestURI().getRawQuery()));
      log.add(r);
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(ex, failureStatus, "injected failure");
        return;
      }
      if (r.method().equals("POST") && path.matches("/upload/storage/v1/b/[^/]+/o")) {
        upload(ex, r, body, path.split("/")[5]);
        return;
      }
      if (!r.method().equals("GET")) {
        error(ex, 405, "only GET and uploads are supported by this fake");
        return;
      }
      if (path.matches("/storage/v1/b/[^/]+/o")) {
        list(ex, r, path.split("/")[4]);
        return;
      }
      String object = objectPath(r);
      if (object == null) {
        error(ex, 404, "no such API path: " + path);
        return;
      }
      int slash = object.indexOf('/');
      NavigableMap<String, StoredObject> b = buckets.get(object.substring(0, slash));
      String name = object.substring(slash + 1);
      StoredObject o = b == null ? null : b.get(name);
      String gen = r.query().get("generation");
      if (o == null || (gen != null && !gen.equals(Long.toString(o.generation())))) {
        error(ex, 404, "No such object: " + object);
        return;
      }
      if (isMedia(r)) {
        downloads.computeIfAbsent(object, k -> new AtomicInteger()).incrementAndGet();
        media(ex, o);
      } else {
        send(ex, 200, "application/json", objectJson(object.substring(0, slash), name, o));
      }
    } catch (RuntimeException e) {
      error(ex, 500, String.valueOf(e));
    }
  }

  /**
   * A simple ({@code uploadType=media}) or multipart upload, honouring {@code ifGenerationMatch}
   * (0: only if there is no live object) as GCS does: 412 {@code conditionNotMet} when it fails.
   */
  private void upload(HttpExchange ex, Request r, byte[] body, String bucket) throws IOException {
    NavigableMap<String, StoredObject> b = buckets.get(bucket);
    if (b == null) {
      error(ex, 404, "The specified bucket does not exist.");
      return;
    }
    String name;
    byte[] content;
    String type = r.query().get("uploadType");
    if ("media".equals(type)) {
      name = r.query().get("name");
      content = body;
    } else if ("multipart".equals(type)) {
      String contentType = ex.getRequestHeaders().getFirst("Content-Type");
      Matcher boundary =
          Pattern.compile("boundary=\"?([^\";]+)\"?")
              .matcher(contentType == null ? "" : contentType);
      if (!boundary.find()) {
        error(ex, 400, "multipart upload without a boundary");
        return;
      }
      List<byte[]> parts = parts(body, boundary.group(1));
      if (parts.size() < 2) {
        error(
            ex, 400, "multipart upload needs metadata and media, found " + parts.size() + " parts");
        return;
      }
      Matcher n =
          Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
              .matcher(new String(parts.get(0), StandardCharsets.UTF_8));
      name = n.find() ? unescape(n.group(1)) : null;
      content = parts.get(1);
    } else {
      error(ex, 400, "uploadType " + type + " is not supported by this fake");
      return;
    }
    if (name == null || name.isEmpty()) {
      error(ex, 400, "an upload needs an object name");
      return;
    }
    String condition = r.query().get("ifGenerationMatch");
    StoredObject stored;
    synchronized (b) {
      StoredObject current = b.get(name);
      if (condition != null) {
        long g = Long.parseLong(condition);
        boolean holds = g == 0 ? current == null : current != null && current.generation() == g;
        if (!holds) {
          send(
              ex,
              412,
              "application/json",
              "{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you"
                  + " specified did not hold.\",\"errors\":[{\"message\":\"At least one of the"
                  + " pre-conditions you specified did not hold.\",\"domain\":\"global\","
                  + "\"reason\":\"conditionNotMet\"}]}}");
          return;
        }
      }
      stored = new StoredObject(content.clone(), generations.incrementAndGet(), Instant.now());
      b.put(name, stored);
    }
    send(ex, 200, "application/json", objectJson(bucket, name, stored));
  }

  /** The bodies of the parts of a multipart body, each without its headers. */
  private static List<byte[]> parts(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> out = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // the closing delimiter
      }
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        break;
      }
      byte[] headersEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      int content = indexOf(body, headersEnd, start);
      int end = next - 2; // the CRLF before the delimiter
      if (content >= 0 && content < next) {
        out.add(Arrays.copyOfRange(body, content + 4, Math.max(content + 4, end)));
      }
      at = next;
    }
    return out;
  }

  private static int indexOf(byte[] in, byte[] what, int from) {
    outer:
    for (int i = from; i <= in.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Undoes the JSON escapes a client writes in an object name. */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  private void list(HttpExchange ex, Request r, String bucket) throws IOException {
    NavigableMap<String, StoredObject> b = buckets.get(bucket);
    if (b == null) {
      error(ex, 404, "The specified bucket does not exist.");
      return;
    }
    String prefix = r.query().getOrDefault("prefix", "");
    int max = Integer.parseInt(r.query().getOrDefault("maxResults", "" + DEFAULT_PAGE));
    max = Math.min(max, DEFAULT_PAGE);
    String token = r.query().get("pageToken");
    NavigableMap<String, StoredObject> from =
        token == null
            ? b.tailMap(prefix, true)
            : b.tailMap(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), false);
    StringBuilder json = new StringBuilder("{\"kind\":\"storage#objects\",\"items\":[");
    int n = 0;
    String last = null;
    boolean more = false;
    for (Map.Entry<String, StoredObject> e : from.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      if (n == max) {
        more = true;
        break;
      }
      json.append(n == 0 ? "" : ",").append(objectJson(bucket, e.getKey(), e.getValue()));
      last = e.getKey();
      n++;
    }
    json.append(']');
    if (more) {
      json.append(",\"nextPageToken\":")
          .append(
              quote(Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8))));
    }
    send(ex, 200, "application/json", json.append('}').toString());
  }

  private static void media(HttpExchange ex, StoredObject o) throws IOException {
    byte[] c = o.content();
    String range = ex.getRequestHeaders().getFirst("Range");
    int from = 0;
    int to = c.length - 1;
    if (range != null && range.startsWith("bytes=")) {
      String[] fromTo = range.substring(6).split("-", -1);
      from = Integer.parseInt(fromTo[0]);
      if (!fromTo[1].isEmpty()) {
        to = Math.min(to, Integer.parseInt(fromTo[1]));
      }
    }
    ex.getResponseHeaders().set("x-goog-generation", Long.toString(o.generation()));
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    if (range != null && from >= c.length && c.length > 0) {
      ex.sendResponseHeaders(416, -1);
      return;
    }
    int len = Math.max(0, to - from + 1);
    if (range != null && c.length > 0) {
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + c.length);
    }
    ex.sendResponseHeaders(range != null && c.length > 0 ? 206 : 200, len == 0 ? -1 : len);
    if (len > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(c, from, len);
      }
    }
  }

  private static boolean isMedia(Request r) {
    return "media".equals(r.query().get("alt"));
  }

  /** {@code bucket/name} of a get or download request, or null. */
  private static String objectPath(Request r) {
    String p = r.path();
    for (String base : new String[] {"/download/storage/v1/b/", "/storage/v1/b/"}) {
      if (p.startsWith(base)) {
        String rest = p.substring(base.length());
        int o = rest.indexOf("/o/");
        return o < 0 ? null : rest.substring(0, o) + "/" + rest.substring(o + 3);
      }
    }
    return null;
  }

  private static String objectJson(String bucket, String name, StoredObject o) {
    return "{\"kind\":\"storage#object\",\"id\":"
        + quote(bucket + "/" + name + "/" + o.generation())
        + ",\"bucket\":"
        + quote(bucket)
        + ",\"name\":"
        + quote(name)
        + ",\"size\":\""
        + o.content().length
        + "\",\"generation\":\""
        + o.generation()
        + "\",\"metageneration\":\"1\",\"contentType\":\"application/octet-stream\""
        + ",\"md5Hash\":"
        + quote(md5(o.content()))
        + ",\"updated\":"
        + quote(o.updated().toString())
        + "}";
  }

  /** The object's MD5, base64 as GCS writes it in {@code md5Hash}. */
  private static String md5(byte[] content) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(java.security.MessageDigest.getInstance("MD5").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    String reason = status == 404 ? "notFound" : status >= 500 ? "backendError" : "invalid";
    send(
        ex,
        status,
        "application/json",
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":"
            + quote(message)
            + ",\"errors\":[{\"message\":"
            + quote(message)
            + ",\"domain\":\"global\",\"reason\":\""
            + reason
            + "\"}]}}");
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  /** A JSON string literal (the fake only writes JSON; it never parses any). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The decoded parameters of a raw query string. */
  static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  /** Decodes %XX escapes only: in a path, '+' is a plus sign. */
  static String percentDecode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>(buckets.keySet());
    return "FakeGcsServer" + names + " at " + endpoint();
  }
}
