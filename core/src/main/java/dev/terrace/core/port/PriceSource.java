package dev.terrace.core.port;

import dev.terrace.core.cost.PriceBook;

/**
 * Current list prices from a live catalogue, such as the Cloud Billing Catalog API. The cost
 * estimator falls back to the bundled price book when a source fails, so an implementation
 * should raise rather than guess a missing price.
 */
public interface PriceSource {

    /**
     * Fetches the prices that apply to a stack in {@code region}, as a book with the same item ids
     * as the bundled one.
     *
     * @throws CloudException when the catalogue cannot be read
     */
    PriceBook fetch(String region);
}
