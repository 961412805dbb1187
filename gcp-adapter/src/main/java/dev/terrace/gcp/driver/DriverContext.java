package dev.terrace.gcp.driver;

import dev.terrace.gcp.GcpGatewayOptions;
import dev.terrace.gcp.connection.ClientFactory;

/**
 * The state every driver of one gateway shares: the clients, the project, the waiting rules and the
 * one batcher of the project's IAM policy.
 */
public final class DriverContext {

    private final ClientFactory clients;
    private final GcpGatewayOptions options;
    private final OperationWaiter waiter;
    private final ApiEnablements enablements;
    private volatile ProjectPolicyBatcher projectPolicy;

    public DriverContext(ClientFactory clients, GcpGatewayOptions options, ApiEnablements enablements) {
        this.clients = clients;
        this.options = options;
        this.waiter = new OperationWaiter(options);
        this.enablements = enablements;
    }

    ClientFactory clients() {
        return clients;
    }

    public String project() {
        return clients.connection().project();
    }

    GcpGatewayOptions options() {
        return options;
    }

    OperationWaiter waiter() {
        return waiter;
    }

    ApiEnablements enablements() {
        return enablements;
    }

    synchronized ProjectPolicyBatcher projectPolicy() {
        if (projectPolicy == null) {
            projectPolicy = new ProjectPolicyBatcher(clients.projects(), project());
        }
        return projectPolicy;
    }
}
