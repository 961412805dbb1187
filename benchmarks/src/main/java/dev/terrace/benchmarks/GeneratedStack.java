package dev.terrace.benchmarks;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.spec.Spec;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A synthetic stack of service accounts and secrets where each resource depends on up to three
 * earlier ones, picked by a seeded random generator so every run measures the same graph.
 */
final class GeneratedStack {

    private GeneratedStack() {
    }

    static Stack of(int size, long seed) {
        Random random = new Random(seed);
        Settings settings = new Settings("generated", "bench-project", "us-central1", "bench", null, null, null, null,
                null);
        List<Resource> resources = new ArrayList<>();
        List<Address> earlier = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            boolean account = index % 2 == 0;
            Address address = new Address(account ? ResourceKind.SERVICE_ACCOUNT : ResourceKind.SECRET, "r" + index);
            Spec spec = account ? new ServiceAccountSpec(String.format("bench-%05d", index), "r" + index, null)
                    : new SecretSpec("secret-" + index, "automatic", List.of(), Map.of(), Map.of());
            SortedSet<Address> dependsOn = new TreeSet<>();
            int count = earlier.isEmpty() ? 0 : random.nextInt(4);
            for (int pick = 0; pick < count; pick++) {
                // Favour recent resources so the graph has depth as well as width.
                int window = Math.min(earlier.size(), 40);
                dependsOn.add(earlier.get(earlier.size() - 1 - random.nextInt(window)));
            }
            resources.add(new Resource(address, Chapter.SERVICE_ACCOUNTS, spec, dependsOn, ""));
            earlier.add(address);
        }
        return Stack.of("generated.yaml", settings, resources);
    }
}
