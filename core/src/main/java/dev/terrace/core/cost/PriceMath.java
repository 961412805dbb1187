package dev.terrace.core.cost;

import java.math.MathContext;
import java.math.RoundingMode;

/** Arithmetic settings of the estimator: exact sums, and 20 significant digits for divisions. */
final class PriceMath {

    /** Wide enough that no figure an estimate shows is changed by a division's rounding. */
    static final MathContext CONTEXT = new MathContext(20, RoundingMode.HALF_EVEN);

    private PriceMath() {
    }
}
