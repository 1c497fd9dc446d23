package ai.llmd.prism.core;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.formats.ColumnMappedReader;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.core.internal.OverLimitException;
import ai.llmd.prism.core.internal.Parsing;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import ai.llmd.prism.spi.ReadContext;
import ai.llmd.prism.spi.ReadLimits;
import ai.llmd.prism.spi.SourceFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Reads one file: picks its reader, runs it, and turns every failure into a problem. */
final class FileReading {

  private final Plugins plugins;
  private final LoadOptions options;
  // one parsed mapping per mapping file, its problems reported with the first file it applies to
  private final Map<String, ColumnMappedReader> mappings = new ConcurrentHashMap<>();
  private final Set<ColumnMappedReader> reportedMappings = ConcurrentHashMap.newKeySet();
  // shared by every file of one load: the per-load limits
  private final AtomicInteger pointsKept = new AtomicInteger();
  private final AtomicLong pointsDropped = new AtomicLong();
  private final AtomicInteger problemsKept = new AtomicInteger();
  private final AtomicLong problemsDropped = new AtomicLong();

  private final ColumnMappedReader given;

  FileReading(Plugins plugins, LoadOptions options, ColumnMappedReader given) {
    this.plugins = plugins;
    this.options = options;
    this.given = given;
  }

  /** Whether one more problem fits in the load; counts it either way. */
  boolean keepProblem() {
    if (problemsKept.incrementAndGet() <= options.maxProblemsPerLoad()) {
      return true;
    }
    problemsDropped.incrementAndGet();
    return false;
  }

  /** What the per-load limits left out, as problems of the load (empty when nothing was). */
  List<Problem> overLoadLimits() {
    List<Problem> out = new ArrayList<>();
    if (pointsDropped.get() > 0) {
      out.add(
          new Problem(
              Problem.Severity.ERROR,
              "load",
              "",
              "over a limit: "
                  + pointsDropped.get()
                  + " points beyond the first "
                  + options.maxPointsPerLoad()
                  + " of this load were not kept (raise LoadOptions.maxPointsPerLoad)",
              Problem.Kind.LIMIT));
    }
    if (problemsDropped.get() > 0) {
      out.add(
          new Problem(
              Problem.Severity.ERROR,
              "load",
              "",
              "over a limit: "
                  + problemsDropped.get()
                  + " more problems beyond the first "
                  + options.maxProblemsPerLoad()
                  + " were counted, not kept (raise LoadOptions.maxProblemsPerLoad)",
              Problem.Kind.LIMIT));
    }
    return out;
  }

  /** The points and problems of one file. */
  record Outcome(List<BenchmarkPoint> points, List<Problem> problems) {}

  /**
   * Reads {@code file}. When {@code explicit} is false (the file was found by walking a directory)
   * a file no reader recognises is mentioned as info, not as an error: directories hold logs and
   * configuration too. {@code head} is the start of the content, for sniffing (all of it when
   * short).
   */
  Outcome read(SourceFile file, byte[] head, boolean explicit) {
    List<BenchmarkPoint> points = new ArrayList<>();
    List<Problem> problems = new Bounded();
    int[] beyondLimit = {0};
    ReadLimits limits = new ReadLimits(options.maxFileBytes(), options.maxPointsPerFile());
    ReadContext sink =
        new ReadContext() {
          @Override
          public SourceFile file() {
            return file;
          }

          @Override
          public ReadLimits limits() {
            return limits;
          }

          @Override
          public void point(BenchmarkPoint point) {
            if (points.size() >= options.maxPointsPerFile()) {
              beyondLimit[0]++;
            } else if (pointsKept.incrementAndGet() > options.maxPointsPerLoad()) {
              pointsDropped.incrementAndGet();
            } else {
              points.add(point);
            }
          }

          @Override
          public void problem(Problem problem) {
            problems.add(problem);
          }
        };
    FormatReader reader = choose(file, head, explicit, problems);
    if (reader != null) {
      try {
        reader.read(file, sink);
      } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // OutOfMemoryError too: the failed allocation was this file's, and the other files of
        // the load still deserve their points
        problems.add(
            new Problem(
                Problem.Severity.ERROR,
                file.name(),
                "",
                "the " + reader.id() + " reader could not finish: " + describe(e),
                kindOf(e, Problem.Kind.MALFORMED)));
      }
      if (points.isEmpty() && problems.isEmpty() && beyondLimit[0] == 0 && !overLoad()) {
        // e.g. a spreadsheet with a header and no rows: say so rather than return nothing
        problems.add(
            Problem.warning(
                file.name(), "", "the " + reader.id() + " reader found no benchmark points in it"));
      }
      if (beyondLimit[0] > 0) {
        problems.add(
            new Problem(
                Problem.Severity.ERROR,
                file.name(),
                "",
                "over a limit: "
                    + beyondLimit[0]
                    + " points beyond the first "
                    + options.maxPointsPerFile()
                    + " were not loaded (raise LoadOptions.maxPointsPerFile)",
                Problem.Kind.LIMIT));
      }
    }
    return new Outcome(points, problems);
  }

  private boolean overLoad() {
    return pointsDropped.get() > 0 || problemsDropped.get() > 0;
  }

  /** The problems of one file, within the load's limit on problems. */
  private final class Bounded extends ArrayList<Problem> {
    private static final long serialVersionUID = 1;

    @Override
    public boolean add(Problem p) {
      return keepProblem() && super.add(p);
    }
  }

  private FormatReader choose(
      SourceFile file, byte[] content, boolean explicit, List<Problem> problems) {
    // by the URI's path: a remote name may carry a query (a spreadsheet tab's ?gid=)
    String path = file.uri().getPath();
    String fileName = fileNameOf(path != null && !path.isEmpty() ? path : file.name());
    if (options.format() == null && ColumnMappedReader.tabular(fileName)) {
      ColumnMappedReader mapped = mapped(file);
      if (mapped != null) {
        if (reportedMappings.add(mapped)) {
          problems.addAll(mapped.mappingProblems());
        }
        return mapped;
      }
    }
    if (options.format() != null) {
      FormatReader r = plugins.reader(options.format()).orElse(null);
      if (r == null) {
        problems.add(
            new Problem(
                Problem.Severity.ERROR,
                file.name(),
                "",
                "no format '" + options.format() + "'; installed: " + readerIds(),
                Problem.Kind.UNKNOWN_FORMAT));
      }
      return r;
    }
    HeadSniff sniff =
        new HeadSniff("-".equals(file.name()) ? "" : fileNameOf(file.name()), content);
    Detection best = Detection.NO;
    List<FormatReader> winners = new ArrayList<>();
    for (FormatReader r : plugins.readers()) {
      Detection d;
      try {
        d = r.detect(sniff);
      } catch (RuntimeException e) {
        d = Detection.NO; // a detector that throws is a detector that says no
      }
      if (d == null || d == Detection.NO || d.compareTo(best) < 0) {
        continue;
      }
      if (d.compareTo(best) > 0) {
        winners.clear();
        best = d;
      }
      winners.add(r);
    }
    if (winners.isEmpty()) {
      String msg =
          content.length == 0
              ? "empty file"
              : "not a recognised benchmark format (tried: " + readerIds() + ")";
      problems.add(
          (explicit
                  ? Problem.error(file.name(), "", msg)
                  : Problem.info(file.name(), "", "skipped: " + msg))
              .withKind(Problem.Kind.UNKNOWN_FORMAT));
      return null;
    }
    if (winners.size() > 1) {
      problems.add(
          Problem.warning(
                  file.name(),
                  "",
                  "several formats match ("
                      + winners.stream().map(FormatReader::id).collect(Collectors.joining(", "))
                      + "); reading as "
                      + winners.get(0).id()
                      + " (choose one with --format)")
              .withKind(Problem.Kind.AMBIGUOUS));
    }
    return winners.get(0);
  }

  /**
   * The column-mapped reader for a CSV or TSV: the mapping of the load, else a {@code
   * prism-mapping.yaml} beside the file or one level up; null when there is none.
   */
  private ColumnMappedReader mapped(SourceFile file) {
    if (this.given != null) {
      return this.given;
    }
    Path given = options.mapping();
    if (given != null) {
      return mappings.computeIfAbsent(
          given.toString(),
          k -> {
            try {
              return ColumnMappedReader.of(k, Files.readAllBytes(given));
            } catch (IOException | RuntimeException e) {
              return ColumnMappedReader.of(k, null);
            }
          });
    }
    Optional<SourceFile> beside = file.sibling(ColumnMappedReader.BESIDE);
    if (beside.isEmpty()) {
      beside = file.sibling(ColumnMappedReader.BESIDE, 1);
    }
    if (beside.isEmpty()) {
      return null;
    }
    SourceFile m = beside.get();
    return mappings.computeIfAbsent(
        m.uri().toString(),
        k -> {
          try {
            return ColumnMappedReader.of(m.name(), m.bytes());
          } catch (IOException | RuntimeException e) {
            return ColumnMappedReader.of(m.name(), null);
          }
        });
  }

  private String readerIds() {
    return plugins.readers().stream().map(FormatReader::id).collect(Collectors.joining(", "));
  }

  private static String fileNameOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /**
   * The kind of problem {@code e} is, by its type (never its text): a bound reached, a missing
   * file, a refusal, an unreachable server; {@code otherwise} for anything else.
   */
  static Problem.Kind kindOf(Throwable e, Problem.Kind otherwise) {
    if (e instanceof StackOverflowError
        || e instanceof OutOfMemoryError
        || Parsing.limitHit(e) != null) {
      return Problem.Kind.LIMIT;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OverLimitException) {
        return Problem.Kind.LIMIT;
      }
      if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
        return Problem.Kind.NOT_FOUND;
      }
      if (t instanceof AccessDeniedException) {
        return Problem.Kind.ACCESS_DENIED;
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof HttpConnectTimeoutException) {
        return Problem.Kind.UNREACHABLE;
      }
    }
    return otherwise;
  }

  static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the input is nested too deeply";
    }
    if (e instanceof OutOfMemoryError) {
      return "out of memory (lower LoadOptions.maxFileBytes or give the JVM more heap)";
    }
    String limit = Parsing.limitHit(e);
    if (limit != null) {
      return "over a limit: " + limit;
    }
    String m = e.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    // the JDK's HTTP client throws a ConnectException without a message; its cause has one
    String why = e.getCause() != null && e.getCause() != e ? describe(e.getCause()) : null;
    if (e instanceof java.net.ConnectException) {
      return "could not connect" + (why == null ? "" : ": " + why);
    }
    return why != null ? why : e.getClass().getSimpleName();
  }
}
