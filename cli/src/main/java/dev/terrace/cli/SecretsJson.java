package dev.terrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.core.json.Json;
import dev.terrace.core.port.SecretVersion;
import dev.terrace.core.secret.SecretEntry;
import dev.terrace.core.secret.SecretReader;
import java.util.List;

/** The JSON form of secrets for {@code --json}; it carries metadata only, never a value. */
final class SecretsJson {

    private SecretsJson() {
    }

    static ArrayNode entries(List<SecretEntry> entries) {
        ArrayNode array = Json.mapper().createArrayNode();
        entries.forEach(entry -> array.add(entry(entry)));
        return array;
    }

    static ObjectNode entry(SecretEntry entry) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("secret", entry.secretId());
        node.put("managed", entry.managed());
        node.put("exists", entry.exists());
        node.put("replication", entry.replication());
        node.set("replica_locations", Json.mapper().valueToTree(entry.replicaLocations()));
        node.set("labels", Json.mapper().valueToTree(entry.labels()));
        ArrayNode versions = node.putArray("versions");
        for (SecretVersion version : entry.versions()) {
            versions.addObject().put("version", version.version()).put("state", version.state())
                    .put("create_time", String.valueOf(version.createTime()));
        }
        ArrayNode readers = node.putArray("readers");
        for (SecretReader reader : entry.readers()) {
            readers.addObject().put("resource", reader.resource().toString()).put("env", reader.envVar())
                    .put("version", reader.version());
        }
        return node;
    }
}
