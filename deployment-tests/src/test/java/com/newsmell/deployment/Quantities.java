package com.newsmell.deployment;

import java.math.BigDecimal;
import java.util.Map;

/** Parses the Kubernetes resource quantities used in the manifests (e.g. 512Mi, 1Gi, 250m, 1.5). */
final class Quantities {

    private static final Map<String, Long> MEMORY_SUFFIXES =
            Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "K", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

    private Quantities() {}

    /** Bytes. */
    static long memory(Object quantity) {
        String q = String.valueOf(quantity).strip();
        for (Map.Entry<String, Long> suffix : MEMORY_SUFFIXES.entrySet()) {
            if (q.endsWith(suffix.getKey())
                    && Character.isDigit(q.charAt(q.length() - suffix.getKey().length() - 1))) {
                String number = q.substring(0, q.length() - suffix.getKey().length());
                return new BigDecimal(number)
                        .multiply(BigDecimal.valueOf(suffix.getValue()))
                        .longValueExact();
            }
        }
        return new BigDecimal(q).longValueExact();
    }

    /** Millicores. */
    static long cpu(Object quantity) {
        String q = String.valueOf(quantity).strip();
        if (q.endsWith("m")) {
            return Long.parseLong(q.substring(0, q.length() - 1));
        }
        return new BigDecimal(q).multiply(BigDecimal.valueOf(1000)).longValueExact();
    }
}
