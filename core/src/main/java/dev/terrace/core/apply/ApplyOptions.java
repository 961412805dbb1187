package dev.terrace.core.apply;

/**
 * How to apply.
 *
 * @param parallelism how many operations may run at once
 */
public record ApplyOptions(int parallelism, RetryPolicy retry) {

    public static final int DEFAULT_PARALLELISM = 10;

    public ApplyOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        retry = retry == null ? RetryPolicy.defaults() : retry;
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(DEFAULT_PARALLELISM, RetryPolicy.defaults());
    }
}
