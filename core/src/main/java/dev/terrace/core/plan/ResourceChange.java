package dev.terrace.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.Spec;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What apply will do to one resource and why.
 *
 * @param desired the spec apply will create or update to; null for a delete
 * @param prior the spec the cloud or the state holds now; null for a create
 * @param observed what refresh read, which an update starts from; null when nothing was read
 * @param reason why a replace or a delete happens, in plain words. An update of an object whose
 *     fields match the stack has one too, because its latest deploy failed. Null otherwise.
 * @param note a remark for the reader, such as "after enabling run.googleapis.com" or "adopt"
 * @param adopt whether apply takes an existing object under management
 * @param dependsOn the addresses this change waits for: for a create or update, its
 *     dependencies; for a delete, the resources that depended on it
 */
public record ResourceChange(
        Address address,
        Chapter chapter,
        Action action,
        List<FieldChange> fieldChanges,
        String reason,
        String note,
        boolean adopt,
        Spec desired,
        Spec prior,
        @JsonIgnore Observed<? extends Spec> observed,
        SortedSet<Address> dependsOn) {

    public ResourceChange {
        fieldChanges = List.copyOf(fieldChanges);
        dependsOn = new TreeSet<>(dependsOn == null ? Set.of() : dependsOn);
    }
}
