package dev.terrace.desktop.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SliderScaleTest {

    private final SliderScale requests = new SliderScale(0, 20_000_000, true);
    private final SliderScale duration = new SliderScale(10, 5_000, false);

    @Test
    void endsMapToRangeEnds() {
        assertThat(requests.valueAt(0)).isEqualByComparingTo("0");
        assertThat(requests.valueAt(1)).isEqualByComparingTo("20000000");
        assertThat(duration.valueAt(0)).isEqualByComparingTo("10");
        assertThat(duration.valueAt(1)).isEqualByComparingTo("5000");
    }

    @Test
    void middleIsGeometricMean() {
        // sqrt(10 × 5000) = 223.6…, kept to two significant digits.
        assertThat(duration.valueAt(0.5)).isEqualByComparingTo("220");
    }

    @Test
    void countsAreWholeNumbers() {
        BigDecimal low = requests.valueAt(0.05);

        assertThat(low.scale()).isLessThanOrEqualTo(0);
    }

    @Test
    void positionInvertsValue() {
        assertThat(requests.positionOf(new BigDecimal("0"))).isEqualTo(0.0);
        assertThat(requests.positionOf(new BigDecimal("20000000"))).isCloseTo(1.0, within(1e-12));
        assertThat(duration.positionOf(new BigDecimal("200"))).isCloseTo(
                Math.log(20) / Math.log(500), within(1e-12));
    }

    @Test
    void valuesOutsideRangeSitAtEnds() {
        assertThat(duration.positionOf(new BigDecimal("1"))).isEqualTo(0.0);
        assertThat(duration.positionOf(new BigDecimal("90000"))).isCloseTo(1.0, within(1e-12));
        assertThat(duration.valueAt(7)).isEqualByComparingTo("5000");
    }

    @Test
    void containsChecksBothEnds() {
        assertThat(duration.contains(new BigDecimal("10"))).isTrue();
        assertThat(duration.contains(new BigDecimal("9.99"))).isFalse();
        assertThat(duration.contains(new BigDecimal("5000.01"))).isFalse();
    }

    @Test
    void emptyRangeIsRejected() {
        assertThatThrownBy(() -> new SliderScale(5, 5, false)).hasMessageContaining("0 <= min < max");
    }
}
