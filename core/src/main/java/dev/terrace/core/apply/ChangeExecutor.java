package dev.terrace.core.apply;

import dev.terrace.core.model.Address;
import dev.terrace.core.plan.Action;
import dev.terrace.core.plan.ResourceChange;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.state.Journal;
import dev.terrace.core.state.JournalEntry;
import dev.terrace.core.state.State;
import dev.terrace.core.state.StateEntry;
import dev.terrace.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Performs one change against the cloud and records it: journal entry before the call, state
 * entry after it, journal entry cleared last. A crash between any two steps leaves enough behind
 * for the next plan to adopt instead of creating twice.
 */
final class ChangeExecutor {

    private final Gateway gateway;
    private final StateStore store;
    private final Journal journal;
    private State state;
    private final Object writeLock = new Object();
    private long writtenSerial = -1;

    ChangeExecutor(Gateway gateway, StateStore store) {
        this.gateway = gateway;
        this.store = store;
        this.journal = store.journal();
        this.state = store.load();
    }

    synchronized State state() {
        return state;
    }

    void execute(ResourceChange change) {
        Address address = change.address();
        switch (change.action()) {
            case CREATE -> record(change, create(change));
            case UPDATE -> record(change, update(change));
            case REPLACE -> {
                delete(change);
                record(change, create(change));
            }
            case DELETE -> {
                delete(change);
                forget(address);
            }
            case NO_OP -> settleNoOp(change);
            default -> throw new IllegalStateException("Unhandled action " + change.action());
        }
    }

    private Observed<Spec> create(ResourceChange change) {
        Driver<Spec> driver = gateway.driver(change.address().kind());
        Optional<JournalEntry> pending = journal.find(change.address());
        if (pending.isPresent() && pending.get().operationName() != null) {
            Optional<Observed<Spec>> resumed = driver.resume(pending.get().operationName(), change.desired());
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        journal.begin(change.address(), Action.CREATE);
        try {
            return driver.create(change.desired());
        } catch (CloudException failed) {
            if (failed.category() == ErrorCategory.ALREADY_EXISTS) {
                // An earlier attempt whose reply was lost may have created it; ours if it reads back.
                Optional<Observed<Spec>> existing = driver.read(change.desired());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            throw recordPending(change, failed);
        }
    }

    private Observed<Spec> update(ResourceChange change) {
        Driver<Spec> driver = gateway.driver(change.address().kind());
        journal.begin(change.address(), Action.UPDATE);
        try {
            @SuppressWarnings("unchecked")
            Observed<Spec> current = (Observed<Spec>) change.observed();
            return driver.update(change.desired(), current != null ? current : Observed.of(change.prior()));
        } catch (CloudException failed) {
            throw recordPending(change, failed);
        }
    }

    private void delete(ResourceChange change) {
        Driver<Spec> driver = gateway.driver(change.address().kind());
        journal.begin(change.address(), Action.DELETE);
        try {
            driver.delete(change.prior());
        } catch (CloudException failed) {
            if (failed.category() != ErrorCategory.NOT_FOUND) {
                throw recordPending(change, failed);
            }
        }
    }

    private CloudException recordPending(ResourceChange change, CloudException failed) {
        failed.operationName().ifPresent(operation -> journal.pending(change.address(), change.action(), operation));
        return failed;
    }

    /** Records an adopted object in the state, or drops the entry of an object that is gone. */
    private void settleNoOp(ResourceChange change) {
        if (change.desired() == null) {
            forget(change.address());
        } else if (change.adopt() && change.observed() != null) {
            @SuppressWarnings("unchecked")
            Observed<Spec> observed = (Observed<Spec>) change.observed();
            record(change, observed);
        }
    }

    private void record(ResourceChange change, Observed<Spec> observed) {
        StateEntry entry = new StateEntry(change.address(), change.chapter(), change.desired(), change.dependsOn(),
                observed.attributes(), fingerprint(change.desired()), Instant.now());
        long serial;
        synchronized (this) {
            state = state.with(entry);
            serial = state.serial();
        }
        persist(serial);
        journal.end(change.address());
    }

    private void forget(Address address) {
        long serial;
        synchronized (this) {
            state = state.without(address);
            serial = state.serial();
        }
        persist(serial);
        journal.end(address);
    }

    /**
     * Saves a state at least as new as the given serial. Resources that finish together share one
     * write, because the first thread to take the write lock saves the newest state and the others
     * then find their change already on disk.
     */
    private void persist(long serial) {
        synchronized (writeLock) {
            if (writtenSerial >= serial) {
                return;
            }
            State snapshot;
            synchronized (this) {
                snapshot = state;
            }
            store.save(snapshot);
            writtenSerial = snapshot.serial();
        }
    }

    /** Writes what the journal left for later; called once the run ends. */
    void flushJournal() {
        journal.flush();
    }

    /** Returns the first 16 hex digits of the SHA-256 of the spec's JSON. */
    static String fingerprint(Spec spec) {
        try {
            byte[] json = dev.terrace.core.json.Json.mapper().writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot fingerprint a spec", impossible);
        }
    }
}
