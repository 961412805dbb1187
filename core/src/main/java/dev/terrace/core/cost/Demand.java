package dev.terrace.core.cost;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import java.math.BigDecimal;

/**
 * A quantity of one price item that one resource consumes in a month, before any price.
 *
 * @param basis how the quantity follows from the stack and the usage, such as
 *     {@code 43,800 executions × 10 s × 1 vCPU}
 */
record Demand(Address address, Chapter chapter, String itemId, BigDecimal quantity, String basis) {
}
