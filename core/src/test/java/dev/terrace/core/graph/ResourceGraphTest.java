package dev.terrace.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.core.model.Address;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceGraphTest {

    private static final Address API = Address.parse("api.run");
    private static final Address ACCOUNT = Address.parse("service_account.run");
    private static final Address SECRET = Address.parse("secret.KEY");
    private static final Address SERVICE = Address.parse("run_service.web");

    private final ResourceGraph graph = new ResourceGraph(Map.of(
            API, Set.of(),
            ACCOUNT, Set.of(),
            SECRET, Set.of(),
            SERVICE, Set.of(API, ACCOUNT, SECRET)));

    @Test
    void criticalPathFollowsTheSlowestChain() {
        Map<Address, Duration> durations = Map.of(API, Duration.ofSeconds(30), ACCOUNT, Duration.ofSeconds(2),
                SECRET, Duration.ofSeconds(1), SERVICE, Duration.ofSeconds(20));

        CriticalPath path = graph.criticalPath(durations::get);

        assertThat(path.length()).isEqualTo(Duration.ofSeconds(50));
        assertThat(path.path()).containsExactly(API, SERVICE);
    }

    @Test
    void topologicalOrderPutsDependenciesFirst() {
        List<Address> order = graph.topologicalOrder(Comparator.naturalOrder());

        assertThat(order.indexOf(SERVICE)).isEqualTo(3);
    }

    @Test
    void cyclesAreListedInLoopOrder() {
        ResourceGraph looped = new ResourceGraph(Map.of(
                API, Set.of(SERVICE),
                ACCOUNT, Set.of(API),
                SERVICE, Set.of(ACCOUNT),
                SECRET, Set.of(SECRET)));

        List<List<Address>> cycles = looped.cycles();

        assertThat(cycles).hasSize(2);
        assertThat(cycles).anySatisfy(cycle -> {
            assertThat(cycle).hasSize(4);
            assertThat(cycle.get(0)).isEqualTo(cycle.get(3));
            assertThat(cycle).contains(API, ACCOUNT, SERVICE);
        });
        assertThat(cycles).anySatisfy(cycle -> assertThat(cycle).containsExactly(SECRET, SECRET));
    }

    @Test
    void transitiveDependentsReachTheWholeChain() {
        assertThat(graph.transitiveDependentsOf(API)).containsExactly(SERVICE);
        assertThat(graph.transitiveDependentsOf(SERVICE)).isEmpty();
    }
}
