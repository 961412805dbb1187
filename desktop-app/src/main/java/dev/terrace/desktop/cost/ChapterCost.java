package dev.terrace.desktop.cost;

import dev.terrace.core.cost.Estimate;
import dev.terrace.core.cost.Figures;
import dev.terrace.core.cost.LineItem;
import dev.terrace.core.model.Chapter;
import dev.terrace.desktop.Texts;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cost section of one chapter panel: the chapter's line items, biggest first, and a sentence
 * with their monthly subtotal, or a sentence stating that the chapter has no cost.
 */
public record ChapterCost(List<CostRow> rows, BigDecimal subtotal, String summary) {

    public ChapterCost {
        rows = List.copyOf(rows);
    }

    /** Returns the chapter's part of the estimate; a null estimate means none could be made. */
    public static ChapterCost of(Estimate estimate, Chapter chapter) {
        if (estimate == null) {
            return new ChapterCost(List.of(), BigDecimal.ZERO, Texts.get("chapter.cost.unknown"));
        }
        List<LineItem> lines = estimate.linesOf(chapter);
        if (lines.isEmpty()) {
            return new ChapterCost(List.of(), BigDecimal.ZERO, Texts.get("chapter.cost.none"));
        }
        BigDecimal subtotal = lines.stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CostRow> rows = lines.stream().map(CostRow::of).toList();
        return new ChapterCost(rows, subtotal, Texts.get("chapter.cost.subtotal", Figures.money(subtotal),
                lines.size(), estimate.region()));
    }

    public boolean hasCost() {
        return !rows.isEmpty();
    }
}
