package ai.llmd.prism.connector.gdrive;

import ai.llmd.prism.spi.ConnectorConfig;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.RemoteConfig;
import ai.llmd.prism.spi.SourceConnector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Lists and reads Google Drive through one thread-safe {@link Drive} client. Listing walks folders
 * with {@code files.list} ({@code '<id>' in parents}, every page, shared drives included); a Google
 * Sheet is listed as one CSV per tab, read with the Sheets API's {@code values.get}, since Drive's
 * own {@code files.export} to CSV gives only the first tab.
 */
final class GdriveSourceConnector implements SourceConnector {

  static final String FOLDER = "application/vnd.google-apps.folder";
  static final String SPREADSHEET = "application/vnd.google-apps.spreadsheet";
  static final String DEFAULT_SHEETS_ROOT = "https://sheets.googleapis.com/";
  private static final String SCOPE = "https://www.googleapis.com/auth/drive.readonly";
  private static final String FILE_FIELDS = "id,name,mimeType,md5Checksum,version,size";
  private static final Set<String> RATE_LIMITS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Drive drive;
  private final NetHttpTransport transport;
  private final String sheetsRoot;
  private final int pageSize;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final Duration deadline;

  /** Tab titles by object URI, from listing: reading a tab needs its title, the URI has its id. */
  private final Map<URI, String> tabTitles = new ConcurrentHashMap<>();

  private GdriveSourceConnector(
      Drive drive,
      NetHttpTransport transport,
      String sheetsRoot,
      int pageSize,
      int maxAttempts,
      Duration retryDelay,
      Duration deadline) {
    this.drive = drive;
    this.transport = transport;
    this.sheetsRoot = sheetsRoot;
    this.pageSize = pageSize;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
    this.deadline = deadline;
  }

  static GdriveSourceConnector create(ConnectorConfig config) {
    RemoteConfig remote = RemoteConfig.of(config, "gdrive");
    int pageSize = remote.pageSize(1000, 1000);
    int attempts = remote.maxAttempts(5);
    Duration delay = remote.retryDelay(Duration.ofMillis(500));
    Duration deadline = remote.deadline(Duration.ofMinutes(2));
    Duration timeout = remote.attemptTimeout(Duration.ofSeconds(60));
    String root = url(config.string("gdrive.rootUrl").orElse(Drive.DEFAULT_ROOT_URL));
    String sheets =
        url(
            config
                .string("gdrive.sheetsRootUrl")
                .orElse(config.string("gdrive.rootUrl").isPresent() ? root : DEFAULT_SHEETS_ROOT));
    HttpRequestInitializer auth = authentication(config);
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    HttpRequestInitializer init =
        request -> {
          auth.initialize(request);
          request.setConnectTimeout(ms).setReadTimeout(ms);
          // the request log would print the API key header; retries are this class's own
          request.setLoggingEnabled(false).setCurlLoggingEnabled(false).setNumberOfRetries(0);
        };
    NetHttpTransport transport = new NetHttpTransport();
    Drive drive =
        new Drive.Builder(transport, GsonFactory.getDefaultInstance(), init)
            .setRootUrl(root)
            .setApplicationName("prism")
            .build();
    return new GdriveSourceConnector(drive, transport, sheets, pageSize, attempts, delay, deadline);
  }

  private static String url(String u) {
    if (!u.startsWith("http://") && !u.startsWith("https://")) {
      throw new IllegalArgumentException("gdrive root URLs must be http:// or https:// URLs");
    }
    return u.endsWith("/") ? u : u + "/";
  }

  /** Sets credentials on every request; the secrets stay inside the closure. */
  private static HttpRequestInitializer authentication(ConnectorConfig config) {
    String apiKey = config.string("gdrive.apiKey").orElse(null);
    if (apiKey != null) {
      // a header, not the key= parameter: URLs appear in the client's exception messages
      return request -> request.getHeaders().set("X-Goog-Api-Key", apiKey);
    }
    if (config.bool("gdrive.anonymous", false)) {
      return request -> {};
    }
    GoogleCredentials credentials;
    String file = config.string("gdrive.credentials").orElse(null);
    try {
      if (file != null) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          credentials = GoogleCredentials.fromStream(in);
        }
      } else {
        credentials = GoogleCredentials.getApplicationDefault();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          file != null
              ? new IOException(
                  "gdrive.credentials: "
                      + file
                      + " could not be read as a Google credentials JSON file ("
                      + e.getClass().getSimpleName()
                      + ")")
              : new IOException(
                  "no Google credentials: set gdrive.credentials to a service-account key file,"
                      + " gdrive.apiKey for public files, or set up Application Default"
                      + " Credentials (gcloud auth application-default login)"));
    }
    return new HttpCredentialsAdapter(credentials.createScoped(List.of(SCOPE)));
  }

  @Override
  public void list(URI root, Consumer<ObjectRef> each) throws IOException {
    Location at = Location.of(root);
    File item = metadata(at.id(), root);
    if (at.kind() == Location.Kind.FOLDER) {
      if (!FOLDER.equals(item.getMimeType())) {
        throw new IOException(root + ": " + at.id() + " is not a folder (use gdrive://file/…)");
      }
      for (String name : at.names()) {
        item = child(item, name, root);
      }
    }
    if (FOLDER.equals(item.getMimeType())) {
      walk(item.getId(), each);
    } else {
      emit(item, "", at.gid(), each);
    }
  }

  /** Every file below {@code folderId}, depth first, keys relative to it. */
  private void walk(String folderId, Consumer<ObjectRef> each) throws IOException {
    Deque<String[]> folders = new ArrayDeque<>();
    folders.push(new String[] {folderId, ""});
    Set<String> seen = new HashSet<>();
    while (!folders.isEmpty()) {
      String[] f = folders.pop();
      if (!seen.add(f[0])) {
        continue;
      }
      List<File> children = children(f[0], null);
      List<String[]> subfolders = new ArrayList<>();
      for (File c : children) {
        if (FOLDER.equals(c.getMimeType())) {
          subfolders.add(new String[] {c.getId(), f[1] + c.getName() + "/"});
        } else {
          emit(c, f[1], null, each);
        }
      }
      for (int i = subfolders.size() - 1; i >= 0; i--) {
        folders.push(subfolders.get(i));
      }
    }
  }

  /** Every child of a folder (or those named {@code name}), over every page. */
  private List<File> children(String folderId, String name) throws IOException {
    String q = "'" + escape(folderId) + "' in parents and trashed = false";
    if (name != null) {
      q += " and name = '" + escape(name) + "'";
    }
    List<File> out = new ArrayList<>();
    String token = null;
    Set<String> tokens = new HashSet<>();
    do {
      Drive.Files.List request =
          drive
              .files()
              .list()
              .setQ(q)
              .setPageSize(pageSize)
              .setOrderBy("name")
              .setSupportsAllDrives(true)
              .setIncludeItemsFromAllDrives(true)
              .setFields("nextPageToken,files(" + FILE_FIELDS + ")");
      if (token != null) {
        request.setPageToken(token);
      }
      FileList page = call("listing folder " + folderId, null, request::execute);
      if (page.getFiles() != null) {
        out.addAll(page.getFiles());
      }
      token = page.getNextPageToken();
      if (token != null && !tokens.add(token)) {
        throw new IOException("listing folder " + folderId + " repeated the page token");
      }
    } while (token != null && !token.isEmpty());
    return out;
  }

  private File child(File folder, String name, URI root) throws IOException {
    if (!FOLDER.equals(folder.getMimeType())) {
      throw new FileNotFoundException(root + ": '" + folder.getName() + "' is not a folder");
    }
    List<File> found = children(folder.getId(), name);
    if (found.isEmpty()) {
      throw new FileNotFoundException(root + ": no '" + name + "' in '" + folder.getName() + "'");
    }
    if (found.size() > 1) {
      throw new IOException(
          root + ": " + found.size() + " items are named '" + name + "'; use gdrive://file/<id>");
    }
    return found.get(0);
  }

  private File metadata(String id, URI what) throws IOException {
    return call(
        what.toString(),
        what,
        () -> drive.files().get(id).setSupportsAllDrives(true).setFields(FILE_FIELDS).execute());
  }

  /** One file, or every tab of a spreadsheet (only tab {@code gid} when given). */
  private void emit(File f, String prefix, String gid, Consumer<ObjectRef> each)
      throws IOException {
    String token =
        f.getMd5Checksum() != null
            ? f.getMd5Checksum()
            : f.getVersion() == null ? null : "v" + f.getVersion();
    if (!SPREADSHEET.equals(f.getMimeType())) {
      long size = f.getSize() == null ? -1 : f.getSize();
      each.accept(new ObjectRef(Location.fileUri(f.getId()), prefix + f.getName(), size, token));
      return;
    }
    JsonNode sheet =
        json(
            "reading the tabs of " + Location.fileUri(f.getId()),
            sheetsRoot
                + "v4/spreadsheets/"
                + f.getId()
                + "?fields="
                + enc("sheets.properties(sheetId,title)"));
    for (JsonNode s : sheet.path("sheets")) {
      String id = s.path("properties").path("sheetId").asText();
      String title = s.path("properties").path("title").asText();
      if (gid != null && !gid.equals(id)) {
        continue;
      }
      String key = f.getName() + "/" + title + ".csv";
      URI uri = Location.tabUri(f.getId(), key, id);
      tabTitles.put(uri, title);
      each.accept(new ObjectRef(uri, prefix + key, -1, token));
    }
  }

  /**
   * Reads a file, or one tab of a spreadsheet as CSV, and checks it against the listed change
   * token, so that content replaced since listing is reported instead of read.
   */
  @Override
  public InputStream open(ObjectRef object) throws IOException {
    URI uri = object.uri();
    Location at = Location.of(uri);
    String id = at.id();
    if (at.kind() == Location.Kind.FOLDER) {
      File f = metadata(id, uri);
      for (String name : at.names()) {
        f = child(f, name, uri);
      }
      id = f.getId();
    }
    String fileId = id;
    String token = object.changeToken();
    if (at.gid() != null) {
      byte[] csv = tab(uri, fileId, at.gid());
      checkVersion(uri, fileId, token);
      return new ByteArrayInputStream(csv);
    }
    byte[] content =
        call(
            "reading " + uri,
            uri,
            () -> {
              try (InputStream in =
                  drive
                      .files()
                      .get(fileId)
                      .setSupportsAllDrives(true)
                      .executeMediaAsInputStream()) {
                return in.readAllBytes();
              }
            });
    if (token != null && token.length() == 32 && !token.startsWith("v")) {
      if (!md5(content).equals(token)) {
        throw new IOException(uri + ": changed since it was listed (MD5 differs); load again");
      }
    } else {
      checkVersion(uri, fileId, token);
    }
    return new ByteArrayInputStream(content);
  }

  private byte[] tab(URI uri, String fileId, String gid) throws IOException {
    String title = tabTitles.get(uri);
    if (title == null) {
      JsonNode sheet =
          json(
              "reading the tabs of " + uri,
              sheetsRoot
                  + "v4/spreadsheets/"
                  + fileId
                  + "?fields="
                  + enc("sheets.properties(sheetId,title)"));
      for (JsonNode s : sheet.path("sheets")) {
        if (gid.equals(s.path("properties").path("sheetId").asText())) {
          title = s.path("properties").path("title").asText();
        }
      }
      if (title == null) {
        throw new FileNotFoundException(uri + ": the spreadsheet has no tab with gid " + gid);
      }
    }
    String range = "'" + title.replace("'", "''") + "'";
    JsonNode values =
        json(
            "reading " + uri,
            sheetsRoot
                + "v4/spreadsheets/"
                + fileId
                + "/values/"
                + enc(range).replace("+", "%20")
                + "?majorDimension=ROWS&valueRenderOption=UNFORMATTED_VALUE"
                + "&dateTimeRenderOption=FORMATTED_STRING");
    return SheetCsv.of(values.path("values"));
  }

  private void checkVersion(URI uri, String fileId, String token) throws IOException {
    if (token == null || !token.startsWith("v")) {
      return;
    }
    File now =
        call(
            "checking " + uri,
            uri,
            () ->
                drive
                    .files()
                    .get(fileId)
                    .setSupportsAllDrives(true)
                    .setFields("version")
                    .execute());
    if (!token.equals("v" + now.getVersion())) {
      throw new IOException(uri + ": changed since it was listed (version differs); load again");
    }
  }

  private JsonNode json(String what, String url) throws IOException {
    return call(
        what,
        null,
        () -> {
          HttpResponse r = drive.getRequestFactory().buildGetRequest(new GenericUrl(url)).execute();
          try (InputStream in = r.getContent()) {
            return JSON.readTree(in);
          } finally {
            r.disconnect();
          }
        });
  }

  /** One try of a request. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code attempt}, retrying 429, 5xx, rate-limit 403s and broken connections with
   * exponential backoff and full jitter, at most {@code maxAttempts} times and never past the
   * deadline; turns what is left into an {@link IOException} that names {@code what}.
   */
  private <T> T call(String what, URI notFound, Attempt<T> attempt) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    for (int n = 1; ; n++) {
      IOException failure;
      boolean retry;
      try {
        return attempt.run();
      } catch (HttpResponseException e) {
        ApiError err = ApiError.of(e);
        retry = err.status() == 429 || err.status() >= 500 || RATE_LIMITS.contains(err.reason());
        failure = err.exception(what, notFound);
      } catch (FileNotFoundException | InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        retry = true;
        failure = new IOException(what + " failed: " + e.getClass().getSimpleName(), e);
      }
      if (!retry || n >= maxAttempts) {
        throw n > 1
            ? new IOException(failure.getMessage() + " (" + n + " tries)", failure)
            : failure;
      }
      long cap = retryDelay.toNanos() << Math.min(n - 1, 6);
      long pause = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
      if (System.nanoTime() + pause > end) {
        throw new IOException(
            failure.getMessage() + " (gave up at the deadline of " + deadline + ")", failure);
      }
      try {
        Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(what + " was interrupted while waiting to retry");
      }
    }
  }

  /** An error answer of a Google API: status, first reason and message. */
  private record ApiError(int status, String reason, String message) {

    static ApiError of(HttpResponseException e) {
      String reason = "";
      String message = e.getStatusMessage() == null ? "" : e.getStatusMessage();
      if (e instanceof GoogleJsonResponseException g && g.getDetails() != null) {
        GoogleJsonError d = g.getDetails();
        if (d.getErrors() != null
            && !d.getErrors().isEmpty()
            && d.getErrors().get(0).getReason() != null) {
          reason = d.getErrors().get(0).getReason();
        }
        return new ApiError(
            e.getStatusCode(), reason, d.getMessage() == null ? message : d.getMessage());
      }
      try {
        JsonNode err = e.getContent() == null ? null : JSON.readTree(e.getContent()).path("error");
        if (err != null) {
          reason = err.path("errors").path(0).path("reason").asText(err.path("status").asText(""));
          message = err.path("message").asText(message);
        }
      } catch (IOException | RuntimeException notJson) {
        // keep the status line
      }
      return new ApiError(e.getStatusCode(), reason, message);
    }

    IOException exception(String what, URI notFound) {
      String text =
          what
              + " failed: HTTP "
              + status
              + (reason.isEmpty() ? "" : " " + reason)
              + (message.isEmpty() ? "" : ": " + message);
      if (status == 404 && notFound != null) {
        return new FileNotFoundException(
            notFound + ": not found, or not shared with these credentials");
      }
      if (status == 403 && "fileNotDownloadable".equals(reason)) {
        return new IOException(
            what + ": a Google Docs editors file; only Google Sheets are read (as CSV per tab)");
      }
      if (status == 401 || (status == 403 && !RATE_LIMITS.contains(reason))) {
        return new IOException(
            text + " (check gdrive.credentials or gdrive.apiKey, and that the file is shared)");
      }
      return new IOException(text);
    }
  }

  @Override
  public void close() throws IOException {
    tabTitles.clear();
    transport.shutdown();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  @Override
  public String toString() {
    return "GdriveSourceConnector(" + drive.getRootUrl() + ")";
  }

  /**
   * What a {@code gdrive://} URI names: a folder (and maybe a path of names below it) or a file
   * (and maybe one tab of it, {@code ?gid=}).
   */
  record Location(Kind kind, String id, List<String> names, String gid) {

    enum Kind {
      FOLDER,
      FILE
    }

    static Location of(URI uri) throws IOException {
      String authority = uri.getAuthority();
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (!"gdrive".equalsIgnoreCase(uri.getScheme())
          || !("folder".equals(authority) || "file".equals(authority))
          || path.length() < 2) {
        throw new IOException("not a gdrive://folder/<id> or gdrive://file/<id> URI: " + uri);
      }
      List<String> parts = new ArrayList<>();
      for (String p : path.substring(1).split("/")) {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      }
      if (parts.isEmpty()) {
        throw new IOException("no folder or file id in " + uri);
      }
      String gid = null;
      String q = uri.getQuery();
      if (q != null && !q.isEmpty()) {
        if (!q.matches("gid=[0-9]+") || authority.equals("folder")) {
          throw new IOException("unknown query '" + q + "' in " + uri + " (only ?gid=<tab id>)");
        }
        gid = q.substring(4);
      }
      Kind kind = authority.equals("folder") ? Kind.FOLDER : Kind.FILE;
      // after a file id come only the display name of a tab
      List<String> names = kind == Kind.FOLDER ? parts.subList(1, parts.size()) : List.of();
      return new Location(kind, parts.get(0), List.copyOf(names), gid);
    }

    static URI fileUri(String id) {
      return uri("/" + id, null);
    }

    static URI tabUri(String id, String name, String gid) {
      return uri("/" + id + "/" + name, "gid=" + gid);
    }

    private static URI uri(String path, String query) {
      try {
        return new URI("gdrive", "file", path, query, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("no URI for gdrive://file" + path, e);
      }
    }
  }
}
