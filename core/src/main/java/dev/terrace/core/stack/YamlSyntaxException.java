package dev.terrace.core.stack;

import dev.terrace.core.diag.SourceLocation;

/** A stack file that is not valid YAML, with the place the parser stopped. */
public final class YamlSyntaxException extends Exception {

    private final SourceLocation location;

    public YamlSyntaxException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }

    /** The parser's own words for the fault, without the location. */
    public String problem() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
