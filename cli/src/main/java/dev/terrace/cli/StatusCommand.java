package dev.terrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.json.Json;
import dev.terrace.core.model.Resource;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.stack.Stack;
import dev.terrace.session.HealthCheck;
import dev.terrace.session.Sandbox;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shows the live state of every resource of the stack. */
@Command(name = "status", mixinStandardHelpOptions = true, resourceBundle = Texts.BUNDLE)
final class StatusCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Mixin
    GatewayOptions gateway;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Stack loaded = stack.loadValidStack(spec.commandLine().getErr());
        Map<Resource, ResourceStatus> statuses = new LinkedHashMap<>();
        try (Gateway opened = GatewayFactory.open(gateway, loaded, stack.stateRoot())) {
            for (Resource resource : loaded.all()) {
                ResourceStatus status = read(opened, resource);
                if (opened instanceof Sandbox) {
                    status = HealthCheck.addTo(status);
                }
                statuses.put(resource, status);
            }
        }
        if (stack.json) {
            ArrayNode array = Json.mapper().createArrayNode();
            statuses.forEach((resource, status) -> {
                ObjectNode node = array.addObject();
                node.put("address", resource.address().toString());
                node.put("chapter", resource.chapter().number());
                node.put("health", status.health().name().toLowerCase(java.util.Locale.ROOT));
                node.put("summary", status.summary());
                node.set("details", Json.mapper().valueToTree(status.details()));
            });
            out.println(Json.mapper().writeValueAsString(array));
        } else {
            statuses.forEach((resource, status) -> out.println(String.format("%-48s %-11s %s%s",
                    resource.address(), status.health(), status.summary(), details(status))));
        }
        out.flush();
        boolean failed = statuses.values().stream().anyMatch(status -> status.health() == ResourceStatus.Health.FAILED);
        return failed ? ExitCodes.ERROR : ExitCodes.OK;
    }

    /** Reads one status; a failed read shows as UNKNOWN with its reason instead of stopping the list. */
    private static ResourceStatus read(Gateway opened, Resource resource) {
        try {
            return opened.status().status(resource.spec());
        } catch (CloudException failed) {
            return new ResourceStatus(ResourceStatus.Health.UNKNOWN, failed.category() + ": " + failed.getMessage(),
                    null);
        }
    }

    private static String details(ResourceStatus status) {
        if (status.details().isEmpty()) {
            return "";
        }
        return "  " + status.details().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
