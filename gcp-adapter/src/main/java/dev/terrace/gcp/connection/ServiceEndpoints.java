package dev.terrace.gcp.connection;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The endpoint of each API. An overridden endpoint is a local emulator, which the adapter calls
 * over plaintext without credentials. Endpoints that are not overridden are Google's own, over TLS
 * with the connection's credentials.
 */
public final class ServiceEndpoints {

    private final Map<GcpService, String> overrides;

    private ServiceEndpoints(Map<GcpService, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** Returns Google's endpoints for every API. */
    public static ServiceEndpoints google() {
        return new ServiceEndpoints(Map.of());
    }

    /**
     * Returns endpoints of an emulator that serves every gRPC API on one target and the HTTP APIs
     * (Cloud Storage and Cloud Run's v1 location list) on one HTTP host.
     *
     * @param grpcTarget host:port of the gRPC server, such as {@code 127.0.0.1:8090}
     * @param storageHost base URL of the emulator's HTTP server, such as {@code http://127.0.0.1:8091}
     */
    public static ServiceEndpoints emulator(String grpcTarget, String storageHost) {
        Objects.requireNonNull(grpcTarget, "grpcTarget");
        Objects.requireNonNull(storageHost, "storageHost");
        Map<GcpService, String> all = new EnumMap<>(GcpService.class);
        for (GcpService service : GcpService.values()) {
            boolean http = service == GcpService.STORAGE || service == GcpService.RUN_REST;
            all.put(service, http ? storageHost : grpcTarget);
        }
        return new ServiceEndpoints(all);
    }

    /** Returns a copy in which one API is served by a local emulator at {@code endpoint}. */
    public ServiceEndpoints override(GcpService service, String endpoint) {
        Map<GcpService, String> changed = new EnumMap<>(GcpService.class);
        changed.putAll(overrides);
        changed.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(endpoint, "endpoint"));
        return new ServiceEndpoints(changed);
    }

    public String endpoint(GcpService service) {
        return overrides.getOrDefault(service, service.defaultEndpoint());
    }

    /** Returns whether the API is served by an emulator, so plaintext and no credentials. */
    public boolean isEmulated(GcpService service) {
        return overrides.containsKey(service);
    }

    /** Returns whether every API is emulated, so no call can reach Google. */
    public boolean allEmulated() {
        return overrides.size() == GcpService.values().length;
    }
}
