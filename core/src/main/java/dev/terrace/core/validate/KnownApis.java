package dev.terrace.core.validate;

import java.util.Set;

/**
 * Service names that Service Usage accepts for the APIs a web stack on Google Cloud commonly
 * enables. A name outside this list is reported as unknown, because a typo in an API name (the
 * popular guide writes tasks.googleapis.com for cloudtasks.googleapis.com) only fails at apply.
 */
final class KnownApis {

    static final Set<String> NAMES = Set.of(
            "artifactregistry.googleapis.com", "bigquery.googleapis.com", "cloudbuild.googleapis.com",
            "cloudfunctions.googleapis.com", "cloudkms.googleapis.com", "cloudresourcemanager.googleapis.com",
            "cloudscheduler.googleapis.com", "cloudtasks.googleapis.com", "cloudtrace.googleapis.com",
            "compute.googleapis.com", "containerregistry.googleapis.com", "dns.googleapis.com",
            "eventarc.googleapis.com", "firestore.googleapis.com", "iam.googleapis.com",
            "iamcredentials.googleapis.com", "logging.googleapis.com", "monitoring.googleapis.com",
            "pubsub.googleapis.com", "redis.googleapis.com", "run.googleapis.com", "secretmanager.googleapis.com",
            "servicenetworking.googleapis.com", "serviceusage.googleapis.com", "sqladmin.googleapis.com",
            "storage.googleapis.com", "storage-api.googleapis.com", "storage-component.googleapis.com",
            "sts.googleapis.com", "vpcaccess.googleapis.com", "workflows.googleapis.com",
            "cloudbilling.googleapis.com", "billingbudgets.googleapis.com", "certificatemanager.googleapis.com",
            "clouderrorreporting.googleapis.com", "containeranalysis.googleapis.com", "appengine.googleapis.com");

    private KnownApis() {
    }
}
