package dev.terrace.core.spec;

import java.util.List;

/** One CORS rule of a bucket. */
public record CorsRule(
        List<String> origins,
        List<String> methods,
        List<String> responseHeaders,
        Integer maxAgeSeconds) {

    public CorsRule {
        origins = Specs.list(origins);
        methods = Specs.list(methods);
        responseHeaders = Specs.list(responseHeaders);
    }
}
