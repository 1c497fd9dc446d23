package ai.llmd.prism.connector.giq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The GKE Inference Quickstart REST API in this JVM, answering like the public one: proto3 JSON
 * with int64 values as strings, zero and empty fields omitted, and {@code nextPageToken} paging.
 * Serves two models (one per {@code models:fetch} page), one or two model servers each, and three
 * profiles per model, server and pricing model, two per page.
 */
final class FakeGiqServer implements AutoCloseable {

  static final String GEMMA = "google/gemma-2-9b-it";
  static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  static final Map<String, List<String>> SERVERS =
      Map.of(GEMMA, List.of("vllm"), LLAMA, List.of("vllm", "tgi"));

  /** One request: method, path, query parameters, headers of interest and JSON body. */
  record Request(
      String method,
      String path,
      Map<String, String> query,
      String authorization,
      String userProject,
      JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer http;
  private final Predicate<String> acceptToken;
  private final Queue<Request> log = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus;

  private FakeGiqServer(Predicate<String> acceptToken) throws IOException {
    this.acceptToken = acceptToken;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", this::handle);
    http.start();
  }

  /** A server accepting bearer tokens that {@code acceptToken} approves. */
  static FakeGiqServer start(Predicate<String> acceptToken) {
    try {
      return new FakeGiqServer(acceptToken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(log);
  }

  void clearLog() {
    log.clear();
  }

  void failNext(int times, int status) {
    failureStatus = status;
    failuresLeft.set(times);
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      JsonNode body = in.length == 0 ? null : JSON.readTree(in);
      Request r =
          new Request(
              ex.getRequestMethod(),
              path,
              query(ex.getRequestURI().getRawQuery()),
              ex.getRequestHeaders().getFirst("Authorization"),
              ex.getRequestHeaders().getFirst("X-Goog-User-Project"),
              body);
      log.add(r);
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(ex, failureStatus, "The service is currently unavailable.", "UNAVAILABLE");
        return;
      }
      String auth = r.authorization();
      if (auth == null
          || !auth.startsWith("Bearer ")
          || !acceptToken.test(auth.substring("Bearer ".length()))) {
        error(ex, 401, "Request is missing required authentication credential.", "UNAUTHENTICATED");
        return;
      }
      switch (r.method() + " " + path) {
        case "GET /v1/models:fetch" -> models(ex, r);
        case "GET /v1/modelServers:fetch" -> modelServers(ex, r);
        case "POST /v1/profiles:fetch" -> profiles(ex, r);
        default -> error(ex, 404, "Method not found.", "NOT_FOUND");
      }
    }
  }

  private static void models(HttpExchange ex, Request r) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    boolean second = "models-2".equals(r.query().get("pageToken"));
    out.putArray("models").add(second ? LLAMA : GEMMA);
    if (!second) {
      out.put("nextPageToken", "models-2");
    }
    send(ex, 200, out);
  }

  private static void modelServers(HttpExchange ex, Request r) throws IOException {
    String model = r.query().get("model");
    if (model == null) {
      error(ex, 400, "model is required", "INVALID_ARGUMENT");
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    List<String> servers = SERVERS.getOrDefault(model, List.of());
    if (!servers.isEmpty()) {
      ArrayNode a = out.putArray("modelServers");
      servers.forEach(a::add);
    }
    send(ex, 200, out);
  }

  private static void profiles(HttpExchange ex, Request r) throws IOException {
    JsonNode b = r.body() == null ? JSON.createObjectNode() : r.body();
    String model = b.path("model").asText("");
    String server = b.path("modelServer").asText("");
    String pricing =
        b.path("performanceRequirements").path("targetCost").path("pricingModel").asText("spot");
    if (!Set.of("spot", "on-demand", "1-year-cud", "3-years-cud").contains(pricing)) {
      error(ex, 400, "unknown pricing model " + pricing, "INVALID_ARGUMENT");
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    if (!SERVERS.getOrDefault(model, List.of()).contains(server)) {
      send(ex, 200, out); // nothing matches: every field is empty, so the answer is {}
      return;
    }
    boolean second = "profiles-2".equals(b.path("pageToken").asText(""));
    ArrayNode profiles = out.putArray("profile");
    for (int i = second ? 2 : 0; i < (second ? 3 : 2); i++) {
      profiles.add(profile(model, server, pricing, i));
    }
    ObjectNode range = out.putObject("performanceRange");
    range.putObject("throughputOutputRange").put("min", 100).put("max", 900);
    range.putObject("ttftRange").put("min", 80);
    out.put("comments", "fake profiles for " + model);
    if (!second) {
      out.put("nextPageToken", "profiles-2");
    }
    send(ex, 200, out);
  }

  /** Profile {@code i}: output throughput {@code 300 + 100 i} tokens/s on {@code i + 1} L4s. */
  static ObjectNode profile(String model, String server, String pricing, int i) {
    ObjectNode p = JSON.createObjectNode();
    ObjectNode info = p.putObject("modelServerInfo");
    info.put("model", model).put("modelServer", server).put("modelServerVersion", "v0.7.2");
    p.put("acceleratorType", "nvidia-l4");
    p.put("instanceType", "g2-standard-24");
    p.putObject("resourcesUsed").put("acceleratorCount", i + 1);
    ObjectNode stat = p.putArray("performanceStats").addObject();
    stat.put("queriesPerSecond", 1.25 * (i + 1));
    stat.put("outputTokensPerSecond", 300 + 100 * i);
    stat.put("ntpotMilliseconds", 45);
    stat.put("ttftMilliseconds", 120 + i);
    ObjectNode cost = stat.putArray("cost").addObject();
    // $2.15 per million output tokens: int64 units as a string, nanos as a number
    cost.putObject("costPerMillionOutputTokens").put("units", "2").put("nanos", 150_000_000);
    // $0.5375: zero units are omitted, as proto3 JSON does
    cost.putObject("costPerMillionInputTokens").put("nanos", 537_500_000);
    cost.put("pricingModel", pricing);
    cost.put("outputInputCostRatio", 4);
    return p;
  }

  private static void error(HttpExchange ex, int code, String message, String status)
      throws IOException {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("error").put("code", code).put("message", message).put("status", status);
    send(ex, code, out);
  }

  private static void send(HttpExchange ex, int status, JsonNode json) throws IOException {
    byte[] b = JSON.writeValueAsBytes(json);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }
}
