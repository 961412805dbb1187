package dev.terrace.gcp.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the server rewrites must read back as what the stack wrote. */
class NormalisationTest {

    @Test
    void cpuInMillicoresMatchesWholeCpus() {
        assertThat(RunContainers.cpu("1000m", "1")).isEqualTo("1");
        assertThat(RunContainers.cpu("2", "2000m")).isEqualTo("2000m");
        assertThat(RunContainers.cpu("2", "1")).isEqualTo("2");
        assertThat(RunContainers.cpu("", "1")).isEqualTo("1");
    }

    @Test
    void memoryQuantitiesCompareAsBytes() {
        assertThat(RunContainers.memory("536870912", "512Mi")).isEqualTo("512Mi");
        assertThat(RunContainers.memory("0.5Gi", "512Mi")).isEqualTo("512Mi");
        assertThat(RunContainers.memory("1Gi", "512Mi")).isEqualTo("1Gi");
    }

    @Test
    void secretNamesLoseTheirProjectPrefix() {
        assertThat(RunContainers.secretId("projects/123/secrets/DATABASE_URL")).isEqualTo("DATABASE_URL");
        assertThat(RunContainers.secretId("DATABASE_URL")).isEqualTo("DATABASE_URL");
    }

    @Test
    void googleLabelsAreNotTheUsers() {
        Map<String, String> labels = RunContainers.userLabels(Map.of("managed-by", "terrace",
                "run.googleapis.com/startupProbeType", "Default", "goog-managed-by", "cloudfunctions"));

        assertThat(labels).containsOnlyKeys("managed-by");
    }

    @Test
    void policyMergeKeepsOtherRolesAndEtag() {
        Policy current = Policy.newBuilder().setEtag(ByteString.copyFromUtf8("v7"))
                .addBindings(Binding.newBuilder().setRole("roles/viewer").addMembers("user:ops@example.com"))
                .addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("user:old@example.com"))
                .build();

        Policy merged = ResourcePolicy.merge(current, Map.of("roles/run.invoker", List.of("allUsers")),
                Set.of("roles/run.invoker"));

        assertThat(merged.getEtag().toStringUtf8()).isEqualTo("v7");
        assertThat(ResourcePolicy.roles(merged)).containsEntry("roles/viewer", List.of("user:ops@example.com"))
                .containsEntry("roles/run.invoker", List.of("allUsers"));
    }

    @Test
    void policyMergeWithoutChangeReturnsCurrent() {
        Policy current = Policy.newBuilder()
                .addBindings(Binding.newBuilder().setRole("roles/run.invoker").addMembers("allUsers")).build();

        Policy merged = ResourcePolicy.merge(current, Map.of("roles/run.invoker", List.of("allUsers")), Set.of());

        assertThat(merged).isSameAs(current);
    }
}
