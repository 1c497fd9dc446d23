package ai.llmd.prism.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.Prism;
import ai.llmd.prism.core.findings.Findings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The report of the project's examples (with release 0.3.0 as the baseline) is exactly the golden
 * file, from {@code <body>} to {@code </main>}: the header and every section with its tables,
 * labels, charts and embedded data; the page's CSS and script resources are left out (they change
 * on their own and are tested in a browser). After an intended change, rewrite it with {@code
 * -Dprism.golden.update=true}, read the diff, and commit it with the change.
 */
class GoldenReportTest {

  static final String NAME = "examples-report.html";

  @Test
  void theExamplesReportIsExactlyTheGoldenFile() throws IOException {
    // relative, so names in the page are the same on every machine (and so is where they are cut)
    Path ex = Path.of("").toAbsolutePath().relativize(HtmlReportTest.examples());
    Prism prism = Prism.create();
    LoadResult base = prism.load(ex.resolve("releases/0.3.0").toString());
    LoadResult current =
        prism.load(
            ex.resolve("llm-d").toString(),
            ex.resolve("giq").toString(),
            ex.resolve("releases").toString());
    String html =
        HtmlReport.of(
                Findings.builder(current).baseline(base).build(), HtmlReport.Options.defaults())
            .toHtml();
    String shown = html.substring(html.indexOf("<body>"), html.indexOf("</main>") + 7) + "\n";

    if (Boolean.getBoolean("prism.golden.update")) {
      Path dir = Path.of("src/test/resources/golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(NAME), shown, StandardCharsets.UTF_8);
    }
    assertThat(shown).isEqualTo(golden());
  }

  static String golden() throws IOException {
    if (Boolean.getBoolean("prism.golden.update")) {
      return Files.readString(Path.of("src/test/resources/golden", NAME), StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenReportTest.class.getResourceAsStream("/golden/" + NAME)) {
      assertThat(in).as("golden file %s", NAME).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
