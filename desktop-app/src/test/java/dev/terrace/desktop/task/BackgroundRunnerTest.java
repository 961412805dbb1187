package dev.terrace.desktop.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundRunnerTest {

    @Test
    void resultAndFailureReachTheirCallbacks() throws InterruptedException {
        AtomicReference<Object> answer = new AtomicReference<>();
        AtomicReference<String> refusal = new AtomicReference<>();
        CountDownLatch both = new CountDownLatch(2);
        try (BackgroundRunner runner = new BackgroundRunner(2, UiExecutor.INLINE)) {
            runner.run("answer", () -> 42, value -> {
                answer.set(value);
                both.countDown();
            }, failure -> both.countDown());
            runner.run("refusal", () -> {
                throw new IllegalStateException("refused");
            }, value -> both.countDown(), failure -> {
                refusal.set(failure.getMessage());
                both.countDown();
            });

            assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answer.get()).isEqualTo(42);
        assertThat(refusal.get()).isEqualTo("refused");
    }

    @Test
    void workAfterCloseIsDropped() {
        BackgroundRunner runner = new BackgroundRunner(1, UiExecutor.INLINE);
        runner.close();
        AtomicReference<String> called = new AtomicReference<>("none");

        runner.run("late poll", () -> "read", value -> called.set("success"), failure -> called.set("failure"));

        assertThat(called.get()).isEqualTo("none");
    }
}
