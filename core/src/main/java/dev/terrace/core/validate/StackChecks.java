package dev.terrace.core.validate;

import dev.terrace.core.diag.Severity;
import dev.terrace.core.graph.ResourceGraph;
import dev.terrace.core.model.Address;
import dev.terrace.core.model.Resource;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.ProjectIamMemberSpec;
import dev.terrace.core.spec.RunJobSpec;
import dev.terrace.core.spec.RunServiceSpec;
import dev.terrace.core.spec.SecretSpec;
import dev.terrace.core.stack.DiagnosticSink;
import dev.terrace.core.stack.FieldPath;
import dev.terrace.core.stack.Stack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks that look at several resources at once: duplicates, cycles and redundant grants. */
final class StackChecks {

    private final DiagnosticSink sink;

    StackChecks(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(Stack stack) {
        checkSameCloudObject(stack);
        checkCycles(stack);
        checkGrants(stack);
    }

    /** Two addresses that name one cloud object would overwrite each other on every apply. */
    private void checkSameCloudObject(Stack stack) {
        Map<String, Resource> seen = new HashMap<>();
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof ProjectIamMemberSpec) {
                continue;
            }
            String key = resource.kind().key() + " " + resource.spec().identity();
            Resource first = seen.putIfAbsent(key, resource);
            if (first != null) {
                sink.atResource(Severity.ERROR, resource, "validate.same_cloud_object", resource.address(),
                        first.address(), resource.spec().identity());
            }
        }
    }

    private void checkCycles(Stack stack) {
        for (List<Address> cycle : ResourceGraph.of(stack.all()).cycles()) {
            Resource first = stack.find(cycle.get(0)).orElseThrow();
            String loop = cycle.stream().map(Address::toString).collect(Collectors.joining(" -> "));
            String members = cycle.stream().skip(1).map(Address::toString).sorted().collect(Collectors.joining(", "));
            sink.atField(Severity.ERROR, first, FieldPath.of("depends_on"), null, "validate.cycle", loop, members);
        }
    }

    /**
     * The same project grant twice is one binding; a grant on a bucket, secret, service or job of
     * a role the member already holds on the whole project adds nothing.
     */
    private void checkGrants(Stack stack) {
        Map<String, Resource> projectGrants = new HashMap<>();
        for (Resource resource : stack.all()) {
            if (resource.spec() instanceof ProjectIamMemberSpec grant) {
                Resource first = projectGrants.putIfAbsent(grant.role() + " " + grant.member(), resource);
                if (first != null) {
                    sink.atResource(Severity.WARNING, resource, "validate.duplicate_grant", resource.address(),
                            first.address(), grant.role(), grant.member());
                }
            }
        }
        for (Resource resource : stack.all()) {
            Map<String, List<String>> iam = iamOf(resource);
            iam.forEach((role, members) -> members.forEach(member -> {
                Resource project = projectGrants.get(role + " " + member);
                if (project != null) {
                    sink.atField(Severity.WARNING, resource, FieldPath.of("iam", role), member,
                            "validate.redundant_grant", member, role, resource.address(), project.address());
                }
            }));
        }
    }

    private static Map<String, List<String>> iamOf(Resource resource) {
        if (resource.spec() instanceof BucketSpec bucket) {
            return bucket.iam();
        }
        if (resource.spec() instanceof SecretSpec secret) {
            return secret.iam();
        }
        if (resource.spec() instanceof RunServiceSpec service) {
            return service.iam();
        }
        if (resource.spec() instanceof RunJobSpec job) {
            return job.iam();
        }
        return Map.of();
    }
}
