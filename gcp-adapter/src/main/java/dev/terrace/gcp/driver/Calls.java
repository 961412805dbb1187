package dev.terrace.gcp.driver;

import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.gcp.error.ErrorTranslator;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs one client call and translates whatever it raises. */
final class Calls {

    private Calls() {
    }

    static <T> T call(String action, Supplier<T> call) {
        return ErrorTranslator.call(action, call);
    }

    static void run(String action, Runnable call) {
        call(action, () -> {
            call.run();
            return null;
        });
    }

    /** Runs a read and returns empty when the object does not exist. */
    static <T> Optional<T> find(String action, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(action, call));
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw failed;
        }
    }
}
