package dev.terrace.desktop.cost;

import java.math.BigDecimal;

/**
 * One service's monthly cost as a bar of the cost screen's chart.
 *
 * @param share the bar's length relative to the dearest service, from 0 to 1
 */
public record ServiceBar(String service, BigDecimal cost, String costText, double share) {
}
