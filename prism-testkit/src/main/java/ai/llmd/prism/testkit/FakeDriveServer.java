package ai.llmd.prism.testkit;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory stand-in for the parts of the Google Drive v3 and Sheets v4 REST APIs that a reader
 * of folders uses, on 127.0.0.1: {@code files.list} (a {@code q} of {@code '<id>' in parents},
 * {@code trashed = false} and {@code name = '…'} joined by {@code and}; {@code pageSize} up to
 * 1,000, default 100; {@code pageToken}; {@code fields}; {@code supportsAllDrives} and {@code
 * includeItemsFromAllDrives}), {@code files.get} (metadata, or content with {@code alt=media}, also
 * under {@code /download/drive/v3/}), {@code files.export} (a spreadsheet's <em>first</em> sheet as
 * CSV, as the real service does), {@code spreadsheets.get} and {@code spreadsheets.values.get} (one
 * tab's values), and an OAuth token endpoint for service-account keys. Every request is logged, and
 * failures can be injected.
 *
 * <p>As the real service: items of a shared drive are listed only with {@code
 * includeItemsFromAllDrives=true} and found only with {@code supportsAllDrives=true}; a native
 * Google file cannot be downloaded with {@code alt=media} (403 {@code fileNotDownloadable}); {@code
 * fields} limits the members of each listed file to the ones named.
 */
public final class FakeDriveServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String method, String path, Map<String, String> query) {}

  /** The MIME type of a folder. */
  public static final String FOLDER = "application/vnd.google-apps.folder";

  /** The MIME type of a Google Sheet. */
  public static final String SPREADSHEET = "application/vnd.google-apps.spreadsheet";

  /** The MIME type of a Google Doc (which cannot be downloaded, only exported). */
  public static final String DOCUMENT = "application/vnd.google-apps.document";

  /** The access token the token endpoint hands out for any service-account assertion. */
  public static final String ISSUED_TOKEN = "ya29.fake-drive-token";

  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARENTS = Pattern.compile("'([^']*)' in parents");
  private static final Pattern NAME = Pattern.compile("name = '((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern TRASHED = Pattern.compile("trashed = (true|false)");

  /** One tab of a spreadsheet. */
  private record Sheet(int sheetId, String title, List<List<Object>> values) {}

  private static final class Item {
    final String id;
    volatile String name;
    final String parent;
    final String mimeType;
    final boolean sharedDrive;
    volatile byte[] content;
    volatile List<Sheet> sheets;
    volatile long version;

    Item(String id, String name, String parent, String mimeType, boolean sharedDrive) {
      this.id = id;
      this.name = name;
      this.parent = parent;
      this.mimeType = mimeType;
      this.sharedDrive = sharedDrive;
    }
  }

  private final HttpServer http;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final Map<String, Item> items = new ConcurrentHashMap<>();
  private final Queue<Request> log = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final AtomicLong versions = new AtomicLong(1);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus;
  private volatile String failureReason;
  private volatile String failurePath = "";
  private volatile String requiredApiKey;
  private volatile boolean requireToken;

  static {
    // as for FakeGcsServer: without it each small response waits for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeDriveServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
  }

  /** Starts a server on a free port of the loopback interface. */
  public static FakeDriveServer start() {
    try {
      return new FakeDriveServer();
    } catch (IOException e) {
      throw new UncheckedIOException("the fake Drive server could not start", e);
    }
  }

  /** The root URL for both APIs, e.g. {@code http://127.0.0.1:41234/}. */
  public String rootUrl() {
    return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort() + "/";
  }

  /** The OAuth token endpoint, for the {@code token_uri} of a service-account key. */
  public String tokenUri() {
    return rootUrl() + "token";
  }

  /** Creates a folder with the given id under {@code parent} (null: at the top); returns it. */
  public String folder(String id, String name, String parent) {
    return add(new Item(id, name, parent, FOLDER, false)).id;
  }

  /** Creates a folder that lives in a shared drive; returns its id. */
  public String sharedDriveFolder(String id, String name, String parent) {
    return add(new Item(id, name, parent, FOLDER, true)).id;
  }

  /** Creates a file under {@code parent}; returns its new id. */
  public String file(String parent, String name, byte[] content) {
    Item parentItem = items.get(parent);
    Item i =
        new Item(
            "f" + ids.incrementAndGet(),
            name,
            parent,
            "application/octet-stream",
            parentItem != null && parentItem.sharedDrive);
    i.content = content.clone();
    i.version = versions.incrementAndGet();
    return add(i).id;
  }

  /** Creates a Google Doc (not downloadable, not a spreadsheet) under {@code parent}. */
  public String document(String parent, String name) {
    Item i = new Item("d" + ids.incrementAndGet(), name, parent, DOCUMENT, false);
    i.version = versions.incrementAndGet();
    return add(i).id;
  }

  /**
   * Creates a Google Sheet under {@code parent} with tabs in order, each a title and its rows
   * (cells are strings, numbers or booleans); returns its id. Tab ids (gid) are 0, 1, 2, …
   */
  public String spreadsheet(String parent, String title, Map<String, List<List<Object>>> tabs) {
    Item i = new Item("s" + ids.incrementAndGet(), title, parent, SPREADSHEET, false);
    i.sheets = sheets(tabs);
    i.version = versions.incrementAndGet();
    return add(i).id;
  }

  /** Replaces the content of a file (its md5Checksum and version change). */
  public void replace(String id, byte[] content) {
    Item i = existing(id);
    i.content = content.clone();
    i.version = versions.incrementAndGet();
  }

  /** Replaces the tabs of a spreadsheet (its version changes). */
  public void replaceSheets(String id, Map<String, List<List<Object>>> tabs) {
    Item i = existing(id);
    i.sheets = sheets(tabs);
    i.version = versions.incrementAndGet();
  }

  /** The id of the child of {@code parent} named {@code name}, or null. */
  public String childNamed(String parent, String name) {
    for (Item i : items.values()) {
      if (parent.equals(i.parent) && name.equals(i.name)) {
        return i.id;
      }
    }
    return null;
  }

  /**
   * Puts {@code content} at a slash-separated {@code path} below folder {@code root} (created if
   * absent, at the top), making the folders between and replacing a file already there.
   */
  public String put(String root, String path, byte[] content) {
    if (!items.containsKey(root)) {
      folder(root, root, null);
    }
    String parent = root;
    String[] parts = path.split("/");
    for (int p = 0; p < parts.length - 1; p++) {
      String next = childNamed(parent, parts[p]);
      if (next == null) {
        next = folder("d" + ids.incrementAndGet(), parts[p], parent);
      }
      parent = next;
    }
    String existing = childNamed(parent, parts[parts.length - 1]);
    if (existing != null) {
      replace(existing, content);
      return existing;
    }
    return file(parent, parts[parts.length - 1], content);
  }

  /** Only requests with this API key (in {@code X-Goog-Api-Key} or {@code key}) are served. */
  public void requireApiKey(String key) {
    requiredApiKey = key;
  }

  /** Only requests bearing {@link #ISSUED_TOKEN} are served (the token endpoint aside). */
  public void requireToken() {
    requireToken = true;
  }

  /** Answers the next {@code times} requests with {@code status} and an error {@code reason}. */
  public void failNext(int times, int status, String reason) {
    failNext(times, status, reason, "");
  }

  /**
   * Answers the next {@code times} requests whose path starts with {@code pathPrefix} with {@code
   * status} and an error {@code reason} (e.g. 403 {@code rateLimitExceeded}, 500 {@code
   * backendError}).
   */
  public void failNext(int times, int status, String reason, String pathPrefix) {
    failureStatus = status;
    failureReason = reason;
    failurePath = pathPrefix;
    failuresLeft.set(times);
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(log);
  }

  /** How many times the content of file {@code id} was sent (download, export or values). */
  public int downloads(String id) {
    AtomicInteger n = downloads.get(id);
    return n == null ? 0 : n.get();
  }

  /** How many {@code files.list} requests (pages) were answered. */
  public int listPages() {
    return (int) log.stream().filter(r -> r.path().equals("/drive/v3/files")).count();
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

  private Item add(Item i) {
    items.put(i.id, i);
    return i;
  }

  private Item existing(String id) {
    Item i = items.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no item " + id);
    }
    return i;
  }

  private static List<Sheet> sheets(Map<String, List<List<Object>>> tabs) {
    List<Sheet> out = new ArrayList<>();
    int gid = 0;
    for (Map.Entry<String, List<List<Object>>> t : tabs.entrySet()) {
      List<List<Object>> rows = new ArrayList<>();
      t.getValue().forEach(r -> rows.add(List.copyOf(r)));
      out.add(new Sheet(gid++, t.getKey(), List.copyOf(rows)));
    }
    return List.copyOf(out);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      String path = FakeGcsServer.percentDecode(ex.getRequestURI().getRawPath());
      Request r =
          new Request(
              ex.getRequestMethod(), path, FakeGcsServer.query(ex.getRequestURI().getRawQuery()));
      log.add(r);
      if (path.startsWith(failurePath) && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(ex, failureStatus, failureReason, "injected failure");
        return;
      }
      if (path.equals("/token") && r.method().equals("POST")) {
        FakeGcsServer.send(
            ex,
            200,
            "application/json",
            "{\"access_token\":\""
                + ISSUED_TOKEN
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        return;
      }
      if (!authorized(ex, r)) {
        return;
      }
      if (!r.method().equals("GET")) {
        error(ex, 405, "badRequest", "only GET is supported by this fake");
        return;
      }
      route(ex, r, path);
    } catch (RuntimeException e) {
      error(ex, 500, "backendError", String.valueOf(e));
    }
  }

  private boolean authorized(HttpExchange ex, Request r) throws IOException {
    String key = requiredApiKey;
    if (key != null) {
      String given = ex.getRequestHeaders().getFirst("X-Goog-Api-Key");
      if (!key.equals(given) && !key.equals(r.query().get("key"))) {
        error(ex, 400, "keyInvalid", "API key not valid. Please pass a valid API key.");
        return false;
      }
    }
    if (requireToken
        && !("Bearer " + ISSUED_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      error(ex, 401, "authError", "Request is missing required authentication credential.");
      return false;
    }
    return true;
  }

  private void route(HttpExchange ex, Request r, String fullPath) throws IOException {
    // the Drive client downloads media from /download/drive/v3/…; both prefixes work
    String path =
        fullPath.startsWith("/download/drive/")
            ? fullPath.substring("/download".length())
            : fullPath;
    if (path.equals("/drive/v3/files")) {
      list(ex, r);
      return;
    }
    Matcher export = Pattern.compile("/drive/v3/files/([^/]+)/export").matcher(path);
    if (export.matches()) {
      export(ex, r, export.group(1));
      return;
    }
    Matcher get = Pattern.compile("/drive/v3/files/([^/]+)").matcher(path);
    if (get.matches()) {
      get(ex, r, get.group(1));
      return;
    }
    Matcher values = Pattern.compile("/v4/spreadsheets/([^/]+)/values/(.+)").matcher(path);
    if (values.matches()) {
      values(ex, values.group(1), values.group(2));
      return;
    }
    Matcher spreadsheet = Pattern.compile("/v4/spreadsheets/([^/]+)").matcher(path);
    if (spreadsheet.matches()) {
      spreadsheet(ex, spreadsheet.group(1));
      return;
    }
    error(ex, 404, "notFound", "no such API path: " + path);
  }

  private void list(HttpExchange ex, Request r) throws IOException {
    Map<String, String> q = r.query();
    boolean all = "true".equals(q.get("supportsAllDrives"));
    boolean fromAllDrives = "true".equals(q.get("includeItemsFromAllDrives"));
    if (fromAllDrives && !all) {
      error(
          ex,
          403,
          "teamDrivesParameterNotSupported",
          "includeItemsFromAllDrives requires supportsAllDrives=true");
      return;
    }
    String query = q.getOrDefault("q", "");
    Matcher parents = PARENTS.matcher(query);
    Matcher name = NAME.matcher(query);
    Matcher trashed = TRASHED.matcher(query);
    String rest = query.replaceAll(PARENTS.pattern(), "").replaceAll(NAME.pattern(), "");
    rest = rest.replaceAll(TRASHED.pattern(), "").replace("and", "").strip();
    if (!rest.isEmpty()) {
      error(ex, 400, "invalid", "this fake does not understand the query: " + query);
      return;
    }
    String parent = parents.find() ? parents.group(1) : null;
    String wanted = name.find() ? name.group(1).replace("\\'", "'").replace("\\\\", "\\") : null;
    // nothing in this fake is ever trashed
    boolean onlyTrashed = trashed.find() && trashed.group(1).equals("true");
    int size;
    try {
      size = Integer.parseInt(q.getOrDefault("pageSize", "" + DEFAULT_PAGE));
    } catch (NumberFormatException e) {
      error(ex, 400, "invalid", "Invalid value for pageSize");
      return;
    }
    if (size < 1 || size > MAX_PAGE) {
      error(ex, 400, "invalid", "Invalid value '" + size + "'. Values must be within [1, 1000]");
      return;
    }
    List<Item> matching = new ArrayList<>();
    for (Item i : items.values()) {
      if ((parent == null || parent.equals(i.parent))
          && (wanted == null || wanted.equals(i.name))
          && (!i.sharedDrive || fromAllDrives)
          && !onlyTrashed) {
        matching.add(i);
      }
    }
    matching.sort(Comparator.comparing((Item i) -> i.name).thenComparing(i -> i.id));
    int from = 0;
    String token = q.get("pageToken");
    if (token != null) {
      try {
        from = Integer.parseInt(token.substring(1));
      } catch (RuntimeException e) {
        error(ex, 400, "invalid", "Invalid page token");
        return;
      }
    }
    Set<String> fileFields = listFields(q.get("fields"));
    ObjectNode out = JSON.createObjectNode().put("kind", "drive#fileList");
    ArrayNode files = out.putArray("files");
    int to = Math.min(matching.size(), from + size);
    for (int k = from; k < to; k++) {
      files.add(metadata(matching.get(k), fileFields));
    }
    if (to < matching.size()) {
      out.put("nextPageToken", "p" + to);
    }
    out.put("incompleteSearch", false);
    FakeGcsServer.send(ex, 200, "application/json", JSON.writeValueAsString(out));
  }

  private void get(HttpExchange ex, Request r, String id) throws IOException {
    Item i = visible(ex, r, id);
    if (i == null) {
      return;
    }
    if ("media".equals(r.query().get("alt"))) {
      if (i.content == null) {
        error(
            ex,
            403,
            "fileNotDownloadable",
            "Only files with binary content can be downloaded. Use Export with Docs Editors files.");
        return;
      }
      downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      sendBytes(ex, "application/octet-stream", i.content);
      return;
    }
    FakeGcsServer.send(
        ex,
        200,
        "application/json",
        JSON.writeValueAsString(metadata(i, fields(r.query().get("fields")))));
  }

  private void export(HttpExchange ex, Request r, String id) throws IOException {
    Item i = visible(ex, r, id);
    if (i == null) {
      return;
    }
    if (i.sheets == null || !"text/csv".equals(r.query().get("mimeType"))) {
      error(ex, 400, "badRequest", "Export only supports Docs Editors files.");
      return;
    }
    downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    // the real service exports only the first sheet as CSV
    sendBytes(ex, "text/csv", csv(i.sheets.get(0).values()).getBytes(StandardCharsets.UTF_8));
  }

  private void spreadsheet(HttpExchange ex, String id) throws IOException {
    Item i = items.get(id);
    if (i == null || i.sheets == null) {
      error(ex, 404, "notFound", "Requested entity was not found.");
      return;
    }
    ObjectNode out = JSON.createObjectNode().put("spreadsheetId", id);
    out.putObject("properties").put("title", i.name);
    ArrayNode sheets = out.putArray("sheets");
    int index = 0;
    for (Sheet s : i.sheets) {
      sheets
          .addObject()
          .putObject("properties")
          .put("sheetId", s.sheetId())
          .put("title", s.title())
          .put("index", index++);
    }
    FakeGcsServer.send(ex, 200, "application/json", JSON.writeValueAsString(out));
  }

  private void values(HttpExchange ex, String id, String range) throws IOException {
    Item i = items.get(id);
    if (i == null || i.sheets == null) {
      error(ex, 404, "notFound", "Requested entity was not found.");
      return;
    }
    String title =
        range.startsWith("'") && range.endsWith("'") && range.length() >= 2
            ? range.substring(1, range.length() - 1).replace("''", "'")
            : range;
    for (Sheet s : i.sheets) {
      if (s.title().equals(title)) {
        downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode out = JSON.createObjectNode().put("range", range).put("majorDimension", "ROWS");
        if (!s.values().isEmpty()) {
          out.set("values", JSON.valueToTree(s.values()));
        }
        FakeGcsServer.send(ex, 200, "application/json", JSON.writeValueAsString(out));
        return;
      }
    }
    error(ex, 400, "badRequest", "Unable to parse range: " + range);
  }

  /** The item, or null after answering 404 as the real service does for what it cannot see. */
  private Item visible(HttpExchange ex, Request r, String id) throws IOException {
    Item i = items.get(id);
    if (i == null || (i.sharedDrive && !"true".equals(r.query().get("supportsAllDrives")))) {
      error(ex, 404, "notFound", "File not found: " + id + ".");
      return null;
    }
    return i;
  }

  private static ObjectNode metadata(Item i, Set<String> fields) {
    ObjectNode o = JSON.createObjectNode();
    Map<String, Object> all = new HashMap<>();
    all.put("kind", "drive#file");
    all.put("id", i.id);
    all.put("name", i.name);
    all.put("mimeType", i.mimeType);
    if (i.parent != null) {
      all.put("parents", List.of(i.parent));
    }
    if (!i.mimeType.equals(FOLDER)) {
      all.put("version", Long.toString(i.version));
    }
    if (i.content != null) {
      all.put("size", Integer.toString(i.content.length));
      all.put("md5Checksum", md5(i.content));
    }
    for (String f : fields) {
      Object v = all.get(f);
      if (v != null) {
        o.set(f, JSON.valueToTree(v));
      }
    }
    return o;
  }

  /** The members asked for inside {@code files(…)}, or the default four. */
  private static Set<String> listFields(String fields) {
    if (fields == null || fields.isBlank()) {
      return Set.of("kind", "id", "name", "mimeType");
    }
    Matcher m = Pattern.compile("files\\(([^)]*)\\)").matcher(fields);
    if (m.find()) {
      return fields(m.group(1));
    }
    return fields.contains("files") ? fields("*") : Set.of();
  }

  private static Set<String> fields(String fields) {
    if (fields == null || fields.isBlank()) {
      return Set.of("kind", "id", "name", "mimeType");
    }
    if (fields.strip().equals("*")) {
      return Set.of("kind", "id", "name", "mimeType", "parents", "version", "size", "md5Checksum");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String f : fields.split(",")) {
      out.add(f.strip());
    }
    return out;
  }

  /** RFC 4180 CSV of rows, as the real export writes it. */
  static String csv(List<List<Object>> rows) {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        String v = String.valueOf(row.get(c));
        if (c > 0) {
          b.append(',');
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
          b.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          b.append(v);
        }
      }
      b.append("\r\n");
    }
    return b.toString();
  }

  private static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static void error(HttpExchange ex, int status, String reason, String message)
      throws IOException {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode e = out.putObject("error").put("code", status).put("message", message);
    e.putArray("errors")
        .addObject()
        .put("domain", "global")
        .put("reason", reason == null ? "unknown" : reason)
        .put("message", message);
    FakeGcsServer.send(ex, status, "application/json", JSON.writeValueAsString(out));
  }

  private static void sendBytes(HttpExchange ex, String type, byte[] b) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public String toString() {
    return "FakeDriveServer(" + items.size() + " items) at " + rootUrl();
  }
}
