package dev.terrace.desktop.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Maps a slider's position, from 0 to 1, onto a value range on a logarithmic scale, so that each
 * stretch of the slider multiplies the value by the same factor. A range that starts at zero is
 * shifted by one before the logarithm, so position 0 is exactly zero.
 *
 * @param min the value at position 0, zero or more
 * @param max the value at position 1, above {@code min}
 * @param whole whether values are counts, rounded to whole numbers
 */
public record SliderScale(double min, double max, boolean whole) {

    /** Values from a slider keep two significant digits, so a drag gives 120,000 and not 123,456.7. */
    private static final MathContext STEP = new MathContext(2, RoundingMode.HALF_UP);

    public SliderScale {
        if (min < 0 || max <= min) {
            throw new IllegalArgumentException("a slider scale needs 0 <= min < max, was " + min + " to " + max);
        }
    }

    /** Returns the value at a position, rounded to two significant digits and kept inside the range. */
    public BigDecimal valueAt(double position) {
        double clamped = Math.max(0, Math.min(1, position));
        double shift = shift();
        double raw = (min + shift) * Math.pow((max + shift) / (min + shift), clamped) - shift;
        BigDecimal rounded = new BigDecimal(raw).round(STEP);
        if (whole) {
            rounded = rounded.setScale(0, RoundingMode.HALF_UP);
        }
        return clamp(rounded).stripTrailingZeros();
    }

    /** Returns the position of a value; values outside the range sit at the nearer end. */
    public double positionOf(BigDecimal value) {
        double shift = shift();
        double clamped = Math.max(min, Math.min(max, value.doubleValue()));
        return Math.log((clamped + shift) / (min + shift)) / Math.log((max + shift) / (min + shift));
    }

    /** Returns whether a typed value lies inside the range. */
    public boolean contains(BigDecimal value) {
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private BigDecimal clamp(BigDecimal value) {
        return value.max(BigDecimal.valueOf(min)).min(BigDecimal.valueOf(max));
    }

    private double shift() {
        return min == 0 ? 1 : 0;
    }
}
