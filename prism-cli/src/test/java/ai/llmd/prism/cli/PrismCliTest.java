package ai.llmd.prism.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.PluginInfo;
import ai.llmd.prism.core.Plugins;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrismCliTest {

  record Run(int code, String out, String err) {}

  static Run prism(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PrismCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionNamesTheReleaseAndTheJava() {
    Run r = prism("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("prism 0.")
        .contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void pluginsListsEveryDiscoveredPluginWithTheModuleItCameFrom() {
    Run r = prism("plugins");

    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst())
        .get()
        .asString()
        .matches("KIND +ID +API +FROM +DESCRIPTION");
    for (PluginInfo p : Plugins.builder().discover().build().describe()) {
      assertThat(r.out())
          .containsPattern(
              "(?m)^\\S+ +"
                  + Pattern.quote(p.id())
                  + "(://)? +"
                  + Pattern.quote(p.apiVersion().isEmpty() ? "?" : p.apiVersion())
                  + " +"
                  + Pattern.quote(p.origin())
                  + " ");
    }
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitCode2AndNoStackTrace() {
    Run r = prism("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").doesNotContain("Exception");
  }
}
