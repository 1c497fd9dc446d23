package ai.llmd.prism.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import ai.llmd.prism.core.LoadResult;
import ai.llmd.prism.core.formats.DatasetSummaries;
import ai.llmd.prism.core.formats.DatasetSummary;
import ai.llmd.prism.core.formats.TokenLengths;
import ai.llmd.prism.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetViewsTest {

  @Test
  void eachDatasetOfTheSummariesHasItsHistogramAndNearestRankPercentiles() {
    DatasetSummaries.Result read =
        DatasetSummaries.read(Fixtures.require("perfdash/datasets/summaries"));
    Findings f = Findings.builder(new LoadResult(List.of(), List.of())).datasets(read).build();
    DatasetViews v = f.datasets();
    assertThat(f.datasets()).as("memoised").isSameAs(v);
    assertThat(v.datasets())
        .extracting(DatasetViews.Dataset::name)
        .containsExactly("deepseek-r1", "gpt-oss", "sharegpt-vicuna", "swebench-lite");
    for (int i = 0; i < read.summaries().size(); i++) {
      DatasetSummary s = read.summaries().get(i);
      DatasetViews.Dataset d = v.datasets().get(i);
      check(d.input(), s.input());
      assertThat(d.output().isPresent()).isEqualTo(s.output().isPresent());
      s.output().ifPresent(o -> check(d.output().get(), o));
    }
    // gpt-oss and swebench-lite state input lengths only
    assertThat(v.datasets().get(1).output()).isEmpty();
  }

  private static void check(DatasetViews.Lengths got, TokenLengths want) {
    assertThat(got.count()).isEqualTo(want.count());
    assertThat(got.min()).isEqualTo(want.min());
    assertThat(got.max()).isEqualTo(want.max());
    assertThat(got.mean()).isEqualTo(want.mean());
    assertThat(got.percentiles())
        .containsExactly(
            java.util.Map.entry("p50", want.percentile(50)),
            java.util.Map.entry("p90", want.percentile(90)),
            java.util.Map.entry("p95", want.percentile(95)),
            java.util.Map.entry("p99", want.percentile(99)));
    assertThat(got.histogram()).hasSize(DatasetViews.BINS).isEqualTo(want.histogram(40));
    assertThat(got.histogram().stream().mapToInt(TokenLengths.Bin::count).sum())
        .isEqualTo(want.count());
  }

  @Test
  void withoutSummariesThereIsNoDataset() {
    Findings f = Findings.of(new LoadResult(List.of(), List.of()));
    assertThat(f.datasets().datasets()).isEmpty();
    assertThat(f.datasets().problems()).isEmpty();
  }
}
