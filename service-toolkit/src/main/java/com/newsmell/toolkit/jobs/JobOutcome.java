package com.newsmell.toolkit.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * What a run did.
 *
 * @param rowsProcessed rows the run processed (changed, closed, created: the job says which in its description)
 * @param asOf the time the run's figures are as of, when the job computes figures for a time (else null: the
 *     run's clock is recorded)
 * @param detail job-specific figures, stored with the run and shown by {@code GET /v1/jobs}
 */
public record JobOutcome(long rowsProcessed, Instant asOf, Map<String, Object> detail) {

    public JobOutcome {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static JobOutcome rows(long rowsProcessed) {
        return new JobOutcome(rowsProcessed, null, Map.of());
    }
}
