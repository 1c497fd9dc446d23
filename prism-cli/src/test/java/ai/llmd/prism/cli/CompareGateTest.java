package ai.llmd.prism.cli;

import static ai.llmd.prism.cli.AnalysisCommandsTest.examples;
import static ai.llmd.prism.cli.AnalysisCommandsTest.prism;
import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.cli.PrismCliTest.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code prism compare --baseline --fail-on-regression}: the CI gate on the examples and the 0.3.0
 * release, whose H100 aggregated decode is about 8% slower. Gating 0.3.0 against the examples is a
 * regression; gating the examples against 0.3.0 (the normal direction) is an improvement.
 */
class CompareGateTest {

  static Run gate(String... extra) {
    String[] base = {
      "compare", examples("releases/0.3.0"), "--baseline", examples("llm-d"), "--fail-on-regression"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return prism(args);
  }

  @Test
  void aRegressionBeyondTheBandExitsWithCode3() {
    Run r = gate();

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).contains("regressed");
  }

  @Test
  void aBandWiderThanTheChangeLetsThePipelinePass() {
    Run r = gate("--band", "10");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).doesNotContain("regressed");
  }

  @Test
  void anImprovementPassesTheGate() {
    Run r =
        prism(
            "compare",
            examples("llm-d"),
            "--baseline",
            examples("releases/0.3.0"),
            "--fail-on-regression");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("improved").doesNotContain("regressed");
  }

  @Test
  void withoutTheFlagARegressionIsReportedButDoesNotFail() {
    Run r = prism("compare", examples("releases/0.3.0"), "--baseline", examples("llm-d"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("regressed");
  }

  @Test
  void onlyTheChosenMeasuresAreGated() {
    Run r = gate("--measure", "ttft.mean");

    assertThat(r.code()).as("TTFT did not change beyond the band").isZero();
    assertThat(r.out()).doesNotContain("tpot.mean").doesNotContain("output_throughput");
  }

  @Test
  void measuresIsTheSameOptionAndItsValuesAreCheckedAsUsageErrors() {
    Run r = gate("--measures", "ttft.mean,output_throughput");
    Run bad = gate("--measures", "ttft.nope");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).contains("output_throughput").doesNotContain("tpot.mean");
    assertThat(bad.code()).as(bad.err()).isEqualTo(2);
    assertThat(bad.err()).contains("ttft.nope");
  }

  @Test
  void markdownIsAJobSummaryTable() {
    Run r = gate("--markdown");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out())
        .contains("| Configuration | Measure | Baseline | Candidate | Change | Verdict |")
        .contains("|---|---|---:|---:|---:|---|")
        .contains("**regressed**");
    r.out()
        .lines()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| Configuration"))
        .forEach(l -> assertThat(l.split("(?<!\\\\)\\|", -1)).hasSize(8));
  }

  @Test
  void tablesNameConfigurationsShortlyAndJsonKeepsTheFullKey() {
    Run table = gate();
    Run markdown = gate("--markdown");
    Run json = gate("--json");

    assertThat(table.out().lines().filter(l -> l.contains("regressed")).toList())
        .isNotEmpty()
        .allMatch(l -> l.length() < 120, "a row under 120 characters");
    assertThat(markdown.out().lines().filter(l -> l.contains("regressed")).toList())
        .isNotEmpty()
        .allMatch(l -> l.length() < 120, "a row under 120 characters");
    assertThat(json.out()).contains("accelerator=");
  }
}
