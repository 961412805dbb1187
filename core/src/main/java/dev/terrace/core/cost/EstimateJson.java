package dev.terrace.core.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes an estimate as JSON for scripts: every line item with its figures and formula, the
 * totals, and the price book it used. Amounts are USD rounded to six decimals, so that a sum of
 * the lines matches the total to the cent.
 */
public final class EstimateJson {

    private static final int DECIMALS = 6;

    private EstimateJson() {
    }

    public static ObjectNode of(Estimate estimate) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("stack", estimate.stack());
        root.put("region", estimate.region());
        root.put("tier", estimate.tier());
        root.put("currency", estimate.currency());
        root.put("total", amount(estimate.total()));

        ObjectNode book = root.putObject("price_book");
        book.put("version", estimate.priceBookVersion());
        book.put("checked", estimate.priceBookChecked().toString());
        book.put("region_listed", estimate.regionListed());

        ArrayNode lines = root.putArray("lines");
        for (LineItem line : estimate.lines()) {
            ObjectNode node = lines.addObject();
            node.put("address", line.address().toString());
            node.put("chapter", line.chapter().number());
            node.put("service", line.service());
            node.put("item", line.itemId());
            node.put("description", line.description());
            node.put("unit", line.unit());
            node.put("quantity", plain(line.quantity()));
            node.put("basis", line.basis());
            node.put("unit_price", plain(line.unitPrice()));
            node.put("free_applied", amount(line.freeApplied()));
            node.put("free_share", amount(line.freeShare()));
            node.put("cost", amount(line.cost()));
            node.put("formula", line.formula());
            node.put("estimated_price", line.estimatedPrice());
        }

        ObjectNode services = root.putObject("by_service");
        estimate.byService().forEach((service, cost) -> services.put(service, amount(cost)));
        ObjectNode chapters = root.putObject("by_chapter");
        estimate.byChapter().forEach((chapter, cost) -> chapters.put(chapter.label(), amount(cost)));
        ArrayNode notes = root.putArray("notes");
        estimate.notes().forEach(notes::add);
        return root;
    }

    private static BigDecimal amount(BigDecimal value) {
        return plain(value.setScale(DECIMALS, RoundingMode.HALF_UP));
    }

    /** Drops trailing zeros without the exponent form, so 2000000 never prints as 2E+6. */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
