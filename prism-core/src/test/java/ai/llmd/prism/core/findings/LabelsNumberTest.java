package ai.llmd.prism.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every finite double prints as a short number: hostile magnitudes cannot widen a table. */
class LabelsNumberTest {

  @Test
  void ordinaryValuesKeepTheirUsualForm() {
    assertThat(Labels.number(1233)).isEqualTo("1233");
    assertThat(Labels.number(27.66)).isEqualTo("27.7");
    assertThat(Labels.number(1.3249)).isEqualTo("1.32");
    assertThat(Labels.number(123456789012345.0)).isEqualTo("123456789012345");
  }

  @Test
  void hugeValuesGetAnExponentInsteadOfHundredsOfDigits() {
    assertThat(Labels.number(1e15)).isEqualTo("1.00e+15");
    assertThat(Labels.number(1e308)).isEqualTo("1.00e+308");
    assertThat(Labels.number(-Double.MAX_VALUE)).isEqualTo("-1.80e+308");
    assertThat(Labels.number(123456789012345678901234567890.0)).isEqualTo("1.23e+29");
    assertThat(Labels.number(4.9e-324)).isEqualTo("4.90e-324");
  }

  @Test
  void zeroHasNoSignAndNonFiniteValuesHaveTheirSymbols() {
    assertThat(Labels.number(-0.0)).isEqualTo("0");
    assertThat(Labels.number(0)).isEqualTo("0");
    assertThat(Labels.number(Double.NaN)).isEqualTo(Labels.NONE);
    assertThat(Labels.number(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
  }
}
