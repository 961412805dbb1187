package dev.terrace.core.plan;

/** The operation apply performs on one resource, with the glyph plans show for it. */
public enum Action {
    CREATE("+", "create"),
    UPDATE("~", "update in place"),
    REPLACE("-/+", "replace"),
    DELETE("-", "destroy"),
    NO_OP(" ", "no change");

    private final String glyph;
    private final String verb;

    Action(String glyph, String verb) {
        this.glyph = glyph;
        this.verb = verb;
    }

    public String glyph() {
        return glyph;
    }

    public String verb() {
        return verb;
    }

    /** Returns whether apply calls the cloud for this action. */
    public boolean changesCloud() {
        return this != NO_OP;
    }
}
