package dev.terrace.core.blueprint;

import dev.terrace.core.stack.Settings;
import java.util.List;

/**
 * A function from a stack's settings to the resources they imply. Reference fields of the specs
 * it returns may hold addresses; the stack loader resolves them.
 */
public interface Blueprint {

    /** The name a stack file gives in its {@code blueprint} field. */
    String name();

    List<BlueprintResource> resources(Settings settings);
}
