package dev.terrace.core.validate;

import java.util.Set;
import java.util.TreeSet;

/**
 * Google Cloud regions, as listed on the public locations page in late 2026. A region missing
 * here is reported as unknown, so the list must grow when Google opens one.
 */
final class Regions {

    static final Set<String> KNOWN = new TreeSet<>(Set.of(
            "africa-south1",
            "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3",
            "asia-south1", "asia-south2", "asia-southeast1", "asia-southeast2",
            "australia-southeast1", "australia-southeast2",
            "europe-central2", "europe-north1", "europe-north2", "europe-southwest1", "europe-west1",
            "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8", "europe-west9",
            "europe-west10", "europe-west12",
            "me-central1", "me-central2", "me-west1",
            "northamerica-northeast1", "northamerica-northeast2", "northamerica-south1",
            "southamerica-east1", "southamerica-west1",
            "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1", "us-west2", "us-west3",
            "us-west4"));

    /** Multi-regions and dual-regions that Cloud Storage accepts as a bucket location. */
    static final Set<String> STORAGE_MULTI = Set.of("us", "eu", "asia", "nam4", "eur4", "asia1", "eur5", "eur7",
            "eur8");

    private Regions() {
    }

    /** Returns the known region nearest in spelling, for a "did you mean" hint. */
    static String closest(String region) {
        String best = "us-central1";
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KNOWN) {
            int distance = distance(region, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String left, String right) {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
