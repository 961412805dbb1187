package dev.terrace.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A Cloud Run service with its IAM.
 *
 * @param cpu vCPUs as Cloud Run writes them ({@code 1}, {@code 2}, {@code 1000m})
 * @param memory Kubernetes quantity such as {@code 512Mi}
 * @param timeoutSeconds request timeout
 * @param ingress {@code all}, {@code internal} or {@code internal-and-cloud-load-balancing}
 */
public record RunServiceSpec(
        String name,
        String location,
        String image,
        String serviceAccount,
        Integer containerPort,
        String cpu,
        String memory,
        Integer minInstances,
        Integer maxInstances,
        Integer timeoutSeconds,
        String ingress,
        Map<String, String> env,
        Map<String, SecretEnvVar> secretEnv,
        Map<String, String> labels,
        Map<String, List<String>> iam) implements Spec {

    public RunServiceSpec {
        containerPort = containerPort == null ? 8080 : containerPort;
        cpu = cpu == null ? "1" : cpu;
        memory = memory == null ? "512Mi" : memory;
        minInstances = minInstances == null ? 0 : minInstances;
        maxInstances = maxInstances == null ? 100 : maxInstances;
        timeoutSeconds = timeoutSeconds == null ? 300 : timeoutSeconds;
        ingress = ingress == null ? "all" : ingress;
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
