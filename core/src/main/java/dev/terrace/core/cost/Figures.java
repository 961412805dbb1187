package dev.terrace.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats quantities and money for formulas and tables; the only place an estimate is rounded. */
public final class Figures {

    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    /** Formats are not thread-safe and costly to build, so each thread keeps its own pair. */
    private static final ThreadLocal<DecimalFormat> QUANTITY = ThreadLocal.withInitial(() -> format("#,##0.####"));
    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> format("#,##0.00"));

    private Figures() {
    }

    /** Formats a quantity with thousands separators and up to four decimals, such as {@code 43,800} or {@code 2.51}. */
    public static String quantity(BigDecimal value) {
        return QUANTITY.get().format(value);
    }

    /** Formats a unit price in full, such as {@code $0.0000336} or {@code $0.40}, because its digits matter. */
    public static String price(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return "$" + (stripped.scale() < 2 ? value.setScale(2) : stripped).toPlainString();
    }

    /**
     * Formats a monthly cost to the cent, such as {@code $4.07}; a cost above zero that rounds to
     * zero shows as {@code <$0.01}, so a small charge never looks free.
     */
    public static String money(BigDecimal value) {
        if (value.signum() > 0 && value.compareTo(HALF_CENT) < 0) {
            return "<$0.01";
        }
        return "$" + MONEY.get().format(value);
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
