package ai.llmd.prism.core.publish;

import ai.llmd.prism.api.BenchmarkPoint;
import ai.llmd.prism.api.Problem;
import ai.llmd.prism.core.analysis.Configuration;
import ai.llmd.prism.core.formats.BenchmarkReportYamlWriter;
import ai.llmd.prism.core.internal.Hashes;
import ai.llmd.prism.spi.FormatWriter;
import ai.llmd.prism.spi.ObjectRef;
import ai.llmd.prism.spi.Precondition;
import ai.llmd.prism.spi.PreconditionFailedException;
import ai.llmd.prism.spi.SourceConnector;
import ai.llmd.prism.spi.StoredObject;
import ai.llmd.prism.spi.WritableConnector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Publishes points to a store as llm-d Benchmark Reports v0.2 (YAML), one per point, each named by
 * the SHA-256 of its bytes ({@code results/<hash>.yaml}) so that publishing the same point again
 * writes nothing new; and keeps {@code index.jsonl} at the store's root, one {@link IndexEntry} per
 * report.
 *
 * <p>Reports are written create-only. The index is read with its change token, extended with the
 * entries it lacks, and written back only if it still has that token (compare and swap); when
 * another publisher got there first, the index is read again and the merge retried. So concurrent
 * publishers never lose each other's entries. A publisher that stops between a report and the index
 * leaves a report no index names: it is invisible to readers, and publishing again indexes it.
 */
public final class Publisher {

  /** The index's name under the root. */
  public static final String INDEX = "index.jsonl";

  /** Where reports go under the root. */
  public static final String RESULTS = "results/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ATTEMPTS = 200;
  private static final FormatWriter REPORT = new BenchmarkReportYamlWriter();

  private final WritableConnector store;
  private final URI root;
  private final Clock clock;

  private Publisher(WritableConnector store, URI root, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.root = Objects.requireNonNull(root, "root");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A publisher to the store under {@code root}. */
  public static Publisher to(WritableConnector store, URI root) {
    return new Publisher(store, root, Clock.systemUTC());
  }

  /** The same publisher, stamping entries with {@code clock}'s time. */
  public Publisher withClock(Clock clock) {
    return new Publisher(store, root, clock);
  }

  /**
   * What a publish did.
   *
   * @param written reports written now
   * @param alreadyPresent reports that were already in the store (same bytes, same name)
   * @param indexed entries added to the index now
   * @param indexAttempts how many times the index was written before a write held (1 without
   *     contention)
   * @param entries the entries of every point given, in order
   */
  public record Result(
      int written, int alreadyPresent, int indexed, int indexAttempts, List<IndexEntry> entries) {
    public Result {
      entries = List.copyOf(entries);
    }
  }

  /** Writes every point's report, then adds their entries to the index. */
  public Result publish(List<BenchmarkPoint> points) throws IOException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Set<String> stored = existing();
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    int written = 0;
    int present = 0;
    for (BenchmarkPoint p : points) {
      byte[] report = report(p);
      String hash = Hashes.sha256(report);
      String object = RESULTS + hash + "." + REPORT.fileExtension();
      if (stored.contains(object)) {
        present++; // the name is the hash of the bytes: what is there is this report
      } else {
        try {
          store.put(resolve(root, object), report, Precondition.absent());
          written++;
        } catch (PreconditionFailedException e) {
          present++; // written meanwhile (by another publisher, or by a retried request)
        }
      }
      Configuration c = Configuration.of(p);
      entries.putIfAbsent(
          hash,
          new IndexEntry(
              hash,
              object,
              c.key(),
              c.label(),
              p.provenance().source().toString(),
              p.provenance().format(),
              p.provenance().location(),
              now));
    }
    int[] attempts = {0};
    int indexed = updateIndex(new ArrayList<>(entries.values()), attempts);
    return new Result(written, present, indexed, attempts[0], new ArrayList<>(entries.values()));
  }

  /**
   * The reports already in the store, as paths under the root: one listing, so that publishing
   * again uploads nothing.
   */
  private Set<String> existing() throws IOException {
    Set<String> out = new HashSet<>();
    try {
      store.list(resolve(root, RESULTS), o -> out.add(RESULTS + o.key()));
    } catch (FileNotFoundException | NoSuchFileException e) {
      // no store yet: nothing is there
    }
    return out;
  }

  private static byte[] report(BenchmarkPoint p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    REPORT.write(List.of(p), out);
    return out.toByteArray();
  }

  /** Appends the entries the index lacks, compare-and-swap; returns how many were added. */
  private int updateIndex(List<IndexEntry> entries, int[] attempts) throws IOException {
    URI index = resolve(root, INDEX);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      attempts[0] = attempt;
      Optional<StoredObject> current = store.get(index);
      byte[] before = current.map(StoredObject::content).orElse(new byte[0]);
      Set<String> known = new HashSet<>();
      for (IndexEntry e : parse(before, INDEX, new ArrayList<>())) {
        known.add(e.hash());
      }
      StringBuilder added = new StringBuilder();
      int n = 0;
      for (IndexEntry e : entries) {
        if (known.add(e.hash())) {
          added.append(line(e)).append('\n');
          n++;
        }
      }
      if (n == 0) {
        return 0;
      }
      ByteArrayOutputStream next = new ByteArrayOutputStream(before.length + added.length());
      next.write(before);
      if (before.length > 0 && before[before.length - 1] != '\n') {
        next.write('\n');
      }
      next.write(added.toString().getBytes(StandardCharsets.UTF_8));
      Precondition condition =
          current.isPresent()
              ? Precondition.matching(current.get().changeToken())
              : Precondition.absent();
      try {
        store.put(index, next.toByteArray(), condition);
        return n;
      } catch (PreconditionFailedException e) {
        // another publisher wrote the index since it was read: read it again and merge again
        sleepAWhile(attempt);
      }
    }
    throw new IOException(
        resolve(root, INDEX)
            + ": still changing after "
            + MAX_ATTEMPTS
            + " attempts; the reports are written, publish again to index them");
  }

  private static void sleepAWhile(int attempt) throws IOException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while updating the index", e);
    }
  }

  /** The line of {@code e} in an index: one compact JSON object. */
  public static String line(IndexEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("hash", e.hash());
    o.put("object", e.object());
    o.put("configuration", e.configuration());
    o.put("label", e.label());
    ObjectNode provenance = o.putObject("provenance");
    provenance.put("source", e.source());
    provenance.put("format", e.format());
    provenance.put("location", e.location());
    o.put("published", e.published().toString());
    return o.toString();
  }

  /**
   * The entries of an index's bytes, in order, the first of each hash; a line that is not an entry
   * becomes a problem naming {@code file} and the line, and the others are still read.
   */
  static List<IndexEntry> parse(byte[] index, String file, List<Problem> problems) {
    List<IndexEntry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = new String(index, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(l);
        JsonNode p = n.path("provenance");
        IndexEntry e =
            new IndexEntry(
                n.path("hash").asText(null),
                n.path("object").asText(null),
                n.path("configuration").asText(null),
                n.path("label").asText(null),
                p.path("source").asText(null),
                p.path("format").asText(null),
                p.path("location").asText(""),
                Instant.parse(n.path("published").asText("")));
        if (seen.add(e.hash())) {
          out.add(e);
        }
      } catch (IOException | RuntimeException e) {
        problems.add(
            Problem.error(
                file,
                "line " + (i + 1),
                "not an index entry ("
                    + (e instanceof DateTimeParseException ? "no published time" : e.getMessage())
                    + "); left out"));
      }
    }
    return out;
  }

  /**
   * The index of the store under {@code root}, or empty when it has none (it is then no published
   * store). Malformed lines are problems; the rest is read.
   */
  public static Optional<Index> readIndex(SourceConnector store, URI root) throws IOException {
    URI index = resolve(root, INDEX);
    byte[] bytes;
    if (store instanceof WritableConnector w) {
      Optional<StoredObject> o = w.get(index);
      if (o.isEmpty()) {
        return Optional.empty();
      }
      bytes = o.get().content();
    } else {
      List<ObjectRef> refs = new ArrayList<>();
      store.list(index, refs::add);
      if (refs.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = store.open(refs.get(0))) {
        bytes = in.readAllBytes();
      }
    }
    List<Problem> problems = new ArrayList<>();
    List<IndexEntry> entries = parse(bytes, index.toString(), problems);
    List<URI> objects = new ArrayList<>();
    for (IndexEntry e : entries) {
      objects.add(resolve(root, e.object()));
    }
    return Optional.of(new Index(entries, objects, problems));
  }

  /**
   * A store's index as read.
   *
   * @param entries its entries, in order, one per hash
   * @param objects the URI of each entry's report, in the same order
   * @param problems lines that were not entries
   */
  public record Index(List<IndexEntry> entries, List<URI> objects, List<Problem> problems) {
    public Index {
      entries = List.copyOf(entries);
      objects = List.copyOf(objects);
      problems = List.copyOf(problems);
    }
  }

  /** {@code name} under {@code root}. */
  static URI resolve(URI root, String name) {
    String r = root.toString();
    return URI.create((r.endsWith("/") ? r : r + "/") + name);
  }
}
