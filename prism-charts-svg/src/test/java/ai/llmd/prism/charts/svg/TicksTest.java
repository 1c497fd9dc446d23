package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

  private static List<String> labels(Ticks t) {
    return t.ticks().stream().filter(Ticks.Tick::labelled).map(Ticks.Tick::label).toList();
  }

  @Test
  void linearStepsBy200AndWidensTheDomainToWholeSteps() {
    Ticks t = Ticks.linear(0, 973, 6);

    assertThat(t.labelledValues()).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
    assertThat(labels(t)).containsExactly("0", "200", "400", "600", "800", "1000");
    assertThat(t.min()).isEqualTo(0);
    assertThat(t.max()).isEqualTo(1000);
  }

  @Test
  void linearPicksTheSmallestOneTwoFiveStepThatFits() {
    assertThat(Ticks.linear(0, 973, 10).labelledValues())
        .containsExactly(
            0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0, 1000.0);
    assertThat(Ticks.linear(0, 973, 3).labelledValues()).containsExactly(0.0, 500.0, 1000.0);
    assertThat(Ticks.linear(0, 0.73, 4).labelledValues()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);
  }

  @Test
  void linearLabelsShareTheirStepsDecimalsWithoutFloatingPointNoise() {
    assertThat(labels(Ticks.linear(0, 2.4, 5)))
        .containsExactly("0.0", "0.5", "1.0", "1.5", "2.0", "2.5");
    assertThat(labels(Ticks.linear(0.1, 0.3, 2))).containsExactly("0.1", "0.2", "0.3");
    assertThat(labels(Ticks.linear(0, 0.0003, 3)))
        .containsExactly("0.0000", "0.0001", "0.0002", "0.0003");
  }

  @Test
  void linearUsesThousandsSuffixesOnceLabelsReachTenThousand() {
    assertThat(labels(Ticks.linear(0, 45_000, 5)))
        .containsExactly("0", "10k", "20k", "30k", "40k", "50k");
    assertThat(labels(Ticks.linear(0, 8_000, 4)))
        .containsExactly("0", "2000", "4000", "6000", "8000");
    // one axis, one suffix: once its end reaches 10000 every label is in k
    assertThat(labels(Ticks.linear(0, 9_000, 5)))
        .containsExactly("0", "2k", "4k", "6k", "8k", "10k");
    assertThat(labels(Ticks.linear(0, 2_400_000, 5)))
        .containsExactly("0", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M");
  }

  @Test
  void linearHandlesNegativeRangesAndASingleValue() {
    assertThat(Ticks.linear(-35, 12, 5).labelledValues()).containsExactly(-40.0, -20.0, 0.0, 20.0);
    assertThat(Ticks.linear(-35, 12, 6).labelledValues())
        .containsExactly(-40.0, -30.0, -20.0, -10.0, 0.0, 10.0, 20.0);
    assertThat(Ticks.linear(0, 0, 5).labelledValues())
        .containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    assertThat(Ticks.linear(7, 7, 4).min()).isLessThan(7);
    assertThat(Ticks.linear(7, 7, 4).max()).isGreaterThan(7);
  }

  @Test
  void linearRejectsNonFiniteRanges() {
    assertThatThrownBy(() -> Ticks.linear(0, Double.NaN, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ticks.linear(5, 1, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void logLabelsEveryDecadeAndTwoAndFiveWhenThereIsRoom() {
    Ticks t = Ticks.log(3, 45_000, 600, Ticks.horizontalRoom(12));

    assertThat(
            t.ticks().stream()
                .filter(k -> k.label().matches("1|10|100|1000|10k"))
                .map(Ticks.Tick::value))
        .containsExactly(10.0, 100.0, 1000.0, 10_000.0);
    assertThat(labels(t))
        .containsExactly(
            "5", "10", "20", "50", "100", "200", "500", "1000", "2000", "5000", "10k", "20k");
    assertThat(t.min()).isEqualTo(3);
    assertThat(t.max()).isEqualTo(45_000);
  }

  @Test
  void logKeepsTwoAndFiveAsUnlabelledMinorTicksWhenCrowded() {
    Ticks t = Ticks.log(3, 45_000, 250, Ticks.horizontalRoom(12));

    assertThat(t.labelledValues()).containsExactly(10.0, 100.0, 1000.0, 10_000.0);
    assertThat(t.ticks()).extracting(Ticks.Tick::value).contains(5.0, 20.0, 50.0, 20_000.0);
  }

  @Test
  void logLabelsEveryOtherDecadeWhenEvenDecadesAreCrowded() {
    Ticks t = Ticks.log(1e-3, 1e9, 320, Ticks.horizontalRoom(12));

    assertThat(labels(t)).containsExactly("0.01", "1", "100", "10k", "1M", "100M");
    assertThat(t.ticks().stream().filter(k -> !k.labelled()).map(Ticks.Tick::value))
        .as("the skipped decades stay as minor ticks, without 2 and 5")
        .containsExactly(1e-3, 0.1, 10.0, 1000.0, 1e5, 1e7, 1e9);
  }

  @Test
  void logLabelsSmallValuesExactly() {
    assertThat(labels(Ticks.log(0.0015, 0.06, 400, Ticks.horizontalRoom(12))))
        .containsExactly("0.002", "0.005", "0.01", "0.02", "0.05");
  }

  @Test
  void logFallsBackToLinearStepsWithinADecade() {
    Ticks t = Ticks.log(0.66, 3.3, 357, Ticks.verticalRoom(12));

    assertThat(labels(t)).containsExactly("1.0", "1.5", "2.0", "2.5", "3.0");
  }

  @Test
  void logRejectsNonPositiveRanges() {
    assertThatThrownBy(() -> Ticks.log(0, 10, 300, Ticks.verticalRoom(12)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
