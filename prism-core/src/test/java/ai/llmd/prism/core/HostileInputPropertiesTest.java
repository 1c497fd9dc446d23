package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.llmd.prism.api.Problem;
import ai.llmd.prism.spi.FormatReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Any bytes at all, loaded through the facade with every reader forced and with sniffing, come back
 * as points and/or problems: never an exception, never a hang (each load is bounded), never an
 * exhausted heap. The mutants start from the project's own test inputs, so most of them get deep
 * into a reader before they go wrong.
 */
class HostileInputPropertiesTest {

  static final Prism PRISM = Prism.create();
  static final List<FormatReader> READERS = PRISM.plugins().readers();
  static final List<byte[]> SEEDS = seeds();
  static final Duration BOUND = Duration.ofSeconds(5);
  static final Map<String, AtomicLong> TRIED = new TreeMap<>();
  static final Path HOSTILE_FILE = tempFile();

  static Path tempFile() {
    try {
      Path dir = Files.createTempDirectory("prism-hostile");
      dir.toFile().deleteOnExit();
      Path f = dir.resolve("hostile");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    for (String dir : List.of("/formats", "/br")) {
      try (Stream<Path> s =
          Files.walk(Path.of(HostileInputPropertiesTest.class.getResource(dir).toURI()))) {
        for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
          out.add(Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  @Property(tries = 150)
  void randomBytesBecomeProblemsNotExceptions(@ForAll @Size(max = 2048) byte[] bytes) {
    loadEveryWay(bytes);
  }

  @Property(tries = 450)
  void mutatedRealInputsBecomePointsOrProblemsNotExceptions(@ForAll("mutants") byte[] bytes) {
    loadEveryWay(bytes);
  }

  /** A test input with one to four of: a cut, byte flips, an inserted or a deleted chunk. */
  @Provide
  Arbitrary<byte[]> mutants() {
    return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.randoms())
        .as(HostileInputPropertiesTest::mutate);
  }

  static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n && b.length > 0; i++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(5)) {
        case 0 -> b = Arrays.copyOf(b, at); // truncation
        case 1 -> {
          for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8)); // bit flips
          }
        }
        case 2 -> b = splice(b, at, at, randomChunk(rnd)); // inserted junk
        case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(64)), new byte[0]);
        default -> {
          // a chunk of the file itself repeated elsewhere: keys, brackets and numbers in
          // surprising places
          int from = rnd.nextInt(b.length);
          byte[] chunk = Arrays.copyOfRange(b, from, Math.min(b.length, from + rnd.nextInt(128)));
          b = splice(b, at, at, chunk);
        }
      }
    }
    return b;
  }

  static byte[] randomChunk(Random rnd) {
    String[] tokens = {
      "{",
      "}",
      "[",
      "]",
      "\"",
      ",",
      ":",
      "\n",
      "NaN",
      "-Infinity",
      "1e400",
      "&a",
      "*a",
      "!!str ",
      "\u0000",
      "\uFEFF",
      "'",
      "#",
      "\r\n",
      "999999999999999999999999",
      "-0",
      "null"
    };
    if (rnd.nextBoolean()) {
      return tokens[rnd.nextInt(tokens.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] junk = new byte[1 + rnd.nextInt(32)];
    rnd.nextBytes(junk);
    return junk;
  }

  static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  static void loadEveryWay(byte[] bytes) {
    load(PRISM, bytes, "sniffed");
    loadBesideAGoodFile(bytes);
    for (FormatReader r : READERS) {
      load(PRISM.withOptions(LoadOptions.defaults().withFormat(r.id())), bytes, r.id());
    }
  }

  static void load(Prism prism, byte[] bytes, String how) {
    LoadResult r =
        assertTimeoutPreemptively(
            BOUND, () -> prism.read("hostile", new ByteArrayInputStream(bytes)), how);
    assertThat(r.points().isEmpty() && r.problems().isEmpty())
        .as("%s: neither points nor problems", how)
        .isFalse();
    assertThat(r.problems()).extracting(Problem::file).allMatch(f -> f.contains("hostile"));
    TRIED.computeIfAbsent(how, k -> new AtomicLong()).incrementAndGet();
  }

  /** The same bytes as a file in a load with a good one: the good one loads whole. */
  static void loadBesideAGoodFile(byte[] bytes) {
    try {
      Files.write(HOSTILE_FILE, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoadResult r =
        assertTimeoutPreemptively(
            BOUND, () -> PRISM.load(HOSTILE_FILE.toString(), HostileCorpusTest.GOOD.toString()));
    assertThat(HostileCorpusTest.pointsOf(r, HostileCorpusTest.GOOD)).hasSize(1);
    assertThat(HostileCorpusTest.problemsOf(r, HostileCorpusTest.GOOD)).isEmpty();
    TRIED.computeIfAbsent("beside a good file", k -> new AtomicLong()).incrementAndGet();
  }

  @AfterContainer
  static void report() {
    System.out.println("hostile inputs loaded per reader (property tries): " + TRIED);
  }
}
