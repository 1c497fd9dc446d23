package ai.llmd.prism.connector.giq;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.RemoteConfig;
import ai.llmd.prism.spi.SourceConnector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fetches GKE Inference Quickstart profiles over HTTPS. Listing does the fetching, because each
 * page's token comes from the page before; the pages are kept so that opening them costs nothing.
 */
final class GiqSourceConnector implements SourceConnector {

  static final String DEFAULT_ENDPOINT = "https://gkerecommender.googleapis.com";
  static final List<String> ALL_PRICING_MODELS =
      List.of("spot", "on-demand", "1-year-cud", "3-years-cud");
  private static final String API_DEFAULT_PRICING = "default";
  private static final Set<String> PARAMETERS = Set.of("model", "modelServer", "pricingModel");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String endpoint;
  private final Supplier<String> tokens;
  private final List<String> pricingModels;
  private final int pageSize;
  private final int maxPages;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final Duration deadline;
  private final Map<URI, byte[]> fetched = new ConcurrentHashMap<>();

  GiqSourceConnector(ConnectorConfig config, Supplier<String> tokens) {
    String e = config.string("giq.endpoint").orElse(DEFAULT_ENDPOINT);
    this.endpoint = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
      throw new IllegalArgumentException(
          "giq.endpoint must be an http:// or https:// URL, was '" + e + "'");
    }
    this.tokens = tokens;
    this.pricingModels =
        config
            .string("giq.pricingModels")
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
            .orElse(ALL_PRICING_MODELS);
    RemoteConfig remote = RemoteConfig.of(config, "giq");
    // 0: the API's own page size
    this.pageSize =
        config.string("giq.pageSize").isPresent() ? remote.pageSize(0, Integer.MAX_VALUE) : 0;
    this.maxPages = config.integer("giq.maxPages", 100);
    this.timeout = remote.attemptTimeout(Duration.ofSeconds(60));
    this.maxAttempts = remote.maxAttempts(3);
    this.retryDelay = remote.retryDelay(Duration.ofMillis(500));
    this.deadline = remote.deadline(Duration.ofMinutes(2));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    String project = project(root);
    if (root.getPath() != null && !root.getPath().isEmpty() && !root.getPath().equals("/")) {
      throw new IOException(
          "giq:// takes a project and query parameters only, not a path: " + root);
    }
    Map<String, String> q = query(root);
    List<String> models =
        q.containsKey("model")
            ? List.of(q.get("model"))
            : strings(project, "/v1/models:fetch", Map.of(), "models");
    for (String model : models) {
      List<String> servers =
          q.containsKey("modelServer")
              ? List.of(q.get("modelServer"))
              : strings(project, "/v1/modelServers:fetch", Map.of("model", model), "modelServers");
      for (String server : servers) {
        List<String> pricing =
            q.containsKey("pricingModel")
                ? List.of(q.get("pricingModel"))
                : pricingModels.isEmpty() || pricingModels.equals(List.of(API_DEFAULT_PRICING))
                    ? List.of(API_DEFAULT_PRICING)
                    : pricingModels;
        for (String p : pricing) {
          profiles(project, model, server, p, Integer.MAX_VALUE, each);
        }
      }
    }
  }

  /** Fetches every page of profiles, up to {@code untilPage}, handing each non-empty one on. */
  private void profiles(
      String project,
      String model,
      String server,
      String pricing,
      int untilPage,
      Consumer<ObjectRef> each)
      throws IOException {
    String token = null;
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= untilPage; page++) {
      if (page > maxPages) {
        throw new IOException(
            "profiles of "
                + model
                + " on "
                + server
                + " ("
                + pricing
                + ") have more than giq.maxPages="
                + maxPages
                + " pages");
      }
      byte[] body =
          post(project, "/v1/profiles:fetch", profilesRequest(model, server, pricing, token));
      JsonNode json = parse(body, "profiles:fetch");
      URI uri = objectUri(project, model, server, pricing, page);
      JsonNode profiles = json.path("profile");
      if (profiles.isArray() && !profiles.isEmpty()) {
        fetched.put(uri, body);
        each.accept(new ObjectRef(uri, uri.getPath().substring(1), body.length, sha256(body)));
      }
      token = json.path("nextPageToken").asText("");
      if (token.isEmpty()) {
        return;
      }
      if (!seen.add(token)) {
        throw new IOException("profiles:fetch repeated the page token '" + token + "'");
      }
    }
  }

  private byte[] profilesRequest(String model, String server, String pricing, String token)
      throws JsonProcessingException {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("modelServer", server);
    if (!API_DEFAULT_PRICING.equals(pricing)) {
      body.putObject("performanceRequirements")
          .putObject("targetCost")
          .put("pricingModel", pricing);
    }
    if (pageSize > 0) {
      body.put("pageSize", pageSize);
    }
    if (token != null) {
      body.put("pageToken", token);
    }
    return JSON.writeValueAsBytes(body);
  }

  /** Every string in array {@code field} over every page of a GET fetch. */
  private List<String> strings(
      String project, String path, Map<String, String> params, String field) throws IOException {
    List<String> out = new ArrayList<>();
    String token = null;
    Set<String> seen = new HashSet<>();
    for (int page = 1; ; page++) {
      if (page > maxPages) {
        throw new IOException(path + " has more than giq.maxPages=" + maxPages + " pages");
      }
      Map<String, String> p = new LinkedHashMap<>(params);
      if (pageSize > 0) {
        p.put("pageSize", Integer.toString(pageSize));
      }
      if (token != null) {
        p.put("pageToken", token);
      }
      JsonNode json = parse(get(project, path, p), path);
      for (JsonNode s : json.path(field)) {
        if (s.isTextual() && !s.asText().isBlank()) {
          out.add(s.asText());
        }
      }
      token = json.path("nextPageToken").asText("");
      if (token.isEmpty()) {
        return out;
      }
      if (!seen.add(token)) {
        throw new IOException(path + " repeated the page token '" + token + "'");
      }
    }
  }

  @Override
  public InputStream open(ObjectRef object) throws IOException {
    byte[] b = fetched.get(object.uri());
    if (b == null) {
      b = refetch(object.uri());
    }
    return new ByteArrayInputStream(b);
  }

  /** Fetches a page again by walking its query's pages, for a URI this instance did not list. */
  private byte[] refetch(URI uri) throws IOException {
    String project = project(uri);
    String[] parts = uri.getPath() == null ? new String[0] : uri.getPath().split("/");
    // "", "profiles", model (may hold '/'), server, pricing, "page-N.json"
    if (parts.length < 6
        || !parts[1].equals("profiles")
        || !parts[parts.length - 1].matches("page-[1-9][0-9]*\\.json")) {
      throw new FileNotFoundException(uri + ": not a GKE Inference Quickstart profiles page");
    }
    String last = parts[parts.length - 1];
    int page = Integer.parseInt(last.substring(5, last.length() - 5));
    String model = String.join("/", Arrays.copyOfRange(parts, 2, parts.length - 3));
    String server = parts[parts.length - 3];
    String pricing = parts[parts.length - 2];
    profiles(project, model, server, pricing, page, o -> {});
    byte[] b = fetched.get(uri);
    if (b == null) {
      throw new FileNotFoundException(uri + ": the API no longer has this page");
    }
    return b;
  }

  private byte[] get(String project, String path, Map<String, String> params) throws IOException {
    StringBuilder url = new StringBuilder(endpoint).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      url.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return send(project, HttpRequest.newBuilder(URI.create(url.toString())).GET(), path);
  }

  private byte[] post(String project, String path, byte[] body) throws IOException {
    return send(
        project,
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        path);
  }

  private byte[] send(String project, HttpRequest.Builder request, String what) throws IOException {
    IOException last = null;
    long end = System.nanoTime() + deadline.toNanos();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        // exponential backoff with full jitter, never past the deadline
        long cap = retryDelay.multipliedBy(1L << Math.min(attempt - 2, 6)).toNanos();
        long wait = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (System.nanoTime() + wait > end) {
          throw new IOException(
              last.getMessage()
                  + " (gave up at the deadline of "
                  + deadline
                  + " after "
                  + (attempt - 1)
                  + " tries)",
              last);
        }
        pause(Duration.ofNanos(wait));
      }
      HttpRequest.Builder r =
          request
              .copy()
              .timeout(min(timeout, Duration.ofNanos(Math.max(1, end - System.nanoTime()))))
              .header("Accept", "application/json")
              .header("X-Goog-User-Project", project);
      String token = tokens.get();
      if (token != null && !token.isBlank()) {
        r.header("Authorization", "Bearer " + token.strip());
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(what + " was interrupted");
      } catch (IOException e) {
        last = new IOException(what + " failed: " + e, e);
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response.body();
      }
      last =
          new IOException(
              what
                  + " failed: HTTP "
                  + status
                  + ": "
                  + errorMessage(response.body())
                  + hint(status, token));
      if (status != 429 && status < 500) {
        throw last;
      }
    }
    throw last;
  }

  @Override
  public void close() {
    fetched.clear();
  }

  private static String hint(int status, String token) {
    if (status == 401 && (token == null || token.isBlank())) {
      return " (no bearer token: set giq.token or construct GiqConnectorProvider with a token"
          + " supplier)";
    }
    return "";
  }

  private static String errorMessage(byte[] body) {
    try {
      JsonNode m = JSON.readTree(body).path("error").path("message");
      if (m.isTextual()) {
        return m.asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall through to the raw text
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static JsonNode parse(byte[] body, String what) throws IOException {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        throw new IOException(what + " answered with something other than a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IOException(what + " answered with invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void pause(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static String project(URI uri) throws IOException {
    String project = uri.getAuthority();
    if (!"giq".equalsIgnoreCase(uri.getScheme()) || project == null || project.isBlank()) {
      throw new IOException("not a giq://project URI: " + uri);
    }
    return project;
  }

  private static Map<String, String> query(URI uri) throws IOException {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!PARAMETERS.contains(k)) {
        throw new IOException(
            "unknown parameter '"
                + k
                + "' in "
                + uri
                + " (known: model, modelServer, pricingModel)");
      }
      if (!v.isBlank()) {
        q.put(k, v.strip());
      }
    }
    return q;
  }

  private static URI objectUri(
      String project, String model, String server, String pricing, int page) {
    try {
      return new URI(
          "giq",
          project,
          "/profiles/" + model + "/" + server + "/" + pricing + "/page-" + page + ".json",
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("no URI for " + model + " on " + server, e);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
