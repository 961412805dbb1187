package dev.terrace.core.port;

import dev.terrace.core.spec.Spec;

/** Live status of resources, read through the same gateway as plans. */
public interface StatusSource {

    ResourceStatus status(Spec spec);
}
