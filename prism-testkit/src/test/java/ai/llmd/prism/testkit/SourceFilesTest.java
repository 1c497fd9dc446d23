package ai.llmd.prism.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.spi.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFilesTest {

  @Test
  void aFileHasItsNameContentAndSiblings() throws Exception {
    SourceFile f =
        SourceFiles.named("runs/report.json")
            .content("{}")
            .sibling("config.yaml", "a: 1")
            .above("sweep.yaml", 1, "b: 2")
            .build();

    assertThat(f.name()).isEqualTo("runs/report.json");
    assertThat(f.uri()).hasToString("mem:/runs/report.json");
    assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
    try (var in = f.open()) {
      assertThat(in.readAllBytes()).isEqualTo(f.bytes());
    }
    assertThat(f.sibling("config.yaml"))
        .get()
        .extracting(SourceFile::name)
        .isEqualTo("runs/config.yaml");
    assertThat(f.sibling("sweep.yaml", 1)).isPresent();
    assertThat(f.sibling("missing.yaml")).isEmpty();
  }

  @Test
  void theContentCannotBeChangedThroughWhatBytesReturns() throws Exception {
    SourceFile f = SourceFiles.named("a.json").content("xyz").build();
    f.bytes()[0] = 'Q';
    assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("xyz");
  }
}
