package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumTest {

  @Test
  void writesCoordinatesWithAtMostTwoDecimalsAndNoTrailingZeros() {
    assertThat(Num.coord(12)).isEqualTo("12");
    assertThat(Num.coord(12.5)).isEqualTo("12.5");
    assertThat(Num.coord(12.345)).isEqualTo("12.35");
    assertThat(Num.coord(0.004)).isEqualTo("0");
    assertThat(Num.coord(-0.004)).isEqualTo("0");
    assertThat(Num.coord(-3.1)).isEqualTo("-3.1");
    assertThat(Num.coord(-0.05)).isEqualTo("-0.05");
    assertThat(Num.coord(799.999)).isEqualTo("800");
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Num.coord(1234.5)).isEqualTo("1234.5");
      assertThat(Num.label(new BigDecimal("2500.5"))).isEqualTo("2500.5");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void refusesCoordinatesThatCannotBeDrawn() {
    assertThatThrownBy(() -> Num.coord(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Num.coord(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsSingleValuesWithSuffixesFromTenThousand() {
    assertThat(Num.label(new BigDecimal("0.002"))).isEqualTo("0.002");
    assertThat(Num.label(new BigDecimal("5000"))).isEqualTo("5000");
    assertThat(Num.label(new BigDecimal("20000"))).isEqualTo("20k");
    assertThat(Num.label(new BigDecimal("1E+6"))).isEqualTo("1M");
    assertThat(Num.label(new BigDecimal("2E+9"))).isEqualTo("2G");
  }
}
