package ai.llmd.prism.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Plugins;
import ai.llmd.prism.core.internal.HeadSniff;
import ai.llmd.prism.fixtures.Fixtures;
import ai.llmd.prism.spi.Detection;
import ai.llmd.prism.spi.FormatReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The aiperf and sglang-bench readers against every other input we have: they claim none of the
 * other formats' files (the real fixtures, the examples and the other readers' test files), and no
 * other built-in reader claims theirs.
 */
class NewFormatSniffingTest {

  private static final List<FormatReader> NEW =
      List.of(new AiperfReader(), new SglangBenchReader());
  private static final List<FormatReader> BUILT_IN =
      Plugins.builder().discover().build().readers().stream()
          .filter(r -> r.getClass().getPackageName().equals(AiperfReader.class.getPackageName()))
          .toList();
  private static final List<String> NEW_DIRS = List.of("aiperf", "genai-perf", "sglang");

  @Test
  void theNewReadersClaimNoOtherFormatsFile() throws IOException {
    List<Path> others = new ArrayList<>();
    Fixtures.root().ifPresent(root -> others.addAll(files(root)));
    Fixtures.repositoryRoot().ifPresent(root -> others.addAll(files(root.resolve("examples"))));
    Path formats = ReaderTesting.resource("vllm").getParent();
    for (Path f : files(formats)) {
      if (!isNew(formats, f)) {
        others.add(f);
      }
    }
    Assumptions.assumeTrue(others.size() > 20, "too few other files to test against");
    for (Path f : others) {
      HeadSniff sniff = sniff(f);
      for (FormatReader r : NEW) {
        assertThat(r.detect(sniff)).as(r.id() + " on " + f).isEqualTo(Detection.NO);
      }
    }
  }

  @Test
  void noOtherBuiltInReaderClaimsTheNewFormatsFiles() throws IOException {
    Path formats = ReaderTesting.resource("vllm").getParent();
    List<Path> mine = files(formats).stream().filter(f -> isNew(formats, f)).toList();
    assertThat(mine).hasSizeGreaterThanOrEqualTo(8);
    assertThat(BUILT_IN).hasSizeGreaterThanOrEqualTo(10);
    for (Path f : mine) {
      HeadSniff sniff = sniff(f);
      String expected = formats.relativize(f).startsWith("sglang") ? "sglang-bench" : "aiperf";
      for (FormatReader r : BUILT_IN) {
        Detection d = r.detect(sniff);
        if (r.id().equals(expected)) {
          assertThat(d).as(r.id() + " on " + f).isEqualTo(Detection.CERTAIN);
        } else {
          assertThat(d).as(r.id() + " on " + f).isEqualTo(Detection.NO);
        }
      }
    }
  }

  @Test
  void sniffingAloneRoutesEachNewFileToItsReader() {
    for (String dir : List.of("aiperf/schema-1.3", "genai-perf/csv", "sglang")) {
      LoadResult r = ReaderTesting.sniffed(ReaderTesting.resource(dir));
      assertThat(r.points()).as(dir).isNotEmpty();
      assertThat(r.problems())
          .as(dir)
          .noneMatch(p -> p.message().contains("several formats"))
          .noneMatch(p -> p.message().contains("not a recognised"));
    }
  }

  private static boolean isNew(Path formats, Path f) {
    Path rel = formats.relativize(f);
    return NEW_DIRS.stream().anyMatch(rel::startsWith) && !rel.toString().endsWith(".md");
  }

  private static HeadSniff sniff(Path f) throws IOException {
    try (var in = Files.newInputStream(f)) {
      return new HeadSniff(f.getFileName().toString(), in.readNBytes(HeadSniff.HEAD_BYTES + 1));
    }
  }

  private static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
