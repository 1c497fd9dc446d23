package ai.llmd.prism.core;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.formats.ColumnMappedReader;
import ai.llmd.prism.core.internal.CachingConnector;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.core.internal.OverLimitException;
import ai.llmd.prism.core.internal.PathSourceFile;
import ai.llmd.prism.core.normalize.Normalizer;
import ai.llmd.prism.spi.ConnectorProvider;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Sniff;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.spi.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The entry point: loads benchmark results from files, directories, standard input and remote
 * stores into {@link BenchmarkPoint}s, with every problem reported as a value.
 *
 * <pre>{@code
 * Prism prism = Prism.create();
 * LoadResult result = prism.load("results/", "gs://bucket/runs/");
 * result.problems().forEach(System.err::println);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Prism {

  /**
   * The connector configuration key naming a directory where objects read from remote stores are
   * kept, keyed by URI and change token, so that loading again downloads only what changed. Off
   * unless set.
   */
  public static final String CACHE_DIR = "cache.dir";

  /**
   * The connector configuration key capping the cache's size in MiB ({@link #DEFAULT_CACHE_MAX_MIB}
   * unless set); past it the least recently used objects are deleted.
   */
  public static final String CACHE_MAX_MIB = "cache.max-mib";

  /** 1 GiB of cached objects. */
  public static final int DEFAULT_CACHE_MAX_MIB = 1024;

  // What, besides an object's URI, decides which object a connector reads: its endpoint and the
  // identity it reads as. An s3:// key from one endpoint is not the same object at another.
  private static final List<String> SCOPE_KEYS =
      List.of("endpoint", "host", "region", "project", "anonymous", "pathStyle", "accessKeyId");
  private static final List<String> SCOPE_ENVIRONMENT =
      List.of(
          "AWS_ENDPOINT_URL",
          "AWS_ENDPOINT_URL_S3",
          "AWS_PROFILE",
          "AWS_ACCESS_KEY_ID",
          "AWS_REGION",
          "STORAGE_EMULATOR_HOST",
          "GOOGLE_APPLICATION_CREDENTIALS",
          "GOOGLE_CLOUD_PROJECT");

  /** The connector settings and environment that decide where {@code scheme} objects come from. */
  private String cacheScope(String scheme) {
    StringBuilder b = new StringBuilder(scheme);
    for (String k : SCOPE_KEYS) {
      options
          .connectorConfig()
          .string(scheme + "." + k)
          .ifPresent(v -> b.append('\n').append(k).append('=').append(v));
    }
    for (String e : SCOPE_ENVIRONMENT) {
      String v = System.getenv(e);
      if (v != null && !v.isBlank()) {
        b.append('\n').append(e).append('=').append(v);
      }
    }
    return b.toString();
  }

  /**
   * The connector configuration key bounding the time to fetch one remote object, from the request
   * to its last byte, in seconds or ISO-8601 ({@code PT2M}); {@link #DEFAULT_READ_DEADLINE} unless
   * set. It covers every connector alike (https, S3, GCS, …), beyond their own connect and header
   * timeouts.
   */
  public static final String READ_DEADLINE = "read.deadline";

  /** Ten minutes: 256 MiB at well under 1 MB/s. */
  public static final Duration DEFAULT_READ_DEADLINE = Duration.ofMinutes(10);

  // daemon threads that fetch remote objects under a deadline; idle ones end after a minute
  private static final ExecutorService REMOTE_READS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "prism-remote-read");
            t.setDaemon(true);
            return t;
          });

  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");

  private final Plugins plugins;
  private final LoadOptions options;
  private final Normalizer normalizer;
  private final LoadProgress progress;
  private final ColumnMappedReader mapping;

  private Prism(Plugins plugins, LoadOptions options, Normalizer normalizer) {
    this(plugins, options, normalizer, LoadProgress.NONE, null);
  }

  private Prism(
      Plugins plugins,
      LoadOptions options,
      Normalizer normalizer,
      LoadProgress progress,
      ColumnMappedReader mapping) {
    this.plugins = plugins;
    this.options = options;
    this.normalizer = normalizer;
    this.progress = progress;
    this.mapping = mapping;
  }

  /** A Prism with every plugin on the class path (or module path) and default options. */
  public static Prism create() {
    return new Prism(
        Plugins.builder().discover().build(), LoadOptions.defaults(), Normalizer.standard());
  }

  /** A Prism with the given plugins and options, normalizing with {@link Normalizer#standard()}. */
  public static Prism of(Plugins plugins, LoadOptions options) {
    return new Prism(
        Objects.requireNonNull(plugins), Objects.requireNonNull(options), Normalizer.standard());
  }

  /**
   * The sample of {@code content} a load offers every reader's {@code detect}: its first 64 KiB,
   * its top-level members parsed once. For testing a reader's sniffing as a load would run it.
   *
   * @param fileName the file name without directories
   * @since 0.2
   */
  public static Sniff sniff(String fileName, byte[] content) {
    return new HeadSniff(Objects.requireNonNull(fileName), content.clone());
  }

  /** The plugins this instance uses. */
  public Plugins plugins() {
    return plugins;
  }

  /** The options this instance loads with. */
  public LoadOptions options() {
    return options;
  }

  /** The same plugins with other options. */
  public Prism withOptions(LoadOptions options) {
    return new Prism(plugins, Objects.requireNonNull(options), normalizer, progress, mapping);
  }

  /** The same, telling {@code progress} what every load lists and reads. */
  public Prism withProgress(LoadProgress progress) {
    return new Prism(plugins, options, normalizer, Objects.requireNonNull(progress), mapping);
  }

  /**
   * The same, normalizing every loaded point with {@code normalizer} ({@link Normalizer#none()}
   * keeps points exactly as the readers produced them).
   */
  public Prism withNormalizer(Normalizer normalizer) {
    return new Prism(plugins, options, Objects.requireNonNull(normalizer), progress, mapping);
  }

  /**
   * The same, applying the column mapping {@code content} ({@code docs/mapping.md}) to every CSV
   * and TSV loaded, in place of {@link LoadOptions#mapping()}: for a mapping that is not a local
   * file (a class-path resource, an object in a store). {@code name} stands for the mapping in
   * provenance and problems.
   *
   * @since 0.2
   */
  public Prism withMapping(String name, byte[] content) {
    return new Prism(
        plugins,
        options,
        normalizer,
        progress,
        ColumnMappedReader.of(Objects.requireNonNull(name), content.clone()));
  }

  /** How this instance normalizes loaded points. */
  public Normalizer normalizer() {
    return normalizer;
  }

  /**
   * Loads every source: a file, a directory (walked in path order, skipping dot-files), {@code -}
   * for standard input, or a URI whose scheme a connector handles ({@code gs://}, {@code s3://}).
   */
  public LoadResult load(String... sources) {
    List<Task> tasks = new ArrayList<>();
    List<Problem> listingProblems = new ArrayList<>();
    for (String s : sources) {
      int before = tasks.size();
      plan(s, tasks, listingProblems);
      progress.listed(s, tasks.size() - before);
    }
    try {
      return run(tasks, listingProblems);
    } finally {
      Set<SourceConnector> connectors = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Task t : tasks) {
        if (t.file() instanceof RemoteSourceFile remote) {
          connectors.add(remote.connector);
        }
      }
      connectors.forEach(Prism::closeQuietly);
    }
  }

  /** Releases a connector's clients; every object was read, so a failure here changes nothing. */
  private static void closeQuietly(SourceConnector connector) {
    try {
      connector.close();
    } catch (IOException | RuntimeException e) {
      // nothing left to read through it
    }
  }

  /** Loads one local file or directory. */
  public LoadResult load(Path path) {
    List<Task> tasks = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    planPath(path, path.toString(), tasks, problems);
    progress.listed(path.toString(), tasks.size());
    return run(tasks, problems);
  }

  /** Reads pasted or piped content; {@code name} appears in problems and provenance. */
  public LoadResult read(String name, InputStream in) {
    List<Task> tasks = new ArrayList<>();
    tasks.add(new Task(new StreamSourceFile(URI.create("stdin:" + encode(name)), name, in), true));
    progress.listed(name, tasks.size());
    return run(tasks, new ArrayList<>());
  }

  /**
   * Reads one file exactly as a load reads each file it finds: the same reader choice, limits and
   * normalization, for engines that spread a load over many machines (prism-spark reads each file
   * on an executor). {@code explicit} says whether the user named the file (one no reader
   * recognises is then an error) or a listing found it (then it is mentioned as info). The file's
   * {@link SourceFile#name()} should be what a load would call it: relative to the loaded root.
   * Names the registries do not know are reported once per call, so once per file here.
   */
  public LoadResult readFile(SourceFile file, boolean explicit) {
    Task task = new Task(Objects.requireNonNull(file, "file"), explicit);
    progress.listed(file.name(), 1);
    return run(List.of(task), List.of());
  }

  private void plan(String source, List<Task> tasks, List<Problem> problems) {
    if ("-".equals(source)) {
      tasks.add(new Task(new StreamSourceFile(URI.create("stdin:-"), "-", System.in), true));
    } else if (URI_SCHEME.matcher(source).matches() && !source.startsWith("file:")) {
      planRemote(source, tasks, problems);
    } else {
      try {
        Path p = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
        planPath(p, source, tasks, problems);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error(source, "", "not a valid path or URI: " + e.getMessage()));
      }
    }
  }

  /**
   * Java decodes command-line arguments as UTF-8, so a file name with other bytes arrives with
   * U+FFFD in their place and cannot be found by that name; a directory walk finds it.
   */
  private static final String NOT_UTF8 =
      " (a name with bytes that are not UTF-8 cannot be passed to Java: load its directory)";

  private void planPath(Path path, String label, List<Task> tasks, List<Problem> problems) {
    if (!Files.exists(path)) {
      problems.add(
          Files.isSymbolicLink(path)
              ? brokenLink(label, path, false)
              : Problem.error(
                      label,
                      "",
                      "no such file or directory" + (label.indexOf('\uFFFD') >= 0 ? NOT_UTF8 : ""))
                  .withKind(Problem.Kind.NOT_FOUND));
      return;
    }
    if (!Files.isDirectory(path)) {
      tasks.add(new Task(new PathSourceFile(path, label, options.maxFileBytes()), true));
      return;
    }
    Listing listing = list(path, label);
    problems.addAll(listing.problems());
    for (Listing.Entry f : listing.files()) {
      tasks.add(new Task(new PathSourceFile(f.path(), f.name(), options.maxFileBytes()), false));
    }
  }

  /**
   * The files a load of the directory {@code dir} reads, in the order it reads them, each named as
   * the load names it ({@code label}, a slash, the path below {@code dir}), with the problems of
   * the walk: links that loop, dangle or lead outside, entries that cannot be listed. For splitting
   * one load's work across machines; the Spark data source plans local directories with it.
   *
   * @since 0.2
   */
  public Listing list(Path dir, String label) {
    List<Problem> problems = new ArrayList<>();
    Path root;
    try {
      root = dir.toRealPath();
    } catch (IOException e) {
      problems.add(
          Problem.error(label, "", "could not be opened: " + e.getMessage())
              .withKind(FileReading.kindOf(e, Problem.Kind.UNREADABLE)));
      return new Listing(List.of(), problems);
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          options.followSymlinks()
              ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
              : EnumSet.noneOf(FileVisitOption.class),
          Integer.MAX_VALUE,
          new Walk(root, label, files, problems));
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          Problem.error(label, "", "could not be listed completely: " + e.getMessage())
              .withKind(FileReading.kindOf(e, Problem.Kind.UNREADABLE)));
    }
    files.sort((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()));
    List<Listing.Entry> entries = new ArrayList<>(files.size());
    for (Path f : files) {
      entries.add(new Listing.Entry(f, relative(root, f, label)));
    }
    return new Listing(entries, problems);
  }

  private void planRemote(String source, List<Task> tasks, List<Problem> problems) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      problems.add(
          Problem.error(source, "", "not a valid URI: " + e.getMessage())
              .withKind(Problem.Kind.UNSUPPORTED));
      return;
    }
    Optional<ConnectorProvider> provider = plugins.connector(uri.getScheme());
    if (provider.isEmpty()) {
      problems.add(
          Problem.error(
                  source,
                  "",
                  "no connector for '"
                      + uri.getScheme()
                      + "://' is installed (add the prism-connector-"
                      + uri.getScheme()
                      + " module)")
              .withKind(Problem.Kind.UNSUPPORTED));
      return;
    }
    var availability = provider.get().availability();
    if (!availability.available()) {
      problems.add(
          Problem.error(
                  source,
                  "",
                  "the " + uri.getScheme() + " connector is unavailable: " + availability.reason())
              .withKind(Problem.Kind.UNSUPPORTED));
      return;
    }
    SourceConnector connector = null;
    try {
      connector = provider.get().create(options.connectorConfig());
      Optional<String> cache = options.connectorConfig().string(CACHE_DIR);
      if (cache.isPresent()) {
        connector =
            new CachingConnector(
                connector,
                Path.of(cache.get()),
                options.maxFileBytes(),
                cacheScope(uri.getScheme()),
                (long) options.connectorConfig().integer(CACHE_MAX_MIB, DEFAULT_CACHE_MAX_MIB)
                    << 20);
      }
      Duration deadline = options.connectorConfig().duration(READ_DEADLINE, DEFAULT_READ_DEADLINE);
      List<ObjectRef> objects = new ArrayList<>();
      connector.list(uri, objects::add);
      Map<String, ObjectRef> byKey = new LinkedHashMap<>();
      objects.forEach(o -> byKey.put(o.key(), o));
      for (ObjectRef o : objects) {
        tasks.add(
            new Task(
                new RemoteSourceFile(connector, o, byKey, options.maxFileBytes(), deadline),
                false));
      }
      if (objects.isEmpty()) {
        closeQuietly(connector);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.error(source, "", "could not be listed: " + FileReading.describe(e))
              .withKind(FileReading.kindOf(e, Problem.Kind.UNREADABLE)));
      if (connector != null) {
        closeQuietly(connector);
      }
    }
  }

  private LoadResult run(List<Task> tasks, List<Problem> leading) {
    FileReading reading = new FileReading(plugins, options, mapping);
    ByteBudget budget = new ByteBudget(options.maxBytesInFlight());
    List<FileReading.Outcome> outcomes = new ArrayList<>(tasks.size());
    if (options.threads() == 1 || tasks.size() <= 1) {
      for (Task t : tasks) {
        outcomes.add(readOne(reading, budget, t));
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(Math.min(options.threads(), tasks.size()));
      try {
        List<Future<FileReading.Outcome>> futures = new ArrayList<>();
        for (Task t : tasks) {
          futures.add(pool.submit(() -> readOne(reading, budget, t)));
        }
        for (int i = 0; i < futures.size(); i++) {
          outcomes.add(await(futures.get(i), tasks.get(i)));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<BenchmarkPoint> points = new ArrayList<>();
    // what discovery found wrong (an incompatible or duplicate plugin) belongs to every load
    List<Problem> problems = new ArrayList<>(plugins.problems());
    problems.addAll(leading);
    for (FileReading.Outcome o : outcomes) {
      points.addAll(o.points());
      problems.addAll(o.problems());
    }
    Normalizer.Result normalized = normalizer.normalize(points);
    for (Problem p : normalized.problems()) {
      if (reading.keepProblem()) {
        problems.add(p);
      }
    }
    problems.addAll(reading.overLoadLimits());
    return new LoadResult(normalized.points(), problems);
  }

  private static FileReading.Outcome await(Future<FileReading.Outcome> f, Task t) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(t, "interrupted", Problem.Kind.UNREADABLE);
    } catch (ExecutionException e) {
      return failed(
          t, FileReading.describe(e.getCause()), FileReading.kindOf(e, Problem.Kind.UNREADABLE));
    }
  }

  private FileReading.Outcome readOne(FileReading reading, ByteBudget budget, Task t) {
    long size = -1;
    if (t.file() instanceof PathSourceFile pf) {
      try {
        size = Files.size(pf.path());
        if (size > options.maxFileBytes()) {
          progress.read(t.file().name(), 0, false);
          return failed(t, tooLarge(size), Problem.Kind.LIMIT);
        }
      } catch (IOException | RuntimeException e) {
        progress.read(t.file().name(), 0, false);
        return failed(t, e);
      }
    } else if (t.file() instanceof RemoteSourceFile rf) {
      size = rf.ref.size();
    }
    if (size > options.maxBytesInFlight()) {
      progress.read(t.file().name(), 0, false);
      return failed(t, overBudget(size), Problem.Kind.LIMIT);
    }
    // a size not known beforehand (standard input, some listings) may be as large as a file may be
    long reserved = size >= 0 ? size : Math.min(options.maxFileBytes(), options.maxBytesInFlight());
    try {
      budget.acquire(reserved);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(t, "interrupted", Problem.Kind.UNREADABLE);
    }
    try {
      return readReserved(reading, t);
    } finally {
      budget.release(reserved);
    }
  }

  private FileReading.Outcome readReserved(FileReading reading, Task t) {
    SharedRead once;
    try {
      once = SharedRead.open(t.file(), options.maxFileBytes());
    } catch (IOException | RuntimeException e) {
      progress.read(t.file().name(), 0, false);
      return failed(t, e);
    }
    try {
      FileReading.Outcome outcome = reading.read(once, once.head(), t.explicit());
      progress.read(t.file().name(), once.bytesRead(), true);
      return outcome;
    } finally {
      once.close();
    }
  }

  private String tooLarge(long size) {
    return "skipped: "
        + size
        + " bytes is over the limit of "
        + options.maxFileBytes()
        + " bytes (raise LoadOptions.maxFileBytes)";
  }

  private String overBudget(long size) {
    return "skipped: "
        + size
        + " bytes is over the load's budget of "
        + options.maxBytesInFlight()
        + " bytes in flight (raise LoadOptions.maxBytesInFlight)";
  }

  private static FileReading.Outcome failed(Task t, String message, Problem.Kind kind) {
    return new FileReading.Outcome(
        List.of(), List.of(Problem.error(t.file().name(), "", message).withKind(kind)));
  }

  private static FileReading.Outcome failed(Task t, Throwable e) {
    return failed(
        t,
        "could not be read: " + FileReading.describe(e),
        FileReading.kindOf(e, Problem.Kind.UNREADABLE));
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether following {@code link} comes back to a link already passed (a -> b -> a). */
  /**
   * The problem of a link that leads nowhere, a loop or a dangling one: an error when it was given
   * as a source, a warning when a walk {@code skipped} it.
   */
  private static Problem brokenLink(String name, Path link, boolean skipped) {
    boolean loop = linkLoops(link);
    String what =
        loop
            ? "a symbolic link loop (it leads back to itself)"
            : "a dangling symbolic link (its target does not exist)";
    return (skipped ? Problem.warning(name, "", "skipped: " + what) : Problem.error(name, "", what))
        .withKind(loop ? Problem.Kind.UNREADABLE : Problem.Kind.NOT_FOUND);
  }

  private static boolean linkLoops(Path link) {
    Set<Path> seen = new java.util.HashSet<>();
    Path p = link.toAbsolutePath().normalize();
    while (Files.isSymbolicLink(p)) {
      if (!seen.add(p)) {
        return true;
      }
      try {
        Path parent = p.getParent();
        Path target = Files.readSymbolicLink(p);
        p = (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean insideRoot(Path link, Path root) {
    try {
      return link.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  private static String relative(Path root, Path file, String label) {
    String rel = root.relativize(file).toString().replace('\\', '/');
    String base = label.endsWith("/") ? label : label + "/";
    return base + rel;
  }

  private static String encode(String name) {
    return URI.create("x:" + name.replaceAll("[^A-Za-z0-9._~/-]", "_")).getSchemeSpecificPart();
  }

  /**
   * Collects the files under a directory (a link given as the source is resolved first, so its
   * contents load). An entry that cannot be listed, a link loop or a dangling link is reported on
   * its own and the walk goes on.
   */
  private final class Walk extends SimpleFileVisitor<Path> {
    private final Path root;
    private final String label;
    private final List<Path> files;
    private final List<Problem> problems;

    Walk(Path root, String label, List<Path> files, List<Problem> problems) {
      this.root = root;
      this.label = label;
      this.files = files;
      this.problems = problems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      return !dir.equals(root) && hidden(root.relativize(dir))
          ? FileVisitResult.SKIP_SUBTREE
          : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
      if (hidden(root.relativize(p))) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        // followed links arrive with their target's attributes; a link seen as a link either
        // is not to be followed or leads nowhere
        if (!Files.exists(p)) {
          problems.add(brokenLink(name(p), p, true));
        } else if (!insideRoot(p, root)) {
          problems.add(
              Problem.warning(
                      name(p),
                      "",
                      "skipped: a symbolic link leading outside "
                          + label
                          + " (allow with followSymlinks)")
                  .withKind(Problem.Kind.ACCESS_DENIED));
        } else if (Files.isRegularFile(p)) {
          files.add(p);
        }
      } else if (attrs.isRegularFile()) {
        files.add(p);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path p, IOException e) {
      if (e instanceof FileSystemLoopException) {
        problems.add(
            Problem.warning(
                    name(p),
                    "",
                    "skipped: a symbolic link loop (it leads back to a directory that contains it)")
                .withKind(Problem.Kind.UNREADABLE));
      } else if (e instanceof AccessDeniedException) {
        problems.add(
            Problem.error(name(p), "", "could not be listed: permission denied")
                .withKind(Problem.Kind.ACCESS_DENIED));
      } else {
        problems.add(
            Problem.error(name(p), "", "could not be listed: " + FileReading.describe(e))
                .withKind(FileReading.kindOf(e, Problem.Kind.UNREADABLE)));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      if (e != null) {
        problems.add(
            Problem.error(
                    name(dir), "", "could not be listed completely: " + FileReading.describe(e))
                .withKind(FileReading.kindOf(e, Problem.Kind.UNREADABLE)));
      }
      return FileVisitResult.CONTINUE;
    }

    private String name(Path p) {
      return p.equals(root) ? label : relative(root, p, label);
    }
  }

  /** Standard input or a caller's stream: read once, as it arrives, and not closed here. */
  private static final class StreamSourceFile implements SourceFile {
    private final URI uri;
    private final String name;
    private InputStream in;

    StreamSourceFile(URI uri, String name, InputStream in) {
      this.uri = uri;
      this.name = name;
      this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public URI uri() {
      return uri;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public byte[] bytes() throws IOException {
      try (InputStream s = open()) {
        return s.readAllBytes();
      }
    }

    @Override
    public synchronized InputStream open() throws IOException {
      if (in == null) {
        throw new IOException("a stream can be read only once");
      }
      InputStream s = in;
      in = null;
      return new java.io.FilterInputStream(s) {
        @Override
        public void close() {
          // the caller's stream (or System.in) stays open: it is theirs
        }
      };
    }

    @Override
    public Optional<SourceFile> sibling(String fileName) {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One input to read; {@code explicit} when the user named it rather than a directory walk. */
  private record Task(SourceFile file, boolean explicit) {}

  /** An object in a remote store, fetched when read; siblings are found in the same listing. */
  private static final class RemoteSourceFile implements SourceFile {
    private final SourceConnector connector;
    private final ObjectRef ref;
    private final Map<String, ObjectRef> listing;
    private final long maxBytes;
    private final Duration deadline;

    RemoteSourceFile(
        SourceConnector connector,
        ObjectRef ref,
        Map<String, ObjectRef> listing,
        long maxBytes,
        Duration deadline) {
      this.connector = connector;
      this.ref = ref;
      this.listing = listing;
      this.maxBytes = maxBytes;
      this.deadline = deadline;
    }

    @Override
    public URI uri() {
      return ref.uri();
    }

    @Override
    public String name() {
      return ref.uri().toString();
    }

    @Override
    public byte[] bytes() throws IOException {
      // fetched by a worker, so that a server trickling one byte at a time cannot hold the load
      // past the deadline, whatever the connector's own timeouts cover
      Future<byte[]> fetch =
          REMOTE_READS.submit(
              () -> {
                try (InputStream in = connector.open(ref)) {
                  return SharedRead.readAll(in, new byte[0], maxBytes);
                }
              });
      try {
        return fetch.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        fetch.cancel(true);
        throw new OverLimitException(
            "no complete object within "
                + deadline.toSeconds()
                + " s (the deadline per remote object; raise it with --config "
                + READ_DEADLINE
                + "=SECONDS)");
      } catch (InterruptedException e) {
        fetch.cancel(true);
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + ref.uri(), e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException(FileReading.describe(e.getCause()), e.getCause());
      }
    }

    @Override
    public InputStream open() throws IOException {
      return new java.io.ByteArrayInputStream(bytes());
    }

    @Override
    public Optional<SourceFile> sibling(String fileName) {
      int slash = ref.key().lastIndexOf('/');
      String key = slash < 0 ? fileName : ref.key().substring(0, slash + 1) + fileName;
      ObjectRef s = listing.get(key);
      return s == null
          ? Optional.empty()
          : Optional.of(new RemoteSourceFile(connector, s, listing, maxBytes, deadline));
    }

    @Override
    public Optional<SourceFile> sibling(String fileName, int levelsUp) {
      String dir = ref.key();
      for (int i = 0; i <= levelsUp; i++) {
        int slash = dir.lastIndexOf('/');
        if (slash < 0) {
          if (i < levelsUp) {
            return Optional.empty();
          }
          dir = "";
        } else {
          dir = dir.substring(0, slash);
        }
      }
      ObjectRef s = listing.get(dir.isEmpty() ? fileName : dir + "/" + fileName);
      return levelsUp < 0 || s == null
          ? Optional.empty()
          : Optional.of(new RemoteSourceFile(connector, s, listing, maxBytes, deadline));
    }
  }

  @Override
  public String toString() {
    return "Prism"
        + Arrays.asList(
            plugins.readers().size() + " readers", plugins.connectors().size() + " connectors");
  }
}
