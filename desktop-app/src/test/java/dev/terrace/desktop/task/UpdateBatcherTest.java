package dev.terrace.desktop.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpdateBatcherTest {

    @Test
    void manyUpdatesArriveInFewBatches() throws InterruptedException {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(1_000);
        try (UpdateBatcher<Integer> batcher = new UpdateBatcher<>(UiExecutor.INLINE, 50, batch -> {
            batches.add(batch);
            batch.forEach(update -> all.countDown());
        })) {
            ExecutorService senders = Executors.newFixedThreadPool(8);
            for (int index = 0; index < 1_000; index++) {
                int update = index;
                senders.submit(() -> batcher.offer(update));
            }
            senders.shutdown();

            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(1_000);
        assertThat(batches.size()).isLessThan(50);
    }

    @Test
    void zeroIntervalDeliversAtOnce() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (UpdateBatcher<Integer> batcher = new UpdateBatcher<>(UiExecutor.INLINE, 0, seen::addAll)) {
            batcher.offer(7);

            assertThat(seen).containsExactly(7);
        }
    }
}
