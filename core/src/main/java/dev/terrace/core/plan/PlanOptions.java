package dev.terrace.core.plan;

import dev.terrace.core.model.Address;
import java.util.function.Predicate;

/**
 * How to plan.
 *
 * @param parallelism the number of refresh reads in flight at once
 * @param destroy plan the removal of every managed resource instead of the stack
 * @param scope which addresses to plan; the rest are left as they are
 */
public record PlanOptions(int parallelism, boolean destroy, Predicate<Address> scope) {

    public static final int DEFAULT_PARALLELISM = 10;

    public PlanOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        scope = scope == null ? address -> true : scope;
    }

    public static PlanOptions defaults() {
        return new PlanOptions(DEFAULT_PARALLELISM, false, null);
    }

    public PlanOptions withDestroy(boolean newDestroy) {
        return new PlanOptions(parallelism, newDestroy, scope);
    }
}
