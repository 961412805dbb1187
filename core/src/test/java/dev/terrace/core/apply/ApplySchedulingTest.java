package dev.terrace.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.apply.ResourceOutcome.Status;
import dev.terrace.core.engine.Engine;
import dev.terrace.core.event.EngineEvent;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.plan.Plan;
import dev.terrace.core.plan.PlanOptions;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the applier orders and paces operations over the dependency graph. */
class ApplySchedulingTest {

    private static final RetryPolicy QUICK = new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(10));

    @TempDir
    Path stateRoot;

    @Test
    void dependentStartsWithoutWaitingForUnrelatedSlowResource() {
        Stack stack = stack(Map.of("slow", Set.of(), "fast", Set.of(), "after-fast", Set.of("fast")));
        TimedGateway cloud = new TimedGateway(Map.of("slow", Duration.ofMillis(600), "fast", Duration.ofMillis(50),
                "after-fast", Duration.ofMillis(50)), identity -> null);

        ApplyResult result = apply(stack, cloud, new ApplyOptions(4, QUICK), null);

        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.interval("after-fast").startNanos()).isGreaterThanOrEqualTo(cloud.interval("fast").endNanos());
        assertThat(cloud.interval("after-fast").endNanos())
                .as("a layer-by-layer walk would wait for the slow resource first")
                .isLessThan(cloud.interval("slow").endNanos());
    }

    @Test
    void parallelismBoundsOperationsInFlight() {
        Map<String, Set<String>> wide = new java.util.HashMap<>();
        Map<String, Duration> times = new java.util.HashMap<>();
        for (int index = 0; index < 12; index++) {
            wide.put("account-" + index, Set.of());
            times.put("account-" + index, Duration.ofMillis(60));
        }
        TimedGateway cloud = new TimedGateway(times, identity -> null);

        apply(stack(wide), cloud, new ApplyOptions(3, QUICK), null);

        assertThat(cloud.maxRunning()).isEqualTo(3);
    }

    @Test
    void retryWaitsAtLeastTheServerDelay() {
        Stack stack = stack(Map.of("quota-bound", Set.of()));
        int[] failuresLeft = {1};
        TimedGateway cloud = new TimedGateway(Map.of(), identity -> {
            synchronized (failuresLeft) {
                if (failuresLeft[0]-- > 0) {
                    return new CloudException(ErrorCategory.QUOTA, "quota exceeded", true, Duration.ofMillis(300),
                            null, null);
                }
                return null;
            }
        });
        List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

        ApplyResult result = apply(stack, cloud, new ApplyOptions(2, QUICK), events::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(cloud.attempts("quota-bound")).isEqualTo(2);
        EngineEvent.ResourceRetrying retry = events.stream().filter(EngineEvent.ResourceRetrying.class::isInstance)
                .map(EngineEvent.ResourceRetrying.class::cast).findFirst().orElseThrow();
        assertThat(retry.delay()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(retry.category()).isEqualTo("QUOTA");
    }

    @Test
    void retryableErrorGivesUpWhenBudgetIsSpent() {
        Stack stack = stack(Map.of("never", Set.of()));
        TimedGateway cloud = new TimedGateway(Map.of(), identity ->
                new CloudException(ErrorCategory.UNAVAILABLE, "backend unavailable"));
        RetryPolicy tight = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(200));

        ApplyResult result = apply(stack, cloud, new ApplyOptions(2, tight), null);

        assertThat(result.withStatus(Status.FAILED)).hasSize(1);
        assertThat(result.withStatus(Status.FAILED).get(0).message()).contains("gave up after");
        assertThat(cloud.attempts("never")).isBetween(2, 12);
    }

    @Test
    void cancelSkipsUnstartedChanges() throws Exception {
        Stack stack = stack(Map.of("first", Set.of(), "second", Set.of("first"), "third", Set.of("second")));
        TimedGateway cloud = new TimedGateway(Map.of("first", Duration.ofMillis(400)), identity -> null);
        CancelToken cancel = new CancelToken();
        // Cancel once the first change is under way, so a slow machine cannot cancel before it starts.
        dev.terrace.core.event.EngineListener cancelOnStart = event -> {
            if (event instanceof dev.terrace.core.event.EngineEvent.ResourceStarted started
                    && started.address().name().equals("first")) {
                cancel.cancel();
            }
        };

        ApplyResult result = apply(stack, cloud, new ApplyOptions(2, QUICK), cancelOnStart, cancel);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.withStatus(Status.SUCCEEDED)).extracting(outcome -> outcome.address().name())
                .containsExactly("first");
        assertThat(result.withStatus(Status.SKIPPED)).extracting(outcome -> outcome.address().name())
                .containsExactlyInAnyOrder("second", "third");
        assertThat(result.state().resources()).containsOnlyKeys(address("first"));
    }

    @Test
    void driverErrorFailsResourceWithoutHanging() {
        Stack stack = stack(Map.of("broken", Set.of(), "after-broken", Set.of("broken"), "fine", Set.of()));
        TimedGateway cloud = new TimedGateway(Map.of(), identity -> {
            if (identity.equals("broken")) {
                throw new NoClassDefFoundError("dev/terrace/Missing");
            }
            return null;
        });

        ApplyResult result = apply(stack, cloud, new ApplyOptions(2, QUICK), null);

        assertThat(result.withStatus(Status.FAILED)).extracting(outcome -> outcome.address().name())
                .containsExactly("broken");
        assertThat(result.withStatus(Status.FAILED).get(0).message()).contains("NoClassDefFoundError");
        assertThat(result.withStatus(Status.SKIPPED)).extracting(outcome -> outcome.address().name())
                .containsExactly("after-broken");
        assertThat(result.withStatus(Status.SUCCEEDED)).extracting(outcome -> outcome.address().name())
                .containsExactly("fine");
    }

    private ApplyResult apply(Stack stack, TimedGateway cloud, ApplyOptions options,
            dev.terrace.core.event.EngineListener listener) {
        return apply(stack, cloud, options, listener, null);
    }

    private ApplyResult apply(Stack stack, TimedGateway cloud, ApplyOptions options,
            dev.terrace.core.event.EngineListener listener, CancelToken cancel) {
        Engine engine = new Engine(cloud, stateRoot, listener);
        Plan plan = engine.plan(stack, PlanOptions.defaults());
        return engine.apply(stack, plan, options, cancel);
    }

    /** Builds a stack of service accounts whose ids are the given names, with the given dependencies. */
    static Stack stack(Map<String, Set<String>> dependencies) {
        Settings settings = new Settings("scheduling", "timed-project", "us-central1", "app", null, null, null, null,
                null);
        List<Resource> resources = new ArrayList<>();
        dependencies.forEach((name, dependsOn) -> resources.add(new Resource(address(name), Chapter.SERVICE_ACCOUNTS,
                new ServiceAccountSpec(name, name, null),
                dependsOn.stream().map(ApplySchedulingTest::address)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                "")));
        return Stack.of("scheduling.yaml", settings, resources);
    }

    static Address address(String name) {
        return new Address(ResourceKind.SERVICE_ACCOUNT, name);
    }
}
