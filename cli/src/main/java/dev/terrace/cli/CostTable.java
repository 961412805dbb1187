package dev.terrace.cli;

import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.Figures;
import dev.terrace.core.cost.LineItem;

/** Renders an estimate as a terminal table: line items biggest first, then totals and notes. */
final class CostTable {

    private static final String ROW = "%10s  %-30s  %-31s  %s%n";
    private static final String TOTAL_ROW = "  %-40s %10s%n";

    private CostTable() {
    }

    static String render(Estimate estimate) {
        StringBuilder out = new StringBuilder();
        out.append(Texts.get("cost.heading", estimate.stack(), estimate.region(), estimate.tier(),
                estimate.currency())).append('\n');
        out.append(Texts.get("cost.prices", estimate.priceBookVersion(), estimate.priceBookChecked().toString()))
                .append("\n\n");

        out.append(String.format(ROW, Texts.get("cost.column.cost"), Texts.get("cost.column.resource"),
                Texts.get("cost.column.item"), Texts.get("cost.column.formula")));
        for (LineItem line : estimate.lines()) {
            out.append(String.format(ROW, Figures.money(line.cost()), line.address(),
                    line.service() + " " + line.description(), line.formula()));
        }
        out.append('\n').append(Texts.get("cost.total", Figures.money(estimate.total()))).append("\n\n");

        out.append(Texts.get("cost.by_service")).append('\n');
        estimate.byService().forEach((service, cost) -> out.append(String.format(TOTAL_ROW, service,
                Figures.money(cost))));
        out.append(Texts.get("cost.by_chapter")).append('\n');
        estimate.byChapter().forEach((chapter, cost) -> out.append(String.format(TOTAL_ROW,
                chapter.label() + " " + chapter.title(), Figures.money(cost))));

        out.append('\n').append(Texts.get("cost.notes")).append('\n');
        estimate.notes().forEach(note -> out.append("  - ").append(note).append('\n'));
        return out.toString();
    }
}
