package dev.terrace.core.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.Spec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The driver of one kind on the in-memory gateway; API resources turn services on and off. */
final class MemoryDriver implements Driver<Spec> {

    private final MemoryGateway gateway;
    private final ResourceKind kind;

    MemoryDriver(MemoryGateway gateway, ResourceKind kind) {
        this.gateway = gateway;
        this.kind = kind;
    }

    @Override
    public Optional<Observed<Spec>> read(Spec spec) {
        gateway.call(kind, Operation.READ, spec.identity());
        if (spec instanceof ApiSpec api) {
            return gateway.cloud().enabledServices().contains(api.service()) ? Optional.of(Observed.of(spec))
                    : Optional.empty();
        }
        return gateway.cloud().get(kind, spec.identity()).map(stored -> new Observed<>(decode(stored.spec),
                stored.attributes));
    }

    @Override
    public Observed<Spec> create(Spec spec) {
        gateway.call(kind, Operation.CREATE, spec.identity());
        if (spec instanceof ApiSpec api) {
            gateway.cloud().setEnabled(api.service(), true);
            return Observed.of(spec);
        }
        Map<String, String> attributes = attributesFor(spec);
        if (!gateway.cloud().put(kind, spec.identity(), encode(spec), attributes, true)) {
            throw new CloudException(ErrorCategory.ALREADY_EXISTS, kind.key() + " " + spec.identity()
                    + " already exists");
        }
        gateway.audit("create", kind, spec.identity());
        return new Observed<>(spec, attributes);
    }

    @Override
    public Observed<Spec> update(Spec desired, Observed<Spec> current) {
        gateway.call(kind, Operation.UPDATE, desired.identity());
        if (desired instanceof ApiSpec) {
            return Observed.of(desired);
        }
        Optional<MemoryCloudData.StoredObject> stored = gateway.cloud().get(kind, desired.identity());
        if (stored.isEmpty()) {
            throw new CloudException(ErrorCategory.NOT_FOUND, kind.key() + " " + desired.identity() + " not found");
        }
        Map<String, String> attributes = new TreeMap<>(stored.get().attributes);
        attributes.put("generation", Long.toString(gateway.cloud().nextId()));
        gateway.cloud().put(kind, desired.identity(), encode(desired), attributes, false);
        gateway.audit("update", kind, desired.identity());
        return new Observed<>(desired, attributes);
    }

    @Override
    public void delete(Spec spec) {
        gateway.call(kind, Operation.DELETE, spec.identity());
        if (spec instanceof ApiSpec api) {
            gateway.cloud().setEnabled(api.service(), false);
            return;
        }
        if (!gateway.cloud().remove(kind, spec.identity())) {
            throw new CloudException(ErrorCategory.NOT_FOUND, kind.key() + " " + spec.identity() + " not found");
        }
        gateway.audit("delete", kind, spec.identity());
    }

    private Map<String, String> attributesFor(Spec spec) {
        Map<String, String> attributes = new TreeMap<>();
        long id = gateway.cloud().nextId();
        attributes.put("uid", "memory-" + id);
        attributes.put("generation", "1");
        if (spec instanceof RunServiceSpec service) {
            attributes.put("uri", "https://" + service.name() + "-" + Long.toHexString(id) + ".memory.invalid");
        }
        return attributes;
    }

    private JsonNode encode(Spec spec) {
        return gateway.mapper().valueToTree(spec);
    }

    private Spec decode(JsonNode node) {
        try {
            return gateway.mapper().treeToValue(node, kind.specType());
        } catch (JsonProcessingException corrupt) {
            throw new CloudException(ErrorCategory.UNKNOWN, "The in-memory cloud file has an invalid "
                    + kind.key() + ": " + corrupt.getOriginalMessage());
        }
    }
}
