package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void leavesLabelsThatDoNotCollideWhereTheyWant() {
    assertThat(Labels.spread(new double[] {10, 40, 90}, 14, 0, 100)).containsExactly(10, 40, 90);
  }

  @Test
  void pushesCollidingLabelsApartDownwards() {
    assertThat(Labels.spread(new double[] {50, 50, 52}, 14, 0, 200)).containsExactly(50, 64, 78);
  }

  @Test
  void pullsLabelsPushedPastTheBottomBackUp() {
    assertThat(Labels.spread(new double[] {95, 96, 100}, 14, 0, 100)).containsExactly(72, 86, 100);
  }

  @Test
  void givesUpWhenTheyCannotAllFit() {
    assertThat(Labels.spread(new double[] {1, 2, 3}, 14, 0, 20)).isNull();
  }
}
