package dev.terrace.core.memory;

import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.ResourceStatus;
import dev.terrace.core.port.ResourceStatus.Health;
import dev.terrace.core.port.StatusSource;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.Spec;

/** Status on the in-memory gateway: an object that exists is ready, with its attributes as details. */
final class MemoryStatus implements StatusSource {

    private final MemoryGateway gateway;

    MemoryStatus(MemoryGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public ResourceStatus status(Spec spec) {
        ResourceKind kind = ResourceKind.of(spec);
        if (spec instanceof ApiSpec api) {
            boolean on = gateway.cloud().enabledServices().contains(api.service());
            return new ResourceStatus(on ? Health.READY : Health.MISSING, on ? "enabled" : "disabled", null);
        }
        return gateway.cloud().get(kind, spec.identity())
                .map(stored -> new ResourceStatus(Health.READY, "exists", stored.attributes))
                .orElse(new ResourceStatus(Health.MISSING, "does not exist", null));
    }
}
