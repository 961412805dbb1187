package dev.terrace.core.cost;

import dev.terrace.core.GuideExample;
import dev.terrace.core.engine.Validation;
import dev.terrace.core.model.Address;
import dev.terrace.core.stack.Stack;
import java.math.BigDecimal;

/** The guide's stack in a chosen region, and ways to pick figures out of its estimate. */
final class CostFixtures {

    private CostFixtures() {
    }

    static Stack guideIn(String region) {
        String text = GuideExample.text().replace("region: southamerica-east1", "region: " + region);
        return Validation.of("terrace.yaml", text).usableStack().orElseThrow();
    }

    static Stack guideWith(String extraYaml) {
        return Validation.of("terrace.yaml", GuideExample.text() + extraYaml).usableStack().orElseThrow();
    }

    static Estimate estimate(String region, long requestsPerMonth) {
        Usage usage = Usage.defaults().withRequestsPerMonth(BigDecimal.valueOf(requestsPerMonth));
        return CostEstimator.estimate(guideIn(region), usage, PriceBook.bundled());
    }

    static LineItem lineItem(Estimate estimate, String address, String itemId) {
        return estimate.linesOf(Address.parse(address)).stream().filter(line -> line.itemId().equals(itemId))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + address + " " + itemId));
    }

    static BigDecimal item(Estimate estimate, String itemId) {
        return estimate.lines().stream().filter(line -> line.itemId().equals(itemId)).map(LineItem::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal service(Estimate estimate, String service) {
        return estimate.byService().getOrDefault(service, BigDecimal.ZERO);
    }
}
