package dev.terrace.cli;

/** Checks the --parallelism option. */
final class Parallelism {

    static final int MAX = 256;

    private Parallelism() {
    }

    static int check(int value) {
        if (value < 1 || value > MAX) {
            throw new UserError(Texts.get("error.parallelism", value, MAX));
        }
        return value;
    }
}
