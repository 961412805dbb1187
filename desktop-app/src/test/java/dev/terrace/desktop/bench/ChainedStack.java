package dev.terrace.desktop.bench;

import dev.terrace.core.model.Address;
import dev.terrace.core.model.Chapter;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.spec.ServiceAccountSpec;
import dev.terrace.core.stack.Settings;
import dev.terrace.core.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A synthetic stack of service accounts and secrets in parallel chains, where each resource
 * depends on the one before it in its chain. An apply then keeps every worker busy and finishes
 * resources at a steady rate, the load the console's event batching must absorb.
 */
final class ChainedStack {

    private ChainedStack() {
    }

    static Stack of(int size, int chains) {
        Settings settings = new Settings("console-bench", "bench-project", "us-central1", "bench", null, null, null,
                null, null);
        List<Resource> resources = new ArrayList<>();
        Address[] lastInChain = new Address[chains];
        for (int index = 0; index < size; index++) {
            boolean account = index % 2 == 0;
            String name = "r" + index;
            Address address = new Address(account ? ResourceKind.SERVICE_ACCOUNT : ResourceKind.SECRET, name);
            SortedSet<Address> dependsOn = new TreeSet<>();
            int chain = index % chains;
            if (lastInChain[chain] != null) {
                dependsOn.add(lastInChain[chain]);
            }
            lastInChain[chain] = address;
            Chapter chapter = account ? Chapter.SERVICE_ACCOUNTS : Chapter.SECRETS;
            resources.add(new Resource(address, chapter, account
                    ? new ServiceAccountSpec(String.format("bench-%05d", index), name, null)
                    : new SecretSpec("secret-" + index, "automatic", List.of(), Map.of(), Map.of()),
                    dependsOn, ""));
        }
        return Stack.of("console-bench.yaml", settings, resources);
    }
}
