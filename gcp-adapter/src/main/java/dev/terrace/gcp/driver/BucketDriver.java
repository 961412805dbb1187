package dev.terrace.gcp.driver;

import com.google.api.gax.paging.Page;
import com.google.cloud.Binding;
import com.google.cloud.Policy;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Cors;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageClass;
import dev.terrace.core.port.CloudException;
import dev.terrace.core.port.Driver;
import dev.terrace.core.port.ErrorCategory;
import dev.terrace.core.port.Observed;
import dev.terrace.core.spec.BucketSpec;
import dev.terrace.core.spec.CorsRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cloud Storage buckets and their bucket-level IAM, through the Storage JSON API. */
final class BucketDriver implements Driver<BucketSpec> {

    /** Members Cloud Storage grants on every new bucket; they belong to the project, not the stack. */
    private static final List<String> CONVENIENCE_MEMBERS = List.of("projectOwner:", "projectEditor:",
            "projectViewer:");
    private static final Logger LOG = LoggerFactory.getLogger(BucketDriver.class);

    private final DriverContext context;

    BucketDriver(DriverContext context) {
        this.context = context;
    }

    @Override
    public Optional<Observed<BucketSpec>> read(BucketSpec spec) {
        Storage storage = context.clients().storage();
        Bucket bucket = Calls.call("read bucket " + spec.name(), () -> storage.get(spec.name()));
        if (bucket == null) {
            return Optional.empty();
        }
        Policy policy = Calls.call("read the IAM policy of bucket " + spec.name(),
                () -> storage.getIamPolicy(spec.name()));
        return Optional.of(observed(spec, bucket, roles(policy)));
    }

    @Override
    public Observed<BucketSpec> create(BucketSpec spec) {
        Storage storage = context.clients().storage();
        Bucket created = Calls.call("create bucket " + spec.name(), () -> storage.create(info(spec)));
        writeIam(spec, Set.of());
        return observed(spec, created, spec.iam());
    }

    @Override
    public Observed<BucketSpec> update(BucketSpec desired, Observed<BucketSpec> current) {
        Storage storage = context.clients().storage();
        // The JSON API patches labels key by key, so a label the stack dropped is sent as null to delete it.
        Map<String, String> labels = new HashMap<>(desired.labels());
        current.spec().labels().keySet().stream().filter(key -> !desired.labels().containsKey(key))
                .forEach(key -> labels.put(key, null));
        BucketInfo changed = info(desired, labels);
        Bucket updated = Calls.call("update bucket " + desired.name(), () -> storage.update(changed));
        writeIam(desired, current.spec().iam().keySet());
        return observed(desired, updated, desired.iam());
    }

    @Override
    public void delete(BucketSpec spec) {
        Storage storage = context.clients().storage();
        if (spec.forceDestroy()) {
            deleteObjects(storage, spec.name());
        }
        boolean deleted = Calls.call("delete bucket " + spec.name(), () -> storage.delete(spec.name()));
        if (!deleted) {
            throw new CloudException(ErrorCategory.NOT_FOUND, "Bucket " + spec.name() + " does not exist.");
        }
    }

    private void deleteObjects(Storage storage, String bucket) {
        Page<Blob> page = Calls.call("list objects of bucket " + bucket, () -> storage.list(bucket,
                Storage.BlobListOption.versions(true)));
        int count = 0;
        for (Blob blob : page.iterateAll()) {
            BlobId id = BlobId.of(bucket, blob.getName(), blob.getGeneration());
            Calls.call("delete object " + blob.getName() + " of bucket " + bucket, () -> storage.delete(id));
            count++;
        }
        LOG.info("Deleted {} object version(s) of bucket {} before deleting it", count, bucket);
    }

    private void writeIam(BucketSpec spec, Set<String> previouslyOwned) {
        if (spec.iam().isEmpty() && previouslyOwned.isEmpty()) {
            return;
        }
        Storage storage = context.clients().storage();
        String action = "set the IAM policy of bucket " + spec.name();
        for (int attempt = 1; ; attempt++) {
            try {
                Policy current = Calls.call("read the IAM policy of bucket " + spec.name(),
                        () -> storage.getIamPolicy(spec.name()));
                Policy merged = merge(current, spec.iam(), previouslyOwned);
                if (!roles(merged).equals(roles(current))) {
                    Calls.call(action, () -> storage.setIamPolicy(spec.name(), merged));
                }
                return;
            } catch (CloudException failed) {
                ResourcePolicy.retryOrThrow(action, attempt, failed);
            }
        }
    }

    private static Policy merge(Policy current, Map<String, List<String>> desired, Set<String> previouslyOwned) {
        Set<String> owned = new TreeSet<>(previouslyOwned);
        owned.addAll(desired.keySet());
        List<Binding> bindings = new ArrayList<>();
        for (Binding binding : current.getBindingsList()) {
            if (binding.getCondition() != null || !owned.contains(binding.getRole())) {
                bindings.add(binding);
                continue;
            }
            // Keep the project's convenience members in an owned role; only the stack's members change.
            List<String> convenience = binding.getMembers().stream().filter(BucketDriver::isConvenience).toList();
            if (!convenience.isEmpty()) {
                bindings.add(binding.toBuilder().setMembers(convenience).build());
            }
        }
        desired.forEach((role, members) -> {
            if (!members.isEmpty()) {
                bindings.add(Binding.newBuilder().setRole(role).setMembers(members).build());
            }
        });
        return current.toBuilder().setBindings(bindings).build();
    }

    /** Returns the members of each role without a condition, leaving out the convenience members. */
    private static Map<String, List<String>> roles(Policy policy) {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Binding binding : policy.getBindingsList()) {
            if (binding.getCondition() != null) {
                continue;
            }
            binding.getMembers().stream().filter(member -> !isConvenience(member)).forEach(member ->
                    roles.computeIfAbsent(binding.getRole(), role -> new TreeSet<>()).add(member));
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        roles.forEach((role, members) -> sorted.put(role, List.copyOf(members)));
        return sorted;
    }

    private static boolean isConvenience(String member) {
        return CONVENIENCE_MEMBERS.stream().anyMatch(member::startsWith);
    }

    private static BucketInfo info(BucketSpec spec) {
        return info(spec, spec.labels());
    }

    /** Returns the bucket's fields, all marked as set, so that an update patches every one of them. */
    private static BucketInfo info(BucketSpec spec, Map<String, String> labels) {
        BucketInfo.PublicAccessPrevention prevention = "enforced".equalsIgnoreCase(spec.publicAccessPrevention())
                ? BucketInfo.PublicAccessPrevention.ENFORCED : BucketInfo.PublicAccessPrevention.INHERITED;
        return BucketInfo.newBuilder(spec.name())
                .setLocation(spec.location())
                .setStorageClass(StorageClass.valueOf(spec.storageClass()))
                .setIamConfiguration(BucketInfo.IamConfiguration.newBuilder()
                        .setIsUniformBucketLevelAccessEnabled(spec.uniformBucketLevelAccess())
                        .setPublicAccessPrevention(prevention)
                        .build())
                .setVersioningEnabled(spec.versioning())
                .setCors(spec.cors().stream().map(BucketDriver::cors).toList())
                .setLabels(labels)
                .build();
    }

    private static Cors cors(CorsRule rule) {
        return Cors.newBuilder()
                .setOrigins(rule.origins().stream().map(Cors.Origin::of).toList())
                .setMethods(rule.methods().stream().map(method -> HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))
                        .toList())
                .setResponseHeaders(rule.responseHeaders())
                .setMaxAgeSeconds(rule.maxAgeSeconds())
                .build();
    }

    private static CorsRule rule(Cors cors) {
        return new CorsRule(cors.getOrigins() == null ? List.of() : cors.getOrigins().stream().map(Cors.Origin::getValue)
                .toList(), cors.getMethods() == null ? List.of() : cors.getMethods().stream().map(HttpMethod::name)
                .toList(), cors.getResponseHeaders(), cors.getMaxAgeSeconds());
    }

    private static Observed<BucketSpec> observed(BucketSpec spec, Bucket bucket, Map<String, List<String>> iam) {
        BucketInfo.IamConfiguration iamConfiguration = bucket.getIamConfiguration();
        boolean uniform = iamConfiguration != null && Boolean.TRUE.equals(
                iamConfiguration.isUniformBucketLevelAccessEnabled());
        String prevention = iamConfiguration == null || iamConfiguration.getPublicAccessPrevention() == null
                || iamConfiguration.getPublicAccessPrevention() != BucketInfo.PublicAccessPrevention.ENFORCED
                ? "inherited" : "enforced";
        // Cloud Storage returns locations in capitals; the spec's spelling is kept when they match.
        String location = spec.location() != null && spec.location().equalsIgnoreCase(bucket.getLocation())
                ? spec.location() : bucket.getLocation();
        List<CorsRule> cors = bucket.getCors() == null ? List.of() : bucket.getCors().stream().map(BucketDriver::rule)
                .toList();
        BucketSpec read = new BucketSpec(spec.name(), location,
                bucket.getStorageClass() == null ? null : bucket.getStorageClass().name(), uniform, prevention,
                Boolean.TRUE.equals(bucket.versioningEnabled()), spec.forceDestroy(), cors, bucket.getLabels(), iam);
        return new Observed<>(read, Map.of("self_link", String.valueOf(bucket.getSelfLink()),
                "metageneration", String.valueOf(bucket.getMetageneration())));
    }
}
