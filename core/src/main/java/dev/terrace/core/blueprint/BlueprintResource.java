package dev.terrace.core.blueprint;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.spec.Spec;
import java.util.Set;

/**
 * One resource a blueprint implies, before the stack file's overrides.
 *
 * @param dependsOn dependencies that no reference field shows, such as "the run account may read
 *     secrets before the service starts"
 * @param settingsField the settings field the resource's names derive from, for diagnostics
 */
public record BlueprintResource(Address address, Chapter chapter, Spec spec, Set<String> dependsOn,
        String settingsField) {

    public BlueprintResource {
        dependsOn = Set.copyOf(dependsOn);
    }
}
