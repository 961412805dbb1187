package dev.terrace.core.secret;

import dev.terrace.core.Guide;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.model.ResourceKind;
import dev.terrace.core.port.Gateway;
import dev.terrace.core.spec.ApiSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.SecretEnvVar;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's stack with the migrate job pinning DATABASE_URL at version 1, and a project that
 * has every secret of the stack plus one unmanaged secret, LEGACY_TOKEN.
 */
public final class SecretFixture {

    public static final Address MIGRATE = Address.parse("run_job.migrate");

    private SecretFixture() {
    }

    /** Returns the guide's stack with run_job.migrate reading DATABASE_URL at version 1. */
    public static Stack pinnedStack() {
        Stack guide = Guide.stack();
        Map<Address, Resource> resources = new LinkedHashMap<>(guide.resources());
        Resource migrate = resources.get(MIGRATE);
        RunJobSpec job = (RunJobSpec) migrate.spec();
        Map<String, SecretEnvVar> secretEnv = new LinkedHashMap<>(job.secretEnv());
        secretEnv.put("DATABASE_URL", new SecretEnvVar("DATABASE_URL", "1"));
        RunJobSpec pinned = new RunJobSpec(job.name(), job.location(), job.image(), job.serviceAccount(), job.command(),
                job.args(), job.cpu(), job.memory(), job.taskCount(), job.maxRetries(), job.taskTimeoutSeconds(),
                job.env(), secretEnv, job.labels(), job.iam());
        resources.put(MIGRATE, new Resource(MIGRATE, migrate.chapter(), pinned, migrate.dependsOn(),
                migrate.sourcePath()));
        return new Stack(guide.file(), guide.settings(), resources, null);
    }

    /** Returns an editor over {@link #pinnedStack()} on a project with every secret except EMAIL_HOST_PASSWORD. */
    public static SecretEditor editor(Gateway gateway) {
        Stack stack = pinnedStack();
        createSecrets(gateway, stack, List.of("EMAIL_HOST_PASSWORD"));
        return new SecretEditor(stack, gateway);
    }

    /** Creates the stack's secrets, except those named in {@code skip}, and LEGACY_TOKEN. */
    public static void createSecrets(Gateway gateway, Stack stack, List<String> skip) {
        gateway.driver(ResourceKind.API).create(new ApiSpec("secretmanager.googleapis.com"));
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof SecretSpec secret && !skip.contains(secret.secretId())) {
                gateway.<SecretSpec>driver(ResourceKind.SECRET).create(secret);
            }
        }
        gateway.<SecretSpec>driver(ResourceKind.SECRET).create(new SecretSpec("LEGACY_TOKEN", "user-managed",
                List.of("us-east1"), Map.of("team", "ops"), Map.of()));
    }
}
