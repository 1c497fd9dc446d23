package ai.llmd.prism.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadProgressTest {

  /** Records every callback. */
  static final class Recorder implements LoadProgress {
    final Map<String, Integer> listed = new ConcurrentHashMap<>();
    final List<String> read = new CopyOnWriteArrayList<>();
    final List<String> failed = new CopyOnWriteArrayList<>();
    final AtomicLong bytes = new AtomicLong();

    @Override
    public void listed(String source, int inputs) {
      listed.put(source, inputs);
    }

    @Override
    public void read(String name, long n, boolean ok) {
      (ok ? read : failed).add(name);
      bytes.addAndGet(n);
    }
  }

  @Test
  void reportsWhatEachSourceListsAndEveryFileReadWithItsBytes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "12345");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.txt"), "123");
    Files.writeString(dir.resolve("sub/big.txt"), "x".repeat(100));
    Files.writeString(dir.resolve("single.txt"), "1234567");
    Recorder r = new Recorder();
    Prism prism =
        Prism.create()
            .withOptions(LoadOptions.defaults().withThreads(3).withMaxFileBytes(50))
            .withProgress(r);

    LoadResult result =
        prism.load(
            dir.resolve("sub").toString(),
            dir.resolve("single.txt").toString(),
            dir.resolve("missing").toString());

    assertThat(r.listed)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                dir.resolve("sub").toString(), 2,
                dir.resolve("single.txt").toString(), 1,
                dir.resolve("missing").toString(), 0));
    assertThat(r.read)
        .containsExactlyInAnyOrder(
            dir.resolve("sub") + "/b.txt", dir.resolve("single.txt").toString());
    assertThat(r.failed).containsExactly(dir.resolve("sub") + "/big.txt");
    assertThat(r.bytes).hasValue(3 + 7);
    assertThat(result.problems()).isNotEmpty();
  }

  @Test
  void reportsStandardInputAndADirectoryPath(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "12345");
    Recorder r = new Recorder();
    Prism prism = Prism.create().withProgress(r);

    prism.read("pasted", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
    prism.load(dir);

    assertThat(r.listed).containsEntry("pasted", 1).containsEntry(dir.toString(), 1);
    assertThat(r.read).hasSize(2);
    assertThat(r.bytes).hasValue(3 + 5);
  }

  @Test
  void isKeptByTheOtherWithers() {
    Recorder r = new Recorder();
    Prism prism =
        Prism.create()
            .withProgress(r)
            .withOptions(LoadOptions.defaults())
            .withNormalizer(ai.llmd.prism.core.normalize.Normalizer.none());

    prism.read("x", new ByteArrayInputStream(new byte[] {1, 2}));

    assertThat(r.bytes).hasValue(2);
  }
}
