package dev.terrace.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.spec.BucketSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path root;

    @Test
    void savedStateReadsBackEqual() {
        StateStore store = new StateStore(root, "p-project", "app");
        BucketSpec bucket = new BucketSpec("app-media", "us-central1", null, null, null, null, null, null,
                Map.of("managed-by", "terrace"), Map.of("roles/storage.objectViewer", java.util.List.of("allUsers")));
        Address address = Address.parse("bucket.media");
        State state = State.empty("app", "p-project").with(new StateEntry(address, Chapter.CLOUD_STORAGE, bucket,
                new TreeSet<>(java.util.Set.of(Address.parse("api.storage"))), Map.of("etag", "CAE="), "abc",
                Instant.parse("2026-12-01T10:00:00Z")));

        store.save(state);

        assertThat(store.load()).isEqualTo(state);
        assertThat(store.folder()).isEqualTo(root.resolve("stacks/p-project/app"));
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws Exception {
        StateStore store = new StateStore(root, "p-project", "app");
        for (int index = 0; index < 5; index++) {
            store.save(State.empty("app", "p-project"));
        }
        try (Stream<Path> files = Files.list(store.folder())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void corruptStateIsAClearError() throws Exception {
        StateStore store = new StateStore(root, "p-project", "app");
        Files.createDirectories(store.folder());
        Files.writeString(store.stateFile(), "{ not json");

        assertThatThrownBy(store::load).isInstanceOf(StateException.class)
                .hasMessageContaining(store.stateFile().toString())
                .hasMessageContaining("move it aside");
    }

    @Test
    void secondLockIsRefusedNamingTheHolder() {
        StateStore store = new StateStore(root, "p-project", "app");
        try (StateLock first = store.lock("apply", false)) {
            assertThatThrownBy(() -> store.lock("destroy", false))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("(apply)")
                    .hasMessageContaining("--force-unlock");
        }
        store.lock("apply", false).close();
    }

    @Test
    void forceUnlockTakesAStaleLock() throws Exception {
        StateStore store = new StateStore(root, "p-project", "app");
        Files.createDirectories(store.folder());
        Files.writeString(store.folder().resolve("lock.json"),
                "{\"pid\":999999999,\"host\":\"" + StateLock.hostName() + "\",\"user\":\"someone\","
                        + "\"command\":\"apply\",\"acquired_at\":\"2026-01-01T00:00:00Z\"}");

        assertThatThrownBy(() -> store.lock("apply", false)).hasMessageContaining("no longer runs");
        try (StateLock lock = store.lock("apply", true)) {
            assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void runLogsKeepTheNewestFifty() throws Exception {
        Path runs = root.resolve("runs");
        for (int index = 0; index < 55; index++) {
            RunLog.open(runs, "plan").close();
            Thread.sleep(2);
        }
        try (Stream<Path> files = Files.list(runs)) {
            assertThat(files.count()).isEqualTo(RunLog.KEEP);
        }
    }
}
