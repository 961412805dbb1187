package dev.terrace.emulator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tasks.v2.RetryConfig;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryConfig DOCUMENTED =
      RetryConfig.newBuilder()
          .setMinBackoff(Durations.fromSeconds(10))
          .setMaxBackoff(Durations.fromSeconds(300))
          .setMaxDoublings(3)
          .setMaxAttempts(5)
          .setMaxRetryDuration(Durations.fromSeconds(600))
          .build();

  @Test
  void backoffDoublesThenGrowsLinearly() {
    // The Cloud Tasks reference gives this sequence for min 10 s, max 300 s and 3 doublings.
    long[] expectedSeconds = {10, 20, 40, 80, 160, 240, 300, 300};

    for (int attempts = 1; attempts <= expectedSeconds.length; attempts++) {
      assertThat(RetryPolicy.backoff(DOCUMENTED, attempts)).as("after %d attempts", attempts).isEqualTo(Duration.ofSeconds(expectedSeconds[attempts - 1]));
    }
  }

  @Test
  void exhaustedNeedsAttemptsAndDuration() {
    Instant first = Instant.parse("2026-01-01T00:00:00Z");

    boolean fewAttempts = RetryPolicy.exhausted(DOCUMENTED, 4, Timestamps.fromMillis(first.toEpochMilli()), first.plusSeconds(700));
    boolean shortTime = RetryPolicy.exhausted(DOCUMENTED, 5, Timestamps.fromMillis(first.toEpochMilli()), first.plusSeconds(100));
    boolean both = RetryPolicy.exhausted(DOCUMENTED, 5, Timestamps.fromMillis(first.toEpochMilli()), first.plusSeconds(600));
    boolean unlimited = RetryPolicy.exhausted(DOCUMENTED.toBuilder().setMaxAttempts(-1).build(), 500, Timestamps.fromMillis(first.toEpochMilli()), first.plusSeconds(6000));

    assertThat(fewAttempts).isFalse();
    assertThat(shortTime).isFalse();
    assertThat(both).isTrue();
    assertThat(unlimited).isFalse();
  }
}
