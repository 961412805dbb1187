package dev.terrace.core.cost;

import java.math.BigDecimal;

/** Converts the sizes Cloud Run specs write (vCPUs, memory quantities) into billing units. */
final class Sizes {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);

    private Sizes() {
    }

    /** Returns vCPUs from {@code 1}, {@code 0.5} or {@code 1000m}. */
    static BigDecimal vcpus(String cpu) {
        if (cpu.endsWith("m")) {
            return new BigDecimal(cpu.substring(0, cpu.length() - 1)).divide(THOUSAND, PriceMath.CONTEXT);
        }
        return new BigDecimal(cpu);
    }

    /** Returns GiB from {@code 512Mi} or {@code 2Gi}, the two units validation accepts. */
    static BigDecimal gib(String memory) {
        if (memory.endsWith("Gi")) {
            return new BigDecimal(memory.substring(0, memory.length() - 2));
        }
        if (memory.endsWith("Mi")) {
            return new BigDecimal(memory.substring(0, memory.length() - 2)).divide(MIB_PER_GIB, PriceMath.CONTEXT);
        }
        throw new IllegalArgumentException("Memory \"" + memory + "\" is not in Mi or Gi; validate the stack first");
    }
}
