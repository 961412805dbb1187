package dev.terrace.core.cost;

import java.util.List;

/** A price book that cannot be used, with every problem found, each naming the item and field. */
public final class PriceBookException extends RuntimeException {

    private final List<String> problems;

    public PriceBookException(String source, List<String> problems) {
        super("Price book " + source + " is invalid: " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
