package dev.terrace.gcp.driver;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.SecretKeySelector;
import dev.terrace.core.spec.SecretEnvVar;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between the spec's container fields and Cloud Run's, and normalises what Cloud Run
 * rewrites (CPU {@code 1000m} for {@code 1}, quantities, secret names) so that a second plan after
 * an apply shows no change.
 */
final class RunContainers {

    private RunContainers() {
    }

    static Container.Builder container(String image, String cpu, String memory, Map<String, String> env,
            Map<String, SecretEnvVar> secretEnv) {
        Container.Builder container = Container.newBuilder().setImage(image)
                .setResources(ResourceRequirements.newBuilder().putLimits("cpu", cpu).putLimits("memory", memory));
        env.forEach((name, value) -> container.addEnv(EnvVar.newBuilder().setName(name).setValue(value)));
        secretEnv.forEach((name, reference) -> container.addEnv(EnvVar.newBuilder().setName(name)
                .setValueSource(EnvVarSource.newBuilder().setSecretKeyRef(SecretKeySelector.newBuilder()
                        .setSecret(reference.secret()).setVersion(reference.version())))));
        return container;
    }

    static Map<String, String> plainEnv(Container container) {
        Map<String, String> env = new TreeMap<>();
        container.getEnvList().stream().filter(variable -> !variable.hasValueSource())
                .forEach(variable -> env.put(variable.getName(), variable.getValue()));
        return env;
    }

    static Map<String, SecretEnvVar> secretEnv(Container container) {
        Map<String, SecretEnvVar> env = new TreeMap<>();
        container.getEnvList().stream().filter(EnvVar::hasValueSource).forEach(variable -> {
            SecretKeySelector reference = variable.getValueSource().getSecretKeyRef();
            env.put(variable.getName(), new SecretEnvVar(secretId(reference.getSecret()),
                    reference.getVersion().isEmpty() ? "latest" : reference.getVersion()));
        });
        return env;
    }

    /** Returns the secret's id whether Cloud Run wrote it alone or as {@code projects/P/secrets/ID}. */
    static String secretId(String secret) {
        int index = secret.lastIndexOf("/secrets/");
        return index < 0 ? secret : secret.substring(index + "/secrets/".length());
    }

    /** Returns the desired CPU when Cloud Run's value means the same number of vCPUs. */
    static String cpu(String observed, String desired) {
        if (observed == null || observed.isEmpty()) {
            return desired;
        }
        return desired != null && millicores(observed).compareTo(millicores(desired)) == 0 ? desired : observed;
    }

    /** Returns the desired memory when Cloud Run's quantity means the same number of bytes. */
    static String memory(String observed, String desired) {
        if (observed == null || observed.isEmpty()) {
            return desired;
        }
        return desired != null && bytes(observed).compareTo(bytes(desired)) == 0 ? desired : observed;
    }

    static BigDecimal millicores(String cpu) {
        try {
            return cpu.endsWith("m") ? new BigDecimal(cpu.substring(0, cpu.length() - 1))
                    : new BigDecimal(cpu).multiply(BigDecimal.valueOf(1000));
        } catch (NumberFormatException notNumeric) {
            return BigDecimal.valueOf(-1);
        }
    }

    static BigDecimal bytes(String quantity) {
        String[] suffixes = {"Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T"};
        long[] factors = {1L << 10, 1L << 20, 1L << 30, 1L << 40, 1_000L, 1_000_000L, 1_000_000_000L,
            1_000_000_000_000L};
        try {
            for (int index = 0; index < suffixes.length; index++) {
                if (quantity.endsWith(suffixes[index])) {
                    String number = quantity.substring(0, quantity.length() - suffixes[index].length());
                    return new BigDecimal(number).multiply(BigDecimal.valueOf(factors[index]));
                }
            }
            return new BigDecimal(quantity.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException notNumeric) {
            return BigDecimal.valueOf(-1);
        }
    }

    /** Returns the user's labels, without those Google adds to Cloud Run objects. */
    static Map<String, String> userLabels(Map<String, String> labels) {
        Map<String, String> user = new TreeMap<>();
        labels.forEach((key, value) -> {
            if (!key.startsWith("run.googleapis.com/") && !key.startsWith("cloud.googleapis.com/")
                    && !key.startsWith("goog-")) {
                user.put(key, value);
            }
        });
        return user;
    }
}
