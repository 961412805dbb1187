package dev.terrace.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A Cloud Run job with its IAM.
 *
 * @param command the container entrypoint; empty keeps the image's own
 * @param taskTimeoutSeconds how long one task may run before Cloud Run stops it
 */
public record RunJobSpec(
        String name,
        String location,
        String image,
        String serviceAccount,
        List<String> command,
        List<String> args,
        String cpu,
        String memory,
        Integer taskCount,
        Integer maxRetries,
        Integer taskTimeoutSeconds,
        Map<String, String> env,
        Map<String, SecretEnvVar> secretEnv,
        Map<String, String> labels,
        Map<String, List<String>> iam) implements Spec {

    public RunJobSpec {
        command = Specs.list(command);
        args = Specs.list(args);
        cpu = cpu == null ? "1" : cpu;
        memory = memory == null ? "512Mi" : memory;
        taskCount = taskCount == null ? 1 : taskCount;
        maxRetries = maxRetries == null ? 3 : maxRetries;
        taskTimeoutSeconds = taskTimeoutSeconds == null ? 600 : taskTimeoutSeconds;
        env = Specs.sorted(env);
        secretEnv = Specs.sorted(secretEnv);
        labels = Specs.sorted(labels);
        iam = Specs.iam(iam);
    }

    @Override
    public String identity() {
        return location + "/" + name;
    }
}
