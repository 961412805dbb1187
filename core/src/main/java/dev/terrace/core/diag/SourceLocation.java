package dev.terrace.core.diag;

/** A place in a stack file, with 1-based line and column. */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
