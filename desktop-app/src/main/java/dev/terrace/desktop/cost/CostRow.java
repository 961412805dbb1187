package dev.terrace.desktop.cost;

import dev.terrace.core.cost.Figures;
import dev.terrace.core.cost.LineItem;

/**
 * One line item as a table row, with its figures already formatted.
 *
 * @param item the billing service and the price item, such as {@code Cloud Run requests}
 * @param free the free allowance credited to this line with its unit, or empty when none is
 */
public record CostRow(String cost, String address, String item, String formula, String free) {

    public static CostRow of(LineItem line) {
        String free = line.freeApplied().signum() == 0 ? ""
                : Figures.quantity(line.freeApplied()) + " " + line.unit();
        return new CostRow(Figures.money(line.cost()), line.address().toString(),
                line.service() + " " + line.description(), line.formula(), free);
    }
}
