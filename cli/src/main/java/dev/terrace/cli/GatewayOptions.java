package dev.terrace.cli;

import dev.terrace.core.engine.Directories;
import dev.terrace.core.memory.FaultRule;
import dev.terrace.core.memory.Operation;
import dev.terrace.core.model.Address;
import dev.terrace.core.port.ErrorCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that choose the cloud a command talks to. */
final class GatewayOptions {

    @Option(names = "--gateway", paramLabel = "KIND", descriptionKey = "option.gateway")
    GatewayKind gateway;

    @Option(names = "--sandbox", descriptionKey = "option.sandbox")
    boolean sandbox;

    @Option(names = "--sandbox-dir", paramLabel = "DIR", descriptionKey = "option.sandboxDir")
    Path sandboxDir;

    @Option(names = "--project", paramLabel = "ID", descriptionKey = "option.project")
    String project;

    @Option(names = "--region", paramLabel = "REGION", descriptionKey = "option.region")
    String region;

    @Option(names = "--impersonate", paramLabel = "EMAIL", descriptionKey = "option.impersonate")
    String impersonate;

    @Option(names = "--memory-latency", paramLabel = "OP=DURATION[,...]", split = ",",
            descriptionKey = "option.memoryLatency")
    Map<String, String> memoryLatency = Map.of();

    @Option(names = "--memory-unavailable-rate", paramLabel = "RATE", defaultValue = "0",
            descriptionKey = "option.memoryUnavailableRate")
    double memoryUnavailableRate;

    @Option(names = "--memory-fail", paramLabel = "ADDRESS", descriptionKey = "option.memoryFail")
    List<Address> memoryFail = new ArrayList<>();

    @Option(names = "--memory-seed", paramLabel = "SEED", defaultValue = "1", descriptionKey = "option.memorySeed")
    long memorySeed;

    /**
     * Returns the cloud to talk to: --gateway when given, else Google Cloud when --project or
     * --impersonate names one, else the sandbox.
     */
    GatewayKind kind() {
        if (sandbox && (gateway != null && gateway != GatewayKind.SANDBOX || project != null || impersonate != null)) {
            throw new UserError(Texts.get("error.sandbox_conflict"));
        }
        if (gateway != null) {
            return gateway;
        }
        if (sandbox) {
            return GatewayKind.SANDBOX;
        }
        return project != null || impersonate != null ? GatewayKind.GOOGLE : GatewayKind.SANDBOX;
    }

    Path sandboxRoot() {
        return sandboxDir != null ? sandboxDir : Directories.fromEnvironment().sandbox();
    }

    /** Parses {@code create=200ms,read=50ms} into a latency per operation. */
    Map<Operation, Duration> latency() {
        Map<Operation, Duration> latency = new EnumMap<>(Operation.class);
        memoryLatency.forEach((operation, duration) -> {
            Operation parsed;
            try {
                parsed = Operation.valueOf(operation.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new UserError(Texts.get("error.memory_latency_operation", operation,
                        "read, create, update, delete, enabled_services"));
            }
            latency.put(parsed, DurationText.parse(duration, "--memory-latency"));
        });
        return latency;
    }

    List<FaultRule> faults(Map<Address, String> identities) {
        if (memoryUnavailableRate < 0 || memoryUnavailableRate > 1) {
            throw new UserError(Texts.get("error.rate_range", memoryUnavailableRate));
        }
        List<FaultRule> faults = new ArrayList<>();
        for (Address address : memoryFail) {
            String identity = identities.get(address);
            if (identity == null) {
                throw new UserError(Texts.get("error.memory_fail_unknown", address));
            }
            faults.add(FaultRule.permanent(address.kind(), identity, ErrorCategory.PERMISSION_DENIED));
        }
        if (memoryUnavailableRate > 0) {
            faults.add(FaultRule.unavailable(memoryUnavailableRate));
        }
        return faults;
    }
}
